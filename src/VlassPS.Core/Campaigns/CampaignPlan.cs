namespace VlassPS.Core.Campaigns;

/// <summary>
/// A whole campaign plan (no side effects made it): per target × epoch rows, then the same grouped by
/// execution block. Contract for campaign-run:
/// <list type="bullet">
/// <item><see cref="Entries"/>: one row per target × epoch, in target order then epoch order (VLASS1.1 first).
/// A target with no epochs requested gets a row for every epoch in which one of its tiles was observed.</item>
/// <item><see cref="Downloads"/>: every distinct EB any row needs, in greedy set-cover order.</item>
/// <item><see cref="MultipleMeasurementSets"/>: rows whose region needs more than one MS (plan one split per MS).</item>
/// <item><see cref="NotObserved"/>: rows for which no tile was observed in that epoch; <see cref="Unresolved"/>:
/// observed rows whose EBs are unknown (offline without cache, or none listed).</item>
/// </list>
/// </summary>
public sealed class CampaignPlan
{
    public CampaignPlan(CampaignDefinition? definition, IReadOnlyList<CampaignPlanEntry> entries, IReadOnlyList<CampaignDownload> downloads)
    {
        Definition = definition;
        Entries = entries;
        Downloads = downloads;
    }

    public CampaignDefinition? Definition { get; }
    public IReadOnlyList<CampaignPlanEntry> Entries { get; }
    public IReadOnlyList<CampaignDownload> Downloads { get; }
    public IEnumerable<CampaignPlanEntry> MultipleMeasurementSets => Entries.Where(e => e.Status == PlanStatus.MultipleMeasurementSets);
    public IEnumerable<CampaignPlanEntry> NotObserved => Entries.Where(e => e.Status == PlanStatus.NotObserved);
    public IEnumerable<CampaignPlanEntry> Unresolved => Entries.Where(e => e.Status == PlanStatus.ExecutionBlocksUnknown);
}
