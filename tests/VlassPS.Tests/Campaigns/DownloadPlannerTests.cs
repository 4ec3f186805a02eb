using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;

namespace VlassPS.Tests.Campaigns;

/// <summary>Greedy set-cover order of downloads, checked against an exhaustive search on small cases.</summary>
public sealed class DownloadPlannerTests
{
    private static ExecutionBlock Eb(int i)
    {
        Assert.True(ExecutionBlockName.TryParse($"VLASS2.1.sb{100 + i}.eb{200 + i}.59000.5", out var n));
        return new ExecutionBlock(n, "T12t13", false, [], null, null);
    }

    private static CampaignPlanEntry Row(string target, params int[] ebs)
    {
        var t = new CampaignTarget(new SkyPosition(120, 5).WithTarget(target, null).Target, new CampaignSettings());
        var blocks = ebs.Select(Eb).ToList();
        return new CampaignPlanEntry(t, "VLASS2.1", [], [], blocks, ImageGeometry.Create(60),
            blocks.Count > 1 ? PlanStatus.MultipleMeasurementSets : PlanStatus.Ready);
    }

    private static IReadOnlyList<CampaignDownload> Order(params CampaignPlanEntry[] rows)
    {
        var p = new DownloadPlanner();
        foreach (var r in rows) p.Add(r);
        return p.Order();
    }

    [Fact]
    public void The_EB_serving_most_targets_comes_first()
    {
        var d = Order(Row("a", 1), Row("b", 2), Row("c", 2), Row("d", 3), Row("e", 2), Row("f", 3));
        Assert.Equal([2, 3, 1], d.Select(x => (int)(x.ExecutionBlock.EbId - 200)));
        Assert.Equal([3, 5, 6], d.Select(x => x.CumulativeCompleted));
        Assert.Equal(["b", "c", "e"], d[0].Targets.Select(t => t.Name));
        Assert.Equal([1, 2, 3], d.Select(x => x.Rank));
    }

    [Fact]
    public void A_row_needing_two_MSs_completes_only_when_both_are_taken()
    {
        // EB1 serves 3 rows but each needs EB9 too; EB2 completes 2 rows alone.
        var d = Order(Row("a", 1, 9), Row("b", 1, 9), Row("c", 1, 9), Row("d", 2), Row("e", 2));
        Assert.Equal(2, d[0].ExecutionBlock.EbId - 200);
        Assert.Equal(2, d[0].CompletesTargets);
        Assert.Equal(0, d[1].CompletesTargets);
        Assert.Equal(3, d[2].CompletesTargets);
        Assert.Equal(5, d[^1].CumulativeCompleted);
    }

    [Fact]
    public void Greedy_order_is_optimal_prefix_on_random_small_cases()
    {
        var rng = new Random(12);
        for (int trial = 0; trial < 200; trial++)
        {
            int ebs = rng.Next(2, 6);
            var rows = Enumerable.Range(0, rng.Next(1, 9)).Select(i =>
                Row($"t{i}", Enumerable.Range(1, ebs).Where(_ => rng.NextDouble() < 0.4).DefaultIfEmpty(1).ToArray())).ToArray();
            var d = Order(rows);
            Assert.Equal(rows.SelectMany(r => r.ExecutionBlocks).Select(e => e.Name).Distinct().Count(), d.Count);
            Assert.Equal(rows.Length, d[^1].CumulativeCompleted);
            // The first download completes as many rows as any single EB can.
            int best = d.Select(x => rows.Count(r => r.ExecutionBlocks.All(e => e.Name == x.Name))).Max();
            Assert.Equal(best, d[0].CompletesTargets);
            // Cumulative counts agree with a recount from scratch.
            for (int k = 0; k < d.Count; k++)
            {
                var taken = d.Take(k + 1).Select(x => x.Name).ToHashSet();
                Assert.Equal(rows.Count(r => r.ExecutionBlocks.All(e => taken.Contains(e.Name))), d[k].CumulativeCompleted);
            }
        }
    }
}
