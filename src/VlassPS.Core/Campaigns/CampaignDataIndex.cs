using System.Globalization;
using VlassPS.Core.Archive;

namespace VlassPS.Core.Campaigns;

/// <summary>How the campaign pass decided which epoch (and execution block) a measurement set holds.</summary>
public enum MeasurementSetIdentitySource
{
    /// <summary>The plan: the MS is an execution block a plan row needs (by folder name or by its own metadata).</summary>
    Plan,
    /// <summary>The MS's own tables (an EB name, else the project and start time) with no plan row needing it.</summary>
    Metadata,
    /// <summary>Nothing better: the folder name without .ms (an EB name's epoch when it is one).</summary>
    FolderName,
}

/// <summary>The epoch of one MS in the data directory, the EB it is, the targets the plan says it serves, and why.</summary>
public sealed record MeasurementSetMatch(string Epoch, string? ExecutionBlock, IReadOnlyList<string>? PlannedTargets,
    MeasurementSetIdentitySource Source, string Reason);

/// <summary>A target × epoch of the plan with no imaging unit yet: the data it waits for, or why there is none.</summary>
public sealed record AwaitingUnit(string Target, string Epoch, string State, IReadOnlyList<string> ExecutionBlocks,
    IReadOnlyList<string> Links, string Note)
{
    /// <summary>Waiting for MSs to be downloaded into the data directory (names and archive links given).</summary>
    public const string AwaitingData = "AwaitingData";
    /// <summary>No tile of the target's region was observed in the epoch.</summary>
    public const string NotObserved = "NotObserved";
    /// <summary>Observed, but which execution blocks hold it is unknown (archive not asked or not answering).</summary>
    public const string Unresolved = "Unresolved";
    /// <summary>Its MSs are in the data directory, yet none gave the target an imaging unit (unreadable, or no field near it).</summary>
    public const string DataUnusable = "DataUnusable";
}

/// <summary>
/// The plan's mapping from execution blocks to epochs and targets, for the campaign pass: which MS in the data
/// directory is which EB (folder name, else the MS's own metadata), and which plan rows still wait for data.
/// Built once per pass: O(rows) memory, dictionary lookups per MS.
/// </summary>
public sealed class CampaignDataIndex
{
    /// <summary>An MS whose observation starts within this many days after an EB's start (from its name) is that EB.</summary>
    public const double StartToleranceDays = 0.25;

    private readonly IReadOnlyList<CampaignPlanEntry> _entries;
    private readonly Dictionary<string, ExecutionBlock> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Target, string Epoch), int> _needed = new();

    public CampaignDataIndex(IReadOnlyList<CampaignPlanEntry> entries)
    {
        _entries = entries;
        foreach (var e in entries)
        {
            if (e.ExecutionBlocks.Count > 1) _needed[(e.TargetName, e.Epoch)] = e.ExecutionBlocks.Count;
            foreach (var eb in e.ExecutionBlocks)
            {
                if (!_targets.TryGetValue(eb.Name, out var list))
                {
                    _blocks[eb.Name] = eb;
                    _targets[eb.Name] = list = [];
                }
                if (list.Count == 0 || list[^1] != e.TargetName) list.Add(e.TargetName);
            }
        }
    }

    /// <summary>How many MSs the plan says a target needs in an epoch (1 unless its region spans several).</summary>
    public int MeasurementSetsNeeded(string target, string epoch) => _needed.GetValueOrDefault((target, epoch), 1);

    public IReadOnlyList<CampaignPlanEntry> Entries => _entries;
    public int ExecutionBlockCount => _blocks.Count;

    /// <summary>Identifies an MS by its folder name, then by <paramref name="identity"/> (its own tables, read lazily).</summary>
    public MeasurementSetMatch Identify(string folderName, Func<MeasurementSetIdentity?> identity)
    {
        string stem = folderName.EndsWith(".ms", StringComparison.OrdinalIgnoreCase) ? folderName[..^3] : folderName;
        if (_blocks.TryGetValue(stem, out var named))
            return FromPlan(named, $"named after execution block {named.Name} of the plan");
        var id = identity();
        if (id is not null)
        {
            foreach (var name in id.ExecutionBlockNames)
                if (_blocks.TryGetValue(name, out var inside))
                    return FromPlan(inside, $"its own tables name execution block {inside.Name} of the plan");
            if (id.ProjectEpoch is string epoch && id.StartMjd is double start && Nearest(epoch, start) is { } byTime)
                return FromPlan(byTime, string.Create(CultureInfo.InvariantCulture,
                    $"its project {epoch} and start MJD {start:F5} match execution block {byTime.Name} of the plan"));
            if (id.ExecutionBlockNames.Count > 0 && ExecutionBlockName.TryParse(id.ExecutionBlockNames[0], out var own))
                return new(own.Epoch, own.Name, null, MeasurementSetIdentitySource.Metadata,
                    $"its own tables name execution block {own.Name}, which no plan row needs");
            if (id.ProjectEpoch is string project)
                return new(project, null, null, MeasurementSetIdentitySource.Metadata, $"its OBSERVATION project is {project} (no plan row matches it)");
        }
        if (ExecutionBlockName.TryParse(stem, out var folderEb))
            return new(folderEb.Epoch, folderEb.Name, null, MeasurementSetIdentitySource.FolderName,
                $"its folder name is execution block {folderEb.Name}, which no plan row needs");
        return new(stem, null, null, MeasurementSetIdentitySource.FolderName, "neither the plan nor its own tables say which epoch it holds: the folder name is used");
    }

    private MeasurementSetMatch FromPlan(ExecutionBlock eb, string reason)
        => new(eb.Epoch, eb.Name, _targets[eb.Name], MeasurementSetIdentitySource.Plan, reason);

    private ExecutionBlock? Nearest(string epoch, double startMjd)
    {
        ExecutionBlock? best = null;
        double bestDelta = double.MaxValue;
        foreach (var eb in _blocks.Values)
        {
            if (eb.Epoch != epoch) continue;
            double delta = startMjd - eb.Mjd;       // the MS starts at or shortly after its EB's name time
            if (delta < -1.0 / 1440 || delta > StartToleranceDays) continue;
            if (Math.Abs(delta) < bestDelta) { best = eb; bestDelta = Math.Abs(delta); }
        }
        return best;
    }

    /// <summary>
    /// Plan rows without an imaging unit: AwaitingData (some EB has no MS in the data directory yet: names and
    /// archive links), NotObserved, or Unresolved (observed, EBs unknown). <paramref name="present"/> holds the EB
    /// names found in the data directory; <paramref name="hasUnit"/> says whether a target × epoch has a unit.
    /// </summary>
    public IEnumerable<AwaitingUnit> Awaiting(IReadOnlySet<string> present, Func<string, string, bool> hasUnit)
    {
        foreach (var e in _entries)
        {
            if (hasUnit(e.TargetName, e.Epoch)) continue;
            if (e.Status == PlanStatus.NotObserved)
            {
                yield return new(e.TargetName, e.Epoch, AwaitingUnit.NotObserved, [], [], string.Join(" ", e.Notes));
                continue;
            }
            var missing = e.ExecutionBlocks.Where(b => !present.Contains(b.Name)).ToList();
            if (missing.Count > 0)
                yield return new(e.TargetName, e.Epoch, AwaitingUnit.AwaitingData, missing.Select(b => b.MsName).ToList(),
                    missing.Select(b => b.ArchiveSearchUrl ?? "").ToList(),
                    $"Download {string.Join(", ", missing.Select(b => b.MsName))} into the data directory.");
            else if (e.ExecutionBlocks.Count == 0 || e.Status == PlanStatus.ExecutionBlocksUnknown)
                yield return new(e.TargetName, e.Epoch, AwaitingUnit.Unresolved, e.ExecutionBlocks.Select(b => b.MsName).ToList(), [],
                    string.Join(" ", e.Notes.DefaultIfEmpty("The execution blocks are unknown: run Get-VlassCampaignPlan with the archive reachable.")));
            else
                yield return new(e.TargetName, e.Epoch, AwaitingUnit.DataUnusable, e.ExecutionBlocks.Select(b => b.MsName).ToList(), [],
                    "Its measurement sets are in the data directory but gave no imaging unit (unreadable, or no field near the target): see the pass's warnings.");
        }
    }
}
