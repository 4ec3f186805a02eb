using System.Text.Json;
using VlassPS.Core.Fits;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

public class CelestialWcsTests
{
    private const double MasDeg = 1.0 / 3600 / 1000;

    public static TheoryData<string> Grids => new()
    {
        "sources_sin.fits", "sources_tan.fits", "sin_pv.fits", "tan_pole.fits", "sin_wrap.fits", VlassImage, "compare_b.fits",
    };

    private static CelestialWcs Load(string name)
    {
        using var f = FitsFile.Open(Fixture(name));
        return CelestialWcs.FromHeader(f.GetImage().Header);
    }

    private static double SeparationDeg(double ra1, double dec1, double ra2, double dec2)
    {
        double r = Math.PI / 180;
        var s = Math.Sin((dec2 - dec1) * r / 2);
        var t = Math.Sin((ra2 - ra1) * r / 2);
        var h = s * s + Math.Cos(dec1 * r) * Math.Cos(dec2 * r) * t * t;
        return 2 * Math.Asin(Math.Sqrt(h)) / r;
    }

    [SkippableTheory]
    [MemberData(nameof(Grids))]
    public void Pixel_to_sky_and_back_agree_with_astropy_within_1_mas(string name)
    {
        RequireOracle();
        var wcs = Load(name);
        var rng = new Random(name.Length * 7919);
        // Pixels inside and well outside the image (the grids are <= 130 px; +-400 px covers wide offsets).
        var pixels = Enumerable.Range(0, 300).Select(_ => new[] { rng.NextDouble() * 900 - 400, rng.NextDouble() * 900 - 400 }).ToList();
        pixels.Add(new[] { wcs.CrPix1 - 1, wcs.CrPix2 - 1 });
        var ours = pixels.Select(p => wcs.PixelToSky(p[0], p[1])).ToList();
        var req = JsonSerializer.Serialize(new { file = Fixture(name), pixels, world = ours.Select(o => new[] { o.Ra, o.Dec }) });
        var o = RunJsonWithInput(req, Oracle("wcs_oracle.py"));
        var world = o.GetProperty("world");
        var back = o.GetProperty("pixels");
        var worst = 0.0;
        for (var i = 0; i < pixels.Count; i++)
        {
            var ra = AsDouble(world[i][0]); var dec = AsDouble(world[i][1]);
            var sep = SeparationDeg(ra, dec, ours[i].Ra, ours[i].Dec);
            worst = Math.Max(worst, sep);
            Assert.True(sep <= MasDeg, $"{name} pixel ({pixels[i][0]}, {pixels[i][1]}): {sep * 3.6e6} mas from astropy");
            Assert.InRange(ours[i].Ra, 0, 360);
            // sky -> pixel: astropy's inverse of our sky position vs ours, both should return the pixel.
            var (x, y) = wcs.SkyToPixel(ours[i].Ra, ours[i].Dec);
            var tolPix = MasDeg / (wcs.CellArcsec / 3600);
            Assert.True(Math.Abs(x - AsDouble(back[i][0])) <= tolPix && Math.Abs(y - AsDouble(back[i][1])) <= tolPix,
                $"{name}: sky->pixel ({x}, {y}) vs astropy ({AsDouble(back[i][0])}, {AsDouble(back[i][1])})");
            Assert.Equal(pixels[i][0], x, 1e-6);
            Assert.Equal(pixels[i][1], y, 1e-6);
        }
        Assert.Equal(o.GetProperty("pixel_area_deg2").GetDouble(), wcs.PixelAreaDeg2, 1e-12 * wcs.PixelAreaDeg2 + 1e-20);
        Assert.True(worst < MasDeg);
    }

    [SkippableTheory]
    [MemberData(nameof(Grids))]
    public void Local_scale_and_north_angle_match_regions(string name)
    {
        RequireOracle();
        var wcs = Load(name);
        var pts = new[] { (30.0, 40.0), (60.0, 5.0), (wcs.CrPix1 - 1, wcs.CrPix2 - 1) }.Select(p => wcs.PixelToSky(p.Item1, p.Item2)).ToList();
        var req = JsonSerializer.Serialize(new { file = Fixture(name), world = pts.Select(p => new[] { p.Ra, p.Dec }) });
        var sa = RunJsonWithInput(req, Oracle("wcs_oracle.py")).GetProperty("scale_angle");
        for (var i = 0; i < pts.Count; i++)
        {
            var (scale, angle) = wcs.LocalScaleAndNorth(pts[i].Ra, pts[i].Dec);
            Assert.Equal(sa[i][0].GetDouble(), scale, 1e-8 * scale); // finite-difference noise of the 1" offset
            Assert.Equal(sa[i][1].GetDouble(), angle, 1e-7);
        }
    }

    [SkippableTheory]
    [InlineData("SIN", 25.0, 0.0, 0.0, 45.0)]
    [InlineData("TAN", -70.0, 0.0, 0.0, -62.0)]
    [InlineData("SIN", 0.0, 0.2, -0.15, 80.0)]
    [InlineData("TAN", 133.0, 0.0, 0.0, 89.9)]
    public void Legacy_crota2_and_strong_pv_terms_agree_with_astropy(string proj, double crota2, double pv1, double pv2, double dec)
    {
        RequireOracle();
        var dir = TempDir();
        try
        {
            var path = Path.Combine(dir, "w.fits");
            var cards = new List<(string, object?, string?)>
            {
                ("CTYPE1", "RA---" + proj, null), ("CTYPE2", "DEC--" + proj, null), ("CRVAL1", 300.25, null), ("CRVAL2", dec, null),
                ("CRPIX1", 17.5, null), ("CRPIX2", -3.0, null), ("CDELT1", -2.0 / 3600, null), ("CDELT2", 1.5 / 3600, null),
                ("CROTA2", crota2, null), ("RADESYS", "ICRS", null),
            };
            if (pv1 != 0) { cards.Add(("PV2_1", pv1, null)); cards.Add(("PV2_2", pv2, null)); }
            FitsImageWriter.Write(path, 40, 30, cards, (y, row) => { }, false);
            using var f = FitsFile.Open(path);
            var wcs = CelestialWcs.FromHeader(f.Primary.Header);
            var rng = new Random(3);
            var pixels = Enumerable.Range(0, 100).Select(_ => new[] { rng.NextDouble() * 2000 - 1000, rng.NextDouble() * 2000 - 1000 }).ToList();
            var req = JsonSerializer.Serialize(new { file = path, pixels });
            var world = RunJsonWithInput(req, Oracle("wcs_oracle.py")).GetProperty("world");
            for (var i = 0; i < pixels.Count; i++)
            {
                var (ra, de) = wcs.PixelToSky(pixels[i][0], pixels[i][1]);
                var sep = SeparationDeg(AsDouble(world[i][0]), AsDouble(world[i][1]), ra, de);
                Assert.True(sep <= MasDeg, $"{proj} CROTA2={crota2} pixel ({pixels[i][0]}, {pixels[i][1]}): {sep * 3.6e6} mas");
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void Beam_area_in_pixels_follows_pi_bmaj_bmin_over_4ln2()
    {
        using var f = FitsFile.Open(Fixture("sources_sin.fits"));
        var h = f.Primary.Header;
        var beam = BeamInfo.FromHeader(h)!;
        Assert.Equal(2.8, beam.MajorArcsec, 1e-9);
        Assert.Equal(2.2, beam.MinorArcsec, 1e-9);
        Assert.Equal(35, beam.PositionAngleDeg);
        var expected = Manifest.GetProperty("sources_sin.fits").GetProperty("beam_area_pix").GetDouble();
        Assert.Equal(expected, beam.AreaPixels(CelestialWcs.FromHeader(h)), 1e-9 * expected);
        Assert.Equal(Math.PI * 2.8 * 2.2 / (4 * Math.Log(2)) / 0.36, beam.AreaPixels(CelestialWcs.FromHeader(h)), 1e-9);
    }

    [SkippableFact]
    public void Reference_pixel_is_fits_pixel_crpix_and_lonpole_defaults()
    {
        var wcs = Load("sources_sin.fits");
        Assert.Equal(65, wcs.CrPix1);
        var (ra, dec) = wcs.PixelToSky(64, 64);   // 0-based 64 = FITS pixel 65
        Assert.Equal(121.9897, ra, 1e-12);
        Assert.Equal(4.5429, dec, 1e-12);
        Assert.Equal(180, wcs.LonPoleDeg);
        Assert.Equal("FK5", wcs.RadeSys);
        Assert.Equal(0.6, wcs.CellArcsec, 1e-9);
        var tan = Load("tan_pole.fits");
        Assert.Equal("ICRS", tan.RadeSys);
        Assert.Null(tan.Equinox);
    }

    [SkippableFact]
    public void Unsupported_projections_and_frames_are_refused()
    {
        var dir = TempDir();
        try
        {
            foreach (var (k, v, msg) in new[] { ("CTYPE1", "RA---NCP", "NCP"), ("CTYPE1", "GLON-SIN", "RA---"), ("RADESYS", "FK4", "FK4") })
            {
                var path = Path.Combine(dir, "x.fits");
                using (var src = FitsFile.Open(Fixture("sources_sin.fits")))
                {
                    var cards = FitsImageWriter.CardsFrom(src.Primary.Header).Select(c => c.Item1 == k ? (k, (object?)v, c.Item3) : c).ToList();
                    if (k == "CTYPE1" && v.StartsWith("RA")) cards = cards.Select(c => c.Item1 == "CTYPE2" ? ("CTYPE2", (object?)"DEC--NCP", c.Item3) : c).ToList();
                    FitsImageWriter.Write(path, 2, 2, cards, (y, row) => { }, true);
                }
                using var f = FitsFile.Open(path);
                var ex = Assert.Throws<NotSupportedException>(() => CelestialWcs.FromHeader(f.Primary.Header));
                Assert.Contains(msg, ex.Message);
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
