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
    public override string ToString() => $"{Target} {Epoch}: {State}";
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
