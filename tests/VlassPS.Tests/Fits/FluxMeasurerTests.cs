using System.Text.Json;
using VlassPS.Core.Fits;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

public class FluxMeasurerTests
{
    private static object Describe(SkyRegion r) => r switch
    {
        SkyPolygonRegion p => new { shape = "polygon", vertices = p.Vertices.Select(v => new[] { v.RaDeg, v.DecDeg }) },
        SkyCircleRegion c => new { shape = "circle", ra = c.Center.RaDeg, dec = c.Center.DecDeg, r_arcsec = c.RadiusArcsec },
        SkyBoxRegion b => (object)new { shape = "box", ra = b.Center.RaDeg, dec = b.Center.DecDeg, w_arcsec = b.WidthArcsec, h_arcsec = b.HeightArcsec, angle_deg = b.AngleDeg },
        _ => throw new ArgumentException(),
    };

    /// <summary>Random polygons (convex and star-shaped concave), circles and boxes around the image.</summary>
    private static List<SkyRegion> RandomRegions(CelestialWcs wcs, int width, int height, int seed)
    {
        var rng = new Random(seed);
        var list = new List<SkyRegion>();
        SkyPosition Sky(double x, double y) { var (ra, dec) = wcs.PixelToSky(x, y); return new SkyPosition(ra, dec); }
        for (var i = 0; i < 30; i++)
        {
            double cx = rng.NextDouble() * width, cy = rng.NextDouble() * height;
            var n = 3 + rng.Next(9);
            var angles = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 * Math.PI).OrderBy(a => a).ToList();
            var verts = angles.Select(a => { var r = 3 + rng.NextDouble() * width / 3; return Sky(cx + r * Math.Cos(a), cy + r * Math.Sin(a)); }).ToList();
            list.Add(new SkyPolygonRegion(verts));
        }
        for (var i = 0; i < 8; i++)
        {
            var c = Sky(rng.NextDouble() * width, rng.NextDouble() * height);
            list.Add(new SkyCircleRegion(c, 1 + rng.NextDouble() * 30));
            list.Add(new SkyBoxRegion(c, 2 + rng.NextDouble() * 40, 2 + rng.NextDouble() * 40, rng.NextDouble() * 360 - 180));
        }
        return list;
    }

    [SkippableTheory]
    [InlineData("sources_sin.fits")]
    [InlineData("sources_tan.fits")]
    [InlineData(VlassImage)]
    [InlineData("tan_pole.fits")]
    [InlineData("sin_pv.fits")]
    public void Sums_match_regions_and_photutils_center_mode_within_1e6(string name)
    {
        RequireOracle();
        using var f = FitsFile.Open(Fixture(name));
        var img = f.GetImage();
        var wcs = CelestialWcs.FromHeader(img.Header);
        var regions = RandomRegions(wcs, img.Width, img.Height, name.Sum(c => c) * 31);
        var req = JsonSerializer.Serialize(new { file = Fixture(name), regions = regions.Select(Describe) });
        var results = RunJsonWithInput(req, Oracle("photometry_oracle.py")).GetProperty("results");
        var unitBeam = FluxMeasurer.IsPerBeam(img.Header.GetString("BUNIT") ?? "");
        var checkedRegions = 0;
        for (var i = 0; i < regions.Count; i++)
        {
            var o = results[i];
            var count = o.GetProperty("count").GetInt64();
            if (count == 0)
            {
                Assert.Throws<InvalidOperationException>(() => FluxMeasurer.Measure(img, regions[i]));
                continue;
            }
            var m = FluxMeasurer.Measure(img, regions[i]);
            Assert.Equal(count, m.PixelCount);
            var expected = o.GetProperty("sum").GetDouble();
            Assert.True(Math.Abs(m.PixelSum - expected) <= 1e-6 * Math.Abs(expected) + 1e-12, $"{regions[i]}: {m.PixelSum} vs regions {expected}");
            var pu = o.GetProperty("photutils_sum").GetDouble();
            Assert.True(Math.Abs(m.PixelSum - pu) <= 1e-6 * Math.Abs(pu) + 1e-12, $"{regions[i]}: {m.PixelSum} vs photutils {pu}");
            Assert.Equal(o.GetProperty("peak").GetDouble(), m.Peak);
            if (unitBeam) Assert.Equal(m.PixelSum / m.BeamAreaPixels, m.FluxJy, 1e-15);
            else Assert.True(double.IsNaN(m.FluxJy));
            checkedRegions++;
        }
        Assert.True(checkedRegions >= 30, $"only {checkedRegions} regions overlapped the image");
    }

    [SkippableFact]
    public void Known_source_fluxes_are_recovered()
    {
        foreach (var name in new[] { "sources_sin.fits", "sources_tan.fits" })
        {
            using var f = FitsFile.Open(Fixture(name));
            var img = f.GetImage();
            foreach (var s in Manifest.GetProperty(name).GetProperty("sources").EnumerateArray())
            {
                var pos = new SkyPosition(s.GetProperty("ra").GetDouble(), s.GetProperty("dec").GetDouble());
                var truth = s.GetProperty("flux").GetDouble();
                var radius = s.GetProperty("kind").GetString() == "point" ? 9.0 : 22.0;
                var m = FluxMeasurer.Measure(img, new SkyCircleRegion(pos, radius));
                // The Gaussians are sampled at pixel centres and truncated at the aperture: allow 0.5 %.
                Assert.True(Math.Abs(m.FluxJy / truth - 1) < 0.005, $"{name} {s.GetProperty("kind")}: {m.FluxJy} vs {truth}");
                Assert.True(m.PeakPosition!.SeparationTo(pos) * 3600 < 0.6, "peak within one pixel of the source");
            }
        }
    }

    [SkippableFact]
    public void Annulus_rms_and_rms_image_give_uncertainties()
    {
        using var f = FitsFile.Open(Fixture(VlassImage));
        using var r = FitsFile.Open(Fixture(VlassRms));
        var img = f.GetImage();
        var wcs = CelestialWcs.FromHeader(img.Header);
        // A source-free spot (pixel 75, 25): the annulus sees only the generator's 1.2e-4 Jy/beam noise.
        var (ra, dec) = wcs.PixelToSky(75, 25);
        var region = new SkyCircleRegion(new SkyPosition(ra, dec), 4);
        var a = FluxMeasurer.Measure(img, region, BackgroundSpec.Annulus(6, 12));
        Assert.Equal("Annulus", a.RmsSource);
        Assert.InRange(a.Rms, 1.2e-4 * 0.9, 1.2e-4 * 1.1);
        Assert.Equal(a.Rms * Math.Sqrt(Math.Max(a.PixelCount / a.BeamAreaPixels, 1)), a.UncertaintyJy, 1e-12);
        Assert.True(a.BackgroundPixelCount > 800);
        Assert.True(Math.Abs(a.FluxJy) < 4 * a.UncertaintyJy, "a blank region measures zero within the noise");

        var b = FluxMeasurer.Measure(img, region, BackgroundSpec.FromRmsImage(r.GetImage()));
        Assert.Equal("RmsImage", b.RmsSource);
        // rms image = 1.2e-4 (1 + 0.002 x): the region spans x = 75 +- 7 pixels.
        Assert.InRange(b.Rms, 1.2e-4 * (1 + 0.002 * 68), 1.2e-4 * (1 + 0.002 * 82));
        Assert.Equal(b.Rms * Math.Sqrt(Math.Max(b.PixelCount / b.BeamAreaPixels, 1)), b.UncertaintyJy, 1e-12);
        Assert.Equal(a.FluxJy, b.FluxJy);

        var none = FluxMeasurer.Measure(img, region);
        Assert.True(double.IsNaN(none.UncertaintyJy));
        Assert.Equal("None", none.RmsSource);

        var src = Manifest.GetProperty(VlassImage).GetProperty("sources")[0];
        var point = FluxMeasurer.Measure(img, new SkyCircleRegion(new SkyPosition(src.GetProperty("ra").GetDouble(), src.GetProperty("dec").GetDouble()), 6),
            BackgroundSpec.FromRmsImage(r.GetImage()));
        Assert.True(Math.Abs(point.FluxJy - 0.0021) < 4 * point.UncertaintyJy, $"{point.FluxJy} +- {point.UncertaintyJy}");
    }

    [SkippableFact]
    public void Blank_pixels_and_pixels_off_the_image_are_counted_as_missing()
    {
        using var f = FitsFile.Open(Fixture(VlassImage));
        var img = f.GetImage();
        var wcs = CelestialWcs.FromHeader(img.Header);
        var (ra, dec) = wcs.PixelToSky(1, 1);
        // 6.3" = 10.5 px: centres at dx = -5..5 are inside, 11 x 11 = 121 pixels, x and y from -4 to 6.
        // On the image: 7 x 7 = 49, of which the generator's NaN corner (x 0..4, y 0..2) holds 15.
        var m = FluxMeasurer.Measure(img, new SkyBoxRegion(new SkyPosition(ra, dec), 6.3, 6.3));
        Assert.Equal(34, m.PixelCount);
        Assert.Equal(121 - 34, m.MissingPixelCount);
    }

    [SkippableFact]
    public void Images_without_a_flux_unit_give_sums_but_no_flux_density()
    {
        using var f = FitsFile.Open(Fixture("tan_pole.fits"));
        var img = f.GetImage();
        var wcs = CelestialWcs.FromHeader(img.Header);
        var (ra, dec) = wcs.PixelToSky(40, 40);
        var m = FluxMeasurer.Measure(img, new SkyCircleRegion(new SkyPosition(ra, dec), 20));
        Assert.True(double.IsNaN(m.FluxJy));
        Assert.True(m.PixelCount > 0);
        Assert.Equal("", m.Unit);
    }

    [SkippableFact]
    public void Rms_image_on_another_grid_is_refused()
    {
        using var f = FitsFile.Open(Fixture(VlassImage));
        using var other = FitsFile.Open(Fixture("sources_sin.fits"));
        var img = f.GetImage();
        var region = new SkyCircleRegion(new SkyPosition(121.98975, 4.5422), 5);
        Assert.Throws<ArgumentException>(() => FluxMeasurer.Measure(img, region, BackgroundSpec.FromRmsImage(other.GetImage())));
    }
}

public class PixelRegionTests
{
    [SkippableFact]
    public void Row_spans_agree_with_pixel_centre_membership()
    {
        var rng = new Random(5);
        for (var t = 0; t < 300; t++)
        {
            var n = 3 + rng.Next(10);
            // Random (often self-intersecting) polygons, some with vertices exactly on pixel centres.
            var v = Enumerable.Range(0, n).Select(_ => rng.Next(3) == 0 ? ((double)rng.Next(-5, 30), (double)rng.Next(-5, 30)) : (rng.NextDouble() * 35 - 5, rng.NextDouble() * 35 - 5)).ToList();
            PixelRegion r = t % 3 == 0 ? new PixelPolygon(v) : t % 3 == 1 ? new PixelCircle(v[0].Item1, v[0].Item2, 0.5 + rng.NextDouble() * 9) : new PixelBox(v[0].Item1, v[0].Item2, 1 + rng.NextDouble() * 20, 1 + rng.NextDouble() * 20, rng.NextDouble() * 360);
            var (x0, x1, y0, y1) = r.Bounds;
            var spans = new List<(int, int)>();
            for (var y = y0 - 2; y <= y1 + 2; y++)
            {
                spans.Clear();
                r.RowSpans(y, spans);
                var fromSpans = spans.SelectMany(s => Enumerable.Range(s.Item1, s.Item2 - s.Item1 + 1)).ToHashSet();
                for (var x = x0 - 2; x <= x1 + 2; x++)
                    Assert.True(r.Contains(x, y) == fromSpans.Contains(x), $"case {t}: pixel ({x},{y})");
                Assert.True(fromSpans.All(x => x >= x0 && x <= x1));
            }
        }
    }
}
