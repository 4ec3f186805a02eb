using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;
using VlassPS.Core.Geometry;
using VlassPS.Core.Targets;
using VlassPS.Core.Tiling;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// One row of a campaign plan: a target in one epoch. Carries the tiles the imaging search region overlaps,
/// the survey observations of those tiles in the epoch, the execution blocks (one calibrated MS each, QA-rejected
/// ones left out) the pipeline needs, and the image geometry. <see cref="Target"/> makes rows pipe into the other
/// cmdlets by property name; <see cref="MeasurementSets"/> gives the MS folder names a split/workspace needs.
/// </summary>
public sealed class CampaignPlanEntry
{
    public CampaignPlanEntry(CampaignTarget campaignTarget, string epoch, IReadOnlyList<VlassTile> tiles,
        IReadOnlyList<VlassObservation> observations, IReadOnlyList<ExecutionBlock> executionBlocks,
        ImageGeometry geometry, PlanStatus status, IReadOnlyList<string>? notes = null)
    {
        CampaignTarget = campaignTarget;
        Epoch = epoch;
        Tiles = tiles;
        Observations = observations;
        ExecutionBlocks = executionBlocks;
        Geometry = geometry;
        Status = status;
        Notes = notes ?? Array.Empty<string>();
    }

    public CampaignTarget CampaignTarget { get; }
    public VlassTarget Target => CampaignTarget.Target;
    public string TargetName => CampaignTarget.Name;
    public string Epoch { get; }
    /// <summary>Every tile the search region (science half-size + search radius) overlaps; the first contains the target.</summary>
    public IReadOnlyList<VlassTile> Tiles { get; }
    public IReadOnlyList<string> TileNames => Tiles.Select(t => t.Name).ToArray();
    /// <summary>Observed survey rows of <see cref="Tiles"/> in <see cref="Epoch"/> (those with an observation date).</summary>
    public IReadOnlyList<VlassObservation> Observations { get; }
    /// <summary>The execution blocks the target needs in this epoch, distinct by name, ordered by name.</summary>
    public IReadOnlyList<ExecutionBlock> ExecutionBlocks { get; }
    /// <summary>MS folder names (&lt;EB&gt;.ms) of <see cref="ExecutionBlocks"/>.</summary>
    public IReadOnlyList<string> MeasurementSets => ExecutionBlocks.Select(e => e.MsName).ToArray();
    public ImageGeometry Geometry { get; }
    public PlanStatus Status { get; }
    /// <summary>True when the region needs data from more than one MS (split each, as Memo 20 recommends).</summary>
    public bool NeedsMultipleMeasurementSets => ExecutionBlocks.Count > 1;
    /// <summary>Human-readable reasons (why not observed, which lookups failed, ...).</summary>
    public IReadOnlyList<string> Notes { get; }
    public override string ToString() => $"{TargetName} {Epoch} {Status}";
}
