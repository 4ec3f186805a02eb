using System.Management.Automation;
using VlassPS.Archive;
using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Tiling;

namespace VlassPS.Commands;

/// <summary>
/// Invoke-VlassCampaign's plan: the same planner, survey table, EB cache and archive as Get-VlassCampaignPlan, so
/// that <c>$campaign | Get-VlassCampaignPlan</c> and <c>$campaign | Invoke-VlassCampaign</c> agree on which execution
/// block is which epoch and serves which targets.
/// </summary>
public sealed partial class InvokeVlassCampaignCommand
{
    /// <summary>The plan rows of every target, or null (with a warning) when no survey table is at hand.</summary>
    private IReadOnlyList<CampaignPlanEntry>? PlanCampaign(bool offline)
    {
        var catalog = CatalogAccess.TryLoad(CatalogPath is null ? null : ResolvePath(CatalogPath), DataDirectorySetting(CacheDirectory), out var error);
        if (catalog is null)
        {
            if (CatalogPath is not null) ThrowInvocationError(error!, CatalogAccess.MissingErrorId, ErrorCategory.ObjectNotFound, CatalogPath);
            WriteWarning($"No campaign plan ({error!.Message}) Each MS's epoch comes from its own metadata, else its folder name, and targets waiting for data are not reported.");
            return null;
        }
        RequireEpochsInTable(catalog, Epoch);
        var lookup = ExecutionBlockLookup(CacheDirectory, BaseUri, offline ? null : TimeSpan.FromSeconds(30), out var finder);
        using var online = finder;
        var planner = new CampaignPlanner(catalog, lookup);
        var rows = new List<CampaignPlanEntry>();
        int n = 0;
        foreach (var t in _campaignTargets)
        {
            if (++n % 1000 == 0) WriteProgress(new ProgressRecord(1, "Invoke-VlassCampaign", $"Planning: {n} of {_campaignTargets.Count} targets"));
            try { rows.AddRange(planner.PlanTarget(t)); }
            catch (OutsideSurveyException ex) { WriteWarning($"{t.Name}: not planned ({ex.Message})"); }
            if (online is not null) foreach (var w in online.DrainWarnings()) WriteWarning(w);
        }
        WriteVerbose($"Planned {_campaignTargets.Count} target(s): {rows.Count} target × epoch row(s), {planner.LookupCount} tile × epoch execution-block lookup(s){(offline ? " from the cache only" : "")}.");
        return rows;
    }
}
