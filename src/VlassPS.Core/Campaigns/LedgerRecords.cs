namespace VlassPS.Core.Campaigns;

/// <summary>One submission (or claim to submit) of a campaign job, as the ledger keeps it.</summary>
public sealed class CampaignJobAttempt
{
    /// <summary>Unique key, also the batch job's name: how a lost record is found again.</summary>
    public string Key { get; init; } = "";
    /// <summary>Split or Imaging.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The measurement set (Split) or the unit (Imaging) the job is for.</summary>
    public string Subject { get; init; } = "";
    public int Attempt { get; init; }
    /// <summary>Null while only claimed (intent written, submission not yet recorded).</summary>
    public string? JobId { get; init; }
    /// <summary>Claimed, Pending, Running, Completed, Failed, Cancelled, TimedOut, OutOfMemory, NodeFail, Unknown.</summary>
    public string State { get; init; } = "";
    public string? Reason { get; init; }
    public DateTimeOffset Claimed { get; init; }
    public DateTimeOffset? Submitted { get; init; }
    public DateTimeOffset? Finished { get; init; }
    public override string ToString() => $"{Kind} {Subject} #{Attempt}: {State} {JobId}";
}

/// <summary>One target × epoch (measurement set) of a campaign: Get-VlassCampaign output.</summary>
public sealed class CampaignUnitStatus
{
    public string Target { get; init; } = "";
    /// <summary>The epoch label: the measurement set's name in the data directory (one MS per epoch and tile).</summary>
    public string Epoch { get; init; } = "";
    public string? MeasurementSet { get; init; }
    public string? Workspace { get; init; }
    /// <summary>NoData, SplitPending, Splitting, SplitFailed, Queued, Running, Completed, Retrying, Failed.</summary>
    public string State { get; init; } = "";
    public string? SplitJobId { get; init; }
    public string? JobId { get; init; }
    public int Attempts { get; init; }
    public int Products { get; init; }
    /// <summary>Why each failed attempt failed, oldest first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = Array.Empty<string>();
    /// <summary>The flux check after completion (null: none configured, or not completed yet).</summary>
    public CampaignCheckResult? Check { get; init; }
    public string? CheckState => Check?.State;
    public double? PeakJyPerBeam => Check?.PeakJyPerBeam;
    public double? FluxJy => Check?.FluxJy;
    /// <summary>Our flux / the official image's flux in the same circle.</summary>
    public double? FluxRatio => Check?.FluxRatio;
    /// <summary>For plan rows without data (AwaitingData): the MSs to download and their archive links.</summary>
    public IReadOnlyList<string> MissingMeasurementSets { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> DownloadLinks { get; init; } = Array.Empty<string>();
    /// <summary>Why the row is in its state when no job explains it (plan notes, what to download).</summary>
    public string? Note { get; init; }
    public override string ToString() => $"{Target} {Epoch}: {State}";
}

/// <summary>
/// The flux check of one completed unit, as the ledger keeps it: the peak and the integrated flux in a circle around
/// the target on the science cutout (*.image.pbcor.tt0.science.subim.fits), and, with an official image, the flux in
/// the same circle there and the ratio. A failed check keeps its reason.
/// </summary>
public sealed class CampaignCheckResult
{
    /// <summary>Measured (flux only), Compared (flux and official image), or Failed (see <see cref="Reason"/>).</summary>
    public string State { get; init; } = "";
    public string? Image { get; init; }
    public double RadiusArcsec { get; init; }
    public double? PeakJyPerBeam { get; init; }
    public double? FluxJy { get; init; }
    public double? FluxUncertaintyJy { get; init; }
    public string? OfficialImage { get; init; }
    public double? OfficialFluxJy { get; init; }
    public double? FluxRatio { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? Checked { get; init; }
    /// <summary>The settings the check ran with; a change of radius or official image checks the unit again.</summary>
    public string Settings { get; init; } = "";
    public override string ToString() => State == "Failed" ? $"Failed: {Reason}" : $"{State} {FluxJy} Jy";
}

/// <summary>Per-state counts over a campaign: Get-VlassCampaign without -Detail, and Invoke-VlassCampaign's summary.</summary>
public sealed class CampaignSummary
{
    public string Ledger { get; init; } = "";
    public int Targets { get; init; }
    public int Units { get; init; }
    public IReadOnlyDictionary<string, int> States { get; init; } = new Dictionary<string, int>();
    public int Submitted { get; init; }
    /// <summary>What this pass did (Invoke-VlassCampaign only): submitted splits and imaging jobs, resolved lost records.</summary>
    public int SplitsSubmitted { get; init; }
    public int ImagingSubmitted { get; init; }
    public int Recovered { get; init; }
    /// <summary>Job arrays this pass submitted (Slurm; each holds several of <see cref="ImagingSubmitted"/>).</summary>
    public int ArraysSubmitted { get; init; }
    /// <summary>True when another pass held the campaign and this one did nothing.</summary>
    public bool Busy { get; init; }
    public int Completed => States.TryGetValue("Completed", out int n) ? n : 0;
    public int Failed => States.TryGetValue("Failed", out int n) ? n : 0;
    public override string ToString() => string.Join(", ", States.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
