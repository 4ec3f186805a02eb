using System.Diagnostics;
using VlassPS.Core.Fits;
using VlassPS.Core.Geometry;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;
using VlassPS.Core.Workspace;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Hostile;

/// <summary>Issue 13 §4–§5: work bounded by the image, linear header parsing, limits that name the parameter.</summary>
public sealed class UnboundedWorkTests
{
    private const string Image = "VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits";

    private static T Within<T>(double seconds, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        Assert.True(sw.Elapsed.TotalSeconds < seconds, $"took {sw.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    private static SkyPosition Centre(FitsImage image)
    {
        var (ra, dec) = CelestialWcs.FromHeader(image.Header).PixelToSky(image.Width / 2.0, image.Height / 2.0);
        return new SkyPosition(ra, dec);
    }

    [Theory]
    [InlineData(36000)]
    [InlineData(1e5)]
    [InlineData(324000)]
    public void A_huge_circle_costs_the_image_not_its_bounding_box(double radiusArcsec)
    {
        using var f = FitsFile.Open(Fixture(Image));
        var image = f.GetImage();
        var m = Within(5, () => FluxMeasurer.Measure(image, new SkyCircleRegion(Centre(image), radiusArcsec)));
        Assert.True(m.PixelCount > 0);
    }

    [Fact]
    public void A_huge_rotated_box_costs_the_image_not_its_bounding_box()
    {
        using var f = FitsFile.Open(Fixture(Image));
        var image = f.GetImage();
        var m = Within(5, () => FluxMeasurer.Measure(image, new SkyBoxRegion(Centre(image), 1e5, 1e5, 30)));
        Assert.True(m.PixelCount > 0);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e30)]
    [InlineData(double.NaN)]
    public void A_radius_no_image_can_hold_is_refused_naming_the_parameter(double radius)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new SkyCircleRegion(new SkyPosition(10, 10), radius));
        Assert.Equal("Radius", ex.ParamName);
    }

    [Theory]
    [InlineData("# Region file format: DS9\nfk5\ncircle(10,10,1e400\")\n")]
    [InlineData("# Region file format: DS9\nfk5\ncircle(10,10,359d)\n")]
    [InlineData("#CRTFv0\ncircle [[10deg, 10deg], 1e30arcsec]\n")]
    public void Region_files_cannot_bypass_the_limits(string text)
        => Assert.Throws<RegionFormatException>(() => RegionFileParser.Parse(text));

    [Fact]
    public void Circle_and_box_row_spans_agree_with_contains()
    {
        var rnd = new Random(13);
        for (int i = 0; i < 300; i++)
        {
            PixelRegion r = i % 2 == 0
                ? new PixelCircle(rnd.NextDouble() * 20, rnd.NextDouble() * 20, 0.3 + rnd.NextDouble() * 8)
                : new PixelBox(rnd.NextDouble() * 20, rnd.NextDouble() * 20, 0.5 + rnd.NextDouble() * 9, 0.5 + rnd.NextDouble() * 9, rnd.NextDouble() * 360);
            for (int y = -12; y < 32; y++)
            {
                var spans = new List<(int X0, int X1)>();
                r.RowSpans(y, spans);
                var inSpans = spans.SelectMany(s => Enumerable.Range(s.X0, s.X1 - s.X0 + 1)).ToHashSet();
                for (int x = -12; x < 32; x++) Assert.Equal(r.Contains(x, y), inSpans.Contains(x));
            }
        }
    }

    [Theory]
    [InlineData(1e300, 0)]
    [InlineData(0, -1e300)]
    public void A_slant_of_1e300_is_refused_not_iterated(double pv1, double pv2)
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "pv.fits");
        try
        {
            FitsImageWriter.Write(path, 8, 8, new (string, object?, string?)[]
            {
                ("CTYPE1", "RA---SIN", null), ("CTYPE2", "DEC--SIN", null), ("CRPIX1", 4.0, null), ("CRPIX2", 4.0, null),
                ("CRVAL1", 10.0, null), ("CRVAL2", 10.0, null), ("CDELT1", -1e-4, null), ("CDELT2", 1e-4, null),
                ("PV2_1", pv1, null), ("PV2_2", pv2, null),
            }, (y, row) => row.Fill(1), false);
            using var f = FitsFile.Open(path);
            Assert.ThrowsAny<ArgumentException>(() => CelestialWcs.FromHeader(f.GetImage().Header));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Twenty_thousand_continue_cards_parse_in_linear_time()
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "long.fits");
        try
        {
            var value = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"piece{i:D5}-").Select(s => s.PadRight(66, 'x')));
            FitsImageWriter.Write(path, 2, 2, new (string, object?, string?)[] { ("LONGSTR", value, null) }, (y, row) => row.Fill(0), false);
            using var f = Within(5, () => FitsFile.Open(path));
            Assert.Equal(value, f.Primary.Header.GetString("LONGSTR"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(1e10)]
    [InlineData(1e19)]
    [InlineData(1e300)]
    [InlineData(double.PositiveInfinity)]
    public void A_science_size_that_cannot_be_imaged_is_refused_naming_ScienceSize(double size)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Create(size));
        Assert.Equal("ScienceSize", ex.ParamName);
        Assert.Contains("-ScienceSize", ex.Message);
    }

    [Fact]
    public void A_cell_too_small_for_the_image_is_refused_naming_Cell()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Create(600000, cellArcsec: 1e-6));
        Assert.Equal("Cell", ex.ParamName);
    }

    [Fact]
    public void Raw_pixels_never_wrap()
        => Assert.Throws<OverflowException>(() => ImageSizing.RawPixels(1e19, 0.6));

    [Fact]
    public void A_run_time_for_an_absurd_imsize_is_capped_not_an_overflow()
        => Assert.Equal(TimeSpan.FromHours(RunTimeEstimate.MaximumHours), RunTimeEstimate.Request(int.MaxValue - 1, int.MaxValue - 1));
}
