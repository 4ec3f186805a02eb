using VlassPS.Core.Campaigns;

namespace VlassPS.Campaigns;

/// <summary>Per-unit state and per-state counts, derived from the ledger's rows (never stored, so never stale).</summary>
public static class CampaignStatus
{
    public static IReadOnlyList<CampaignUnitStatus> Units(CampaignLedger ledger, int maxAttempts)
    {
        var list = new List<CampaignUnitStatus>();
        var units = ledger.Units();
        var covered = units.Select(u => u.Target).ToHashSet(StringComparer.Ordinal);
        var checks = ledger.Checks();
        foreach (var u in units)
        {
            var split = ledger.Attempts("Split", u.Ms);
            var imaging = ledger.Attempts("Imaging", u.Unit);
            list.Add(new CampaignUnitStatus
            {
                Target = u.Target, Epoch = u.Epoch, MeasurementSet = u.Ms, Workspace = u.Workspace,
                State = StateOf(split, imaging, maxAttempts), SplitJobId = split.LastOrDefault()?.JobId, JobId = imaging.LastOrDefault()?.JobId,
                Attempts = imaging.Count, Products = u.Products,
                Reasons = split.Concat(imaging).Where(a => a.Reason is not null && a.State != "Completed").Select(a => $"{a.Kind} #{a.Attempt} ({a.JobId}): {a.Reason}").ToList(),
                Check = checks.GetValueOrDefault(u.Unit),
            });
        }
        list.AddRange(AwaitingRows(ledger, covered));
        foreach (var (name, _) in ledger.Targets().Where(t => !covered.Contains(t.Name)))
            list.Add(new CampaignUnitStatus { Target = name, Epoch = "", State = "NoData" });
        return list.OrderBy(u => u.Target, StringComparer.Ordinal).ThenBy(u => u.Epoch, StringComparer.Ordinal).ToList();
    }

    /// <summary>Plan rows with no unit (AwaitingData, NotObserved, Unresolved, DataUnusable); their targets count as covered.</summary>
    private static IEnumerable<CampaignUnitStatus> AwaitingRows(CampaignLedger ledger, HashSet<string> covered)
    {
        foreach (var a in ledger.Awaiting())
        {
            covered.Add(a.Target);
            yield return new CampaignUnitStatus
            {
                Target = a.Target, Epoch = a.Epoch, State = a.State, MissingMeasurementSets = a.ExecutionBlocks, DownloadLinks = a.Links, Note = a.Note,
            };
        }
    }

    private static string StateOf(IReadOnlyList<CampaignJobAttempt> split, IReadOnlyList<CampaignJobAttempt> imaging, int maxAttempts)
    {
        var s = split.LastOrDefault();
        var i = imaging.LastOrDefault();
        if (i is not null)
        {
            if (i.JobId is null) return "Claimed";
            return i.State switch
            {
                "Completed" => "Completed",
                "Pending" => "Queued",
                "Running" => "Running",
                "Unknown" or "Claimed" => "Queued",
                _ => imaging.Count >= maxAttempts ? "Failed" : "Retrying",
            };
        }
        if (s is null) return "SplitPending";
        return s.State switch
        {
            "Pending" or "Running" or "Claimed" or "Unknown" => "Splitting",
            "Completed" => "SplitDone",
            _ => split.Count >= maxAttempts ? "SplitFailed" : "SplitRetrying",
        };
    }

    public static CampaignSummary Summarize(CampaignLedger ledger, bool busy, int maxAttempts = 3)
    {
        var units = Units(ledger, maxAttempts);
        return new CampaignSummary
        {
            Ledger = ledger.Path, Targets = ledger.Targets().Count, Units = units.Count(u => u.State != "NoData"),
            States = units.GroupBy(u => u.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Submitted = ledger.AllAttempts().Count(a => a.JobId is not null), Busy = busy,
        };
    }
}
