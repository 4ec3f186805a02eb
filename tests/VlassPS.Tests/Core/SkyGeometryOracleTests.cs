using VlassPS.Core.Sky;

namespace VlassPS.Tests.Core;

/// <summary>Separations, tangent-frame offsets and CASA strings checked against astropy on random positions.</summary>
public class SkyGeometryOracleTests
{
    private static List<double[]> RandomPairs(int seed, int count)
    {
        var rng = new Random(seed);
        var pairs = new List<double[]>();
        for (int i = 0; i < count; i++)
        {
            double ra0 = rng.NextDouble() * 360, dec0 = -89 + rng.NextDouble() * 178;
            double scale = Math.Pow(10, -6 + rng.NextDouble() * 7); // 3.6 mas … 10°
            double ra = SphericalMath.WrapRa(ra0 + (rng.NextDouble() - 0.5) * scale / Math.Max(0.05, Math.Cos(dec0 * Math.PI / 180)));
            double dec = Math.Clamp(dec0 + (rng.NextDouble() - 0.5) * scale, -90, 90);
            pairs.Add(new[] { ra0, dec0, ra, dec });
        }
        pairs.Add(new[] { 0.0, 0.0, 180.0, 0.0 });             // antipodal
        pairs.Add(new[] { 10.0, 20.0, 190.0, -20.0 });          // antipodal, off the equator
        pairs.Add(new[] { 359.9999, 4.0, 0.0001, 4.0 });        // across 0h
        pairs.Add(new[] { 121.98974, 4.54293, 121.98974, 4.54293 + 1e-9 }); // 3.6 µas
        return pairs;
    }

    [SkippableFact]
    public void Separation_and_offsets_match_astropy()
    {
        Oracle.RequireModule("astropy");
        var pairs = RandomPairs(7, 400);
        var res = Oracle.RunJson("foundation/sky_oracle.py", new { pairs });
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            double sep = SphericalMath.Separation(p[0], p[1], p[2], p[3]);
            double want = (double)res["separation"]![i]!;
            Assert.True(Math.Abs(sep - want) * 3.6e6 < 1e-3, $"pair {i}: separation {sep} vs astropy {want}");
            var (dl, db) = SphericalMath.SphericalOffsets(p[0], p[1], p[2], p[3]);
            double wl = (double)res["offsets"]![i]![0]!, wb = (double)res["offsets"]![i]![1]!;
            // Near-antipodal points have an ill-defined longitude offset; compare where it is defined.
            if (want < 179.9) Assert.True(Math.Abs(SphericalMath.WrapDelta(dl - wl)) * 3.6e6 < 1e-3, $"pair {i}: dlon {dl} vs {wl}");
            Assert.True(Math.Abs(db - wb) * 3.6e6 < 1e-3, $"pair {i}: dlat {db} vs {wb}");
        }
    }

    [SkippableFact]
    public void Casa_strings_round_trip_within_one_milliarcsecond_as_read_by_astropy()
    {
        Oracle.RequireModule("astropy");
        var rng = new Random(11);
        var positions = Enumerable.Range(0, 300).Select(_ => new SkyPosition(rng.NextDouble() * 360, -90 + rng.NextDouble() * 180)).ToList();
        positions.Add(new SkyPosition(359.99999999, -0.0000001));
        positions.Add(new SkyPosition(121.98974, 4.54293));
        var casa = positions.Select(p => p.ToCasaString()).ToList();
        var res = Oracle.RunJson("foundation/sky_oracle.py", new { casa });
        for (int i = 0; i < positions.Count; i++)
        {
            var back = SkyPosition.Parse(casa[i]);
            var theirs = new SkyPosition(SphericalMath.WrapRa((double)res["casa"]![i]![0]!), (double)res["casa"]![i]![1]!);
            Assert.True(positions[i].SeparationTo(back) * 3.6e6 < 1.0, $"{casa[i]}: ours off by {positions[i].SeparationTo(back) * 3.6e6} mas");
            Assert.True(positions[i].SeparationTo(theirs) * 3.6e6 < 1.0, $"{casa[i]}: astropy reads it {positions[i].SeparationTo(theirs) * 3.6e6} mas away");
        }
    }
}
