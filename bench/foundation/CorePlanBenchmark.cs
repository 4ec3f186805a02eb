using System.Diagnostics;
using System.Globalization;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;
using VlassPS.Core.Tiling;

namespace VlassPS.Bench;

/// <summary>The Core part of a plan for one target: its tile, every tile its search region meets, its geometry.</summary>
public sealed record CoreTargetPlan(SkyPosition Target, VlassTile Home, IReadOnlyList<VlassTile> Tiles, ImageGeometry Geometry);

/// <summary>Time, allocation and memory of planning many targets with VlassPS.Core.</summary>
public sealed record CorePlanMeasurement(int Targets, double Seconds, long TileCount, long HeldBytes, long AllocatedBytes, long PeakWorkingSetBytes)
{
    public double MicrosecondsPerTarget => Seconds * 1e6 / Targets;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"targets={Targets} seconds={Seconds:0.000} per_target_us={MicrosecondsPerTarget:0.000} tiles={TileCount} plan_held_mb={HeldBytes / 1048576.0:0.0} allocated_mb={AllocatedBytes / 1048576.0:0.0} peak_rss_mb={PeakWorkingSetBytes / 1048576.0:0.0}");
}

/// <summary>
/// Reusable pieces of the foundation benchmark. The campaign benchmark can compile this file in
/// (<c>&lt;Compile Include="../foundation/CorePlanBenchmark.cs" /&gt;</c>) and add its catalog and EB lookups on top
/// of <see cref="PlanTarget"/>.
/// </summary>
public static class CorePlanBenchmark
{
    /// <summary>N positions uniform on the sphere north of −40° (fixed seed: every run plans the same sky).</summary>
    public static (double Ra, double Dec)[] RandomPositions(int n, int seed = 42)
    {
        var rng = new Random(seed);
        var positions = new (double Ra, double Dec)[n];
        double zMin = Math.Sin(-40 * Math.PI / 180);
        for (int i = 0; i < n; i++)
        {
            double z = zMin + rng.NextDouble() * (1 - zMin);
            positions[i] = (rng.NextDouble() * 360, Math.Asin(z) * 180 / Math.PI);
        }
        return positions;
    }

    /// <summary>Plans one target: containing tile, every tile the science image's search region meets, geometry.</summary>
    public static CoreTargetPlan PlanTarget(SkyPosition target, double scienceSizeArcsec = 500)
    {
        var home = TileGrid.Find(target);
        var g = ImageGeometry.Create(scienceSizeArcsec, center: target);
        var tiles = TileGrid.Overlapping(target, g.SearchHalfWidthXArcsec / 3600, g.SearchHalfWidthYArcsec / 3600);
        return new CoreTargetPlan(target, home, tiles, g);
    }

    /// <summary>
    /// The per-position loop of the side-by-side comparison: positions as numbers in, nothing kept (the memo's
    /// search keeps nothing either). Returns the number of tiles found.
    /// </summary>
    public static long PlanPositions(ReadOnlySpan<(double Ra, double Dec)> positions, double scienceSizeArcsec = 500)
    {
        long count = 0;
        foreach (var (ra, dec) in positions)
            count += PlanTarget(new SkyPosition(ra, dec), scienceSizeArcsec).Tiles.Count;
        return count;
    }

    /// <summary>
    /// Plans named targets and KEEPS every plan (as a campaign plan does); reports time, what the plan holds on
    /// the managed heap, what was allocated on the way, and the process's peak resident set.
    /// </summary>
    public static (CoreTargetPlan[] Plans, CorePlanMeasurement Measurement) PlanTargets(
        ReadOnlySpan<(double Ra, double Dec)> positions, double scienceSizeArcsec = 500)
    {
        var targets = new SkyPosition[positions.Length];
        for (int i = 0; i < positions.Length; i++)
            targets[i] = new SkyPosition(positions[i].Ra, positions[i].Dec, name: "target-" + i.ToString(CultureInfo.InvariantCulture));
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var plans = new CoreTargetPlan[targets.Length];
        long tiles = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            plans[i] = PlanTarget(targets[i], scienceSizeArcsec);
            tiles += plans[i].Tiles.Count;
        }
        sw.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long held = GC.GetTotalMemory(forceFullCollection: true) - before;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        GC.KeepAlive(plans);
        return (plans, new CorePlanMeasurement(targets.Length, sw.Elapsed.TotalSeconds, tiles, held, allocated, self.PeakWorkingSet64));
    }
}
