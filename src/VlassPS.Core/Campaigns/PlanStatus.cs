namespace VlassPS.Core.Campaigns;

/// <summary>What a target × epoch row of a campaign plan means for the run.</summary>
public enum PlanStatus
{
    /// <summary>Observed; every execution block found; one MS covers the region.</summary>
    Ready,
    /// <summary>Observed; the region spans execution blocks of different scheduling blocks: one split per MS.</summary>
    MultipleMeasurementSets,
    /// <summary>None of the region's tiles was observed in this epoch (not in the table or no observation date yet).</summary>
    NotObserved,
    /// <summary>Observed, but the execution blocks are unknown: not cached (-Offline) or the archive lists none.</summary>
    ExecutionBlocksUnknown,
}
