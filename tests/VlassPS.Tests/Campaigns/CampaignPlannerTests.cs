using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Catalog;
using VlassPS.Core.Sky;

namespace VlassPS.Tests.Campaigns;

/// <summary>
/// The planner against the real survey table and a real on-disk EB cache (written through ExecutionBlockCache.Put,
/// read back through CachedExecutionBlockLookup): tiles, epochs, EBs, multi-MS and not-observed rows.
/// </summary>
public sealed class CampaignPlannerTests : IDisposable
{
    private const string Eb2113 = "VLASS2.1.sb38561374.eb38565040.59070.62333981482";
    private const string Eb2114 = "VLASS2.1.sb38560001.eb38564001.59069.1234";
    private const string Eb2114Rejected = "VLASS2.1.sb38560002.eb38564002.59069.5";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vlassps-plan-" + Guid.NewGuid().ToString("N"));
    private readonly ArchiveOptions _options = new();
    private readonly ExecutionBlockCache _cache;
    private static readonly SurveyCatalog Catalog = SurveyCatalogLoader.FromFile(TestPaths.SummaryTable);

    public CampaignPlannerTests()
    {
        _cache = new ExecutionBlockCache(_dir);
        Put("T12t13", "VLASS2.1", (Eb2113, false));
        Put("T12t14", "VLASS2.1", (Eb2114, false), (Eb2114Rejected, true));
    }

    public void Dispose() { if (Directory.Exists(_dir)) Directory.Delete(_dir, true); }

    private void Put(string tile, string epoch, params (string Name, bool Rejected)[] blocks)
    {
        var list = blocks.Select(b =>
        {
            Assert.True(ExecutionBlockName.TryParse(b.Name, out var n));
            return new ExecutionBlock(n, tile, b.Rejected, ["img"], null, null);
        }).ToList();
        _cache.Put(_options, epoch, tile, list, DateTimeOffset.UtcNow);
    }

    private static CampaignTarget Target(string name, string position, params string[] epochs)
        => new(SkyPosition.Parse(position).WithTarget(name, null).Target, new CampaignSettings { Epochs = epochs });

    private CampaignPlanner Planner(out CountingLookup counter)
    {
        counter = new CountingLookup(new CachedExecutionBlockLookup(_cache, _options));
        return new CampaignPlanner(Catalog, counter);
    }

    [Fact]
    public void Memo_quasar_J0807_in_VLASS2_1_is_one_tile_one_MS()
    {
        var row = Assert.Single(Planner(out _).PlanTarget(Target("J0807+0432", "08:07:57.538 +04:32:34.55", "VLASS2.1")));
        Assert.Equal(PlanStatus.Ready, row.Status);
        Assert.Equal(["T12t13"], row.TileNames);
        Assert.Equal(Eb2113, Assert.Single(row.ExecutionBlocks).Name);
        Assert.Equal("J0807+0432", row.ExecutionBlocks[0].Target!.Name);
        Assert.Equal(new DateOnly(2020, 8, 9), Assert.Single(row.Observations).ObservationDate);
        Assert.Equal(6250, row.Geometry.ImsizeX);
    }

    [Fact]
    public void Region_across_a_tile_boundary_with_different_scheduling_blocks_needs_two_MSs_and_skips_QA_rejected()
    {
        // RA 130.0 deg is the T12t13 / T12t14 boundary.
        var row = Assert.Single(Planner(out _).PlanTarget(Target("edge", "130.0 4.5", "VLASS2.1")));
        Assert.Equal(PlanStatus.MultipleMeasurementSets, row.Status);
        Assert.True(row.NeedsMultipleMeasurementSets);
        Assert.Equal(["T12t13", "T12t14"], row.TileNames.Order());
        Assert.Equal([Eb2114, Eb2113], row.ExecutionBlocks.Select(e => e.Name));
        Assert.DoesNotContain(row.ExecutionBlocks, e => e.Name == Eb2114Rejected);
    }

    [Fact]
    public void Epoch_without_an_observation_is_reported_NotObserved()
    {
        var row = Assert.Single(Planner(out _).PlanTarget(Target("J0807+0432", "08:07:57.538 +04:32:34.55", "VLASS3.2")));
        Assert.Equal(PlanStatus.NotObserved, row.Status);
        Assert.Empty(row.ExecutionBlocks);
        Assert.Contains(row.Notes, n => n.Contains("T12t13") && n.Contains("VLASS3.2"));
    }

    [Fact]
    public void Uncached_tile_is_unknown_and_no_epochs_means_every_observed_epoch()
    {
        var rows = Planner(out _).PlanTarget(Target("J0807+0432", "08:07:57.538 +04:32:34.55"));
        Assert.Equal(["VLASS1.1", "VLASS2.1", "VLASS3.1"], rows.Select(r => r.Epoch));
        Assert.Equal([PlanStatus.ExecutionBlocksUnknown, PlanStatus.Ready, PlanStatus.ExecutionBlocksUnknown], rows.Select(r => r.Status));
    }

    [Fact]
    public void Each_tile_epoch_is_looked_up_once()
    {
        var planner = Planner(out var counter);
        var targets = Enumerable.Range(0, 50).Select(i => Target($"t{i}", $"{121.5 + i * 0.01} {4.5 + i * 0.01}", "VLASS2.1")).ToList();
        var rows = planner.PlanEntries(targets).ToList();
        Assert.Equal(50, rows.Count);
        Assert.Equal(1, counter.Calls);
        Assert.Equal(1, planner.LookupCount);
    }

    [Fact]
    public void Whole_plan_groups_downloads_by_EB_with_their_targets()
    {
        var definition = new CampaignDefinition("t", new CampaignSettings(), [
            Target("a", "08:07:57.538 +04:32:34.55", "VLASS2.1"),
            Target("b", "121.5 5.0", "VLASS2.1"),
            Target("edge", "130.0 4.5", "VLASS2.1"),
            Target("late", "121.5 5.0", "VLASS3.2"),
        ]);
        var plan = Planner(out _).Plan(definition);
        Assert.Equal(4, plan.Entries.Count);
        Assert.Equal(["edge"], plan.MultipleMeasurementSets.Select(e => e.TargetName));
        Assert.Equal(["late"], plan.NotObserved.Select(e => e.TargetName));
        Assert.Equal(2, plan.Downloads.Count);
        Assert.Equal(Eb2113, plan.Downloads[0].Name);   // completes a and b; edge needs both
        Assert.Equal(["a", "b", "edge"], plan.Downloads[0].Targets.Select(t => t.Name));
        Assert.Equal(2, plan.Downloads[0].CompletesTargets);
        Assert.Equal(3, plan.Downloads[1].CumulativeCompleted);
    }

    private sealed class CountingLookup(IExecutionBlockLookup inner) : IExecutionBlockLookup
    {
        public int Calls;
        public IReadOnlyList<ExecutionBlock>? Find(string tile, string epoch) { Calls++; return inner.Find(tile, epoch); }
    }
}
