using System.Globalization;
using VlassPS.Core.Sky;
using VlassPS.Core.Tiling;

namespace VlassPS.Tests.Core;

public class TileGridTests
{
    [Fact]
    public void There_are_32_tiers_and_899_tiles()
    {
        Assert.Equal(32, VlassTier.All.Count);
        Assert.Equal(899, TileGrid.All.Count);
        Assert.Equal(899, TileGrid.All.Select(t => t.Name).Distinct().Count());
    }

    /// <summary>Every tile's bounds against NRAO's summary table (read from ../shared/data, never copied here).</summary>
    [Fact]
    public void Every_tile_matches_the_survey_summary_table()
    {
        var lines = File.ReadAllLines(TestPaths.SummaryTable).Skip(3).Where(l => l.Length >= 42).ToList();
        var seen = new HashSet<string>();
        foreach (var line in lines)
        {
            string name = line[..6];
            var tile = TileGrid.Get(name);
            Assert.True(tile is not null, $"{name} from the table is not computed");
            double decMin = D(line[6..15]), decMax = D(line[15..24]), raMin = D(line[24..33]), raMax = D(line[33..42]);
            Assert.Equal(decMin, tile!.DecMinDeg, 6);
            Assert.Equal(decMax, tile.DecMaxDeg, 6);
            Assert.Equal(raMin, Math.Round(tile.RaMinHours, 2), 6);
            Assert.Equal(raMax, Math.Round(tile.RaMaxHours, 2), 6);
            seen.Add(name);
        }
        Assert.Equal(899, seen.Count);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(121.98974, 4.54293, "T12t13")]
    [InlineData(141.2802958, 14.7404833, "T14t15")]
    [InlineData(0.0, 4.0, "T12t01")]
    [InlineData(359.9999999, 4.0, "T12t36")]
    [InlineData(10.0, 90.0, "T32t01")]
    [InlineData(180.0, 89.0, "T32t02")]
    [InlineData(0.0, -40.0, "T01t01")]
    [InlineData(15.0 * 8.0, 4.0, "T12t13")]
    [InlineData(15.0 * 24.0 / 36.0 * 12.0, 3.9999999, "T11t13")]
    public void Finds_the_tile_with_half_open_bounds(double ra, double dec, string expected)
        => Assert.Equal(expected, TileGrid.Find(ra, dec).Name);

    [Fact]
    public void South_of_minus_40_is_outside_the_survey()
        => Assert.Throws<OutsideSurveyException>(() => TileGrid.Find(10, -40.0001));

    [Fact]
    public void Every_tile_contains_its_own_centre_and_corners_map_back()
    {
        foreach (var t in TileGrid.All)
        {
            var c = t.Center;
            Assert.Equal(t.Name, TileGrid.Find(c.RaDeg, c.DecDeg).Name);
            Assert.Equal(t.Name, TileGrid.Find(t.RaMinDeg, t.DecMinDeg).Name);
        }
    }

    [Fact]
    public void The_memo_target_region_lies_in_T12t13_only()
    {
        var tiles = TileGrid.Overlapping(new SkyPosition(121.98974, 4.54293), 1250 / 3600.0, 1250 / 3600.0);
        Assert.Equal(new[] { "T12t13" }, tiles.Select(t => t.Name));
        Assert.True(tiles[0].ContainsPosition);
    }

    [Fact]
    public void A_region_reaching_the_pole_takes_every_polar_tile()
    {
        var names = TileGrid.Overlapping(new SkyPosition(200, 89.8), 0.3, 0.3).Select(t => t.Name).ToList();
        Assert.Contains("T32t01", names);
        Assert.Contains("T32t02", names);
    }

    [Fact]
    public void The_RA_extent_grows_as_one_over_cos_dec()
    {
        // 0.5° half-width at Dec 80°: the region spans about ±2.9° of RA, so a centre 2.5° from the tile edge
        // (T30 tiles are 40° wide) reaches the next tile; at the equator it would not.
        var t = TileGrid.Find(40 - 2.5, 79);
        var names = TileGrid.Overlapping(new SkyPosition(40 - 2.5, 79), 0.5, 0.5).Select(x => x.Name).ToList();
        Assert.Contains(t.Name, names);
        Assert.Contains("T30t02", names);
        var eq = TileGrid.Overlapping(new SkyPosition(20 - 2.5, 2), 0.5, 0.5).Select(x => x.Name).ToList();
        Assert.Equal(new[] { "T11t02" }, eq);
    }

    /// <summary>
    /// Property: the exact intersection agrees with dense sampling of the region. Every tile a sample falls in
    /// is returned; every returned tile is reached by a sample or lies within a sampling step of the region.
    /// </summary>
    [Fact]
    public void Overlapping_agrees_with_dense_sampling_of_the_region()
    {
        var rng = new Random(20261124);
        for (int trial = 0; trial < 300; trial++)
        {
            double dec = -39.5 + rng.NextDouble() * 129.4;
            double ra = rng.NextDouble() < 0.2 ? (rng.NextDouble() < 0.5 ? rng.NextDouble() * 0.5 : 359.5 + rng.NextDouble() * 0.5) : rng.NextDouble() * 360;
            double hx = 0.05 + rng.NextDouble() * 1.5, hy = 0.05 + rng.NextDouble() * 1.5;
            var center = new SkyPosition(ra, dec);
            var exact = TileGrid.Overlapping(center, hx, hy).Select(t => t.Name).ToHashSet();
            const int n = 60;
            var sampled = Sample(center, hx, hy, n);
            Assert.True(sampled.IsSubsetOf(exact), $"trial {trial} ({ra},{dec},{hx},{hy}): missing {string.Join(",", sampled.Except(exact))}");
            // A tile only clipped between samples must be reached when the region grows by two sampling steps.
            var extras = exact.Except(sampled).ToList();
            if (extras.Count > 0)
            {
                var grown = Sample(center, hx * (1 + 4.0 / n), hy * (1 + 4.0 / n), n * 2);
                foreach (var extra in extras)
                    Assert.True(grown.Contains(extra), $"trial {trial} ({ra},{dec},{hx},{hy}): {extra} returned but not near the region");
            }
        }
    }

    /// <summary>
    /// Property: the closed-form intersection (fast path inside one tile, exact edge test near edges) returns the
    /// same tiles as the former numerical edge scan (<see cref="ScanningSearchRegion"/>, the reference) on
    /// 100,000 random regions, over-weighting tier boundaries, tile RA edges, the RA 0/360 wrap, the pole and −40°.
    /// </summary>
    [Fact]
    public void Overlapping_matches_the_reference_edge_scan_on_100000_regions()
    {
        var rng = new Random(20261127);
        var boundaries = VlassTier.All.Select(t => t.DecMinDeg).Skip(1).ToArray();
        int mismatches = 0, multi = 0;
        var report = new List<string>();
        for (int trial = 0; trial < 100_000; trial++)
        {
            // Sizes from tiny to 3°, with the 500" science image's 1250" half-width a third of the time.
            double hx = rng.NextDouble() < 0.33 ? 1250 / 3600.0 : Math.Pow(10, -3 + rng.NextDouble() * 3.5);
            double hy = rng.NextDouble() < 0.5 ? hx : Math.Pow(10, -3 + rng.NextDouble() * 3.5);
            double reach = Math.Max(hx, hy) * 2;
            double ra = rng.NextDouble() * 360, dec;
            switch (trial % 6)
            {
                case 0: dec = Math.Asin(-0.6427876 + rng.NextDouble() * 1.6427876) * 180 / Math.PI; break;
                case 1: dec = boundaries[rng.Next(boundaries.Length)] + (rng.NextDouble() * 2 - 1) * reach; break;
                case 2: // near a tile's RA edge, including 0h
                    var tier = VlassTier.All[rng.Next(VlassTier.All.Count)];
                    dec = tier.DecMinDeg + rng.NextDouble() * (tier.DecMaxDeg - tier.DecMinDeg);
                    ra = rng.Next(tier.TileCount) * tier.TileWidthDeg + (rng.NextDouble() * 2 - 1) * reach / Math.Cos(dec * Math.PI / 180);
                    break;
                case 3: ra = rng.NextDouble() < 0.5 ? rng.NextDouble() * reach : 360 - rng.NextDouble() * reach; dec = -40 + rng.NextDouble() * 130; break;
                case 4: dec = 90 - rng.NextDouble() * Math.Min(10, 4 * reach); break;
                default: dec = -40 + rng.NextDouble() * Math.Min(4, 2 * reach); break;
            }
            ra = SphericalMath.WrapRa(ra);
            dec = Math.Clamp(dec, -40, 90);
            var center = new SkyPosition(ra, dec);
            var fast = TileGrid.Overlapping(center, hx, hy).Select(t => t.Name).ToList();
            var reference = ScanningSearchRegion.Overlapping(center, hx, hy);
            if (fast.Count > 1) multi++;
            if (!fast.ToHashSet().SetEquals(reference) || fast.Count != fast.Distinct().Count())
            {
                mismatches++;
                if (report.Count < 10)
                    report.Add(FormattableString.Invariant($"({ra:R},{dec:R},{hx:R},{hy:R}): fast {string.Join(",", fast)} / reference {string.Join(",", reference)}"));
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} mismatches: {string.Join("; ", report)}");
        Assert.True(multi > 20_000, $"only {multi} regions crossed a tile edge: the boundary cases are under-sampled");
    }

    private static HashSet<string> Sample(SkyPosition center, double hx, double hy, int n)
    {
        var set = new HashSet<string>();
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++)
            {
                var (sra, sdec) = FromOffsets(center, (2.0 * i / n - 1) * hx, (2.0 * j / n - 1) * hy);
                if (sdec >= TileGrid.SouthernLimitDeg) set.Add(TileGrid.Find(sra, sdec).Name);
            }
        return set;
    }

    /// <summary>Inverse of the tangent-frame offsets: the point at (Δlon, Δlat) from the centre.</summary>
    internal static (double Ra, double Dec) FromOffsets(SkyPosition c, double dLonDeg, double dLatDeg)
    {
        double d = Math.PI / 180, l = dLonDeg * d, b = dLatDeg * d, d0 = c.DecDeg * d;
        double x = Math.Cos(b) * Math.Cos(l), y = Math.Cos(b) * Math.Sin(l), z = Math.Sin(b);
        // Rotate from the offset frame (centre on the x axis) back to equatorial coordinates.
        double xe = x * Math.Cos(d0) - z * Math.Sin(d0), ze = x * Math.Sin(d0) + z * Math.Cos(d0);
        double ra = c.RaDeg + Math.Atan2(y, xe) / d;
        double dec = Math.Asin(Math.Clamp(ze, -1, 1)) / d;
        return (SphericalMath.WrapRa(ra), dec);
    }
}
