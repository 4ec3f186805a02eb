using VlassPS.Core.Fits;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

public class ImageComparerTests
{
    // Tolerance against reproject: 1e-9 of the reference peak. Both sides interpolate the same float64
    // values with the same bilinear rule; what differs is only the WCS arithmetic (<< 1e-6 pixel).
    private const double RelTol = 1e-9;

    [SkippableTheory]
    [InlineData("compare_a.fits", "compare_b.fits")]
    [InlineData("compare_b.fits", "compare_a.fits")]
    [InlineData("sources_sin.fits", "compare_b.fits")]
    public void Regridding_matches_reproject_bilinear(string aName, string bName)
    {
        RequireOracle();
        using var fa = FitsFile.Open(Fixture(aName));
        using var fb = FitsFile.Open(Fixture(bName));
        var a = fa.GetImage(); var b = fb.GetImage();
        var o = RunJson(Oracle("reproject_oracle.py"), Fixture(aName), Fixture(bName), "1.0", "0.001");
        var expected = o.GetProperty("regridded");
        var peak = ImageStatistics.Compute(b).Maximum;
        var regrid = new BilinearRegridder(a, b);
        var row = new double[a.Width];
        long finite = 0;
        for (var y = 0; y < a.Height; y++)
        {
            regrid.RegridRow(y, row);
            for (var x = 0; x < a.Width; x++)
            {
                var e = AsDouble(expected[y * a.Width + x]);
                if (double.IsNaN(e)) { Assert.True(double.IsNaN(row[x]), $"({x},{y}) should be NaN (outside B), got {row[x]}"); continue; }
                Assert.True(Math.Abs(row[x] - e) <= RelTol * peak, $"({x},{y}): {row[x]} vs reproject {e}");
                finite++;
            }
        }
        Assert.True(finite > a.Width * a.Height / 3);

        var c = ImageComparer.Compare(a, b, new ComparisonOptions { WithinPercent = 1.0, PercentThreshold = 0.001 });
        Assert.Equal(o.GetProperty("n").GetInt64(), c.OverlapPixelCount);
        Assert.Equal(o.GetProperty("rms").GetDouble(), c.RmsDifference, RelTol * peak);
        Assert.Equal(o.GetProperty("mean").GetDouble(), c.MeanDifference, RelTol * peak);
        Assert.Equal(o.GetProperty("maxabs").GetDouble(), c.MaxAbsDifference, RelTol * peak);
        Assert.Equal(o.GetProperty("n_pct").GetInt64(), c.PercentPixelCount);
        Assert.Equal(o.GetProperty("frac_within").GetDouble(), c.FractionWithinPercent, 1e-12);
    }

    [SkippableFact]
    public void Written_difference_images_and_region_flux_follow_the_one_percent_brighter_sky()
    {
        var dir = TempDir();
        try
        {
            using var fa = FitsFile.Open(Fixture("compare_a.fits"));
            using var fb = FitsFile.Open(Fixture("compare_b.fits"));
            var a = fa.GetImage(); var b = fb.GetImage();
            var region = new SkyCircleRegion(new SkyPosition(121.9897, 4.5429), 12);
            var opts = new ComparisonOptions
            {
                DifferencePath = Path.Combine(dir, "diff.fits"),
                PercentDifferencePath = Path.Combine(dir, "pct.fits"),
                WithinPercent = 2.0,
                PercentThreshold = 0.002,
                Region = region,
            };
            var c = ImageComparer.Compare(a, b, opts);
            // B is the same sky 1 % brighter on a finer, rotated grid: the region fluxes differ by 1 %, up to
            // the different sets of edge pixels whose centres fall inside the circle on the two grids.
            Assert.Equal(1.0, c.FluxPercentDifference, 0.2);
            Assert.Equal(1.01, c.FluxRatio, 0.002);
            Assert.True(c.FractionWithinPercent > 0.95, $"{c.FractionWithinPercent}");
            Assert.Equal(c.ReferenceFlux!.FluxJy, c.ReferenceFluxJy);

            using var fd = FitsFile.Open(opts.DifferencePath);
            using var fp = FitsFile.Open(opts.PercentDifferencePath);
            var d = fd.GetImage(); var p = fp.GetImage();
            Assert.Equal(a.Width, d.Width);
            Assert.Equal("%", fp.Primary.Header.GetString("BUNIT"));
            Assert.Equal("Jy/beam", fd.Primary.Header.GetString("BUNIT"));
            Assert.Equal(a.Header.GetDouble("CRVAL1"), fd.Primary.Header.GetDouble("CRVAL1"));
            var regrid = new BilinearRegridder(a, b);
            var rb = new double[a.Width]; var ra = new double[a.Width]; var rd = new double[a.Width]; var rp = new double[a.Width];
            double s = 0; long n = 0;
            for (var y = 0; y < a.Height; y++)
            {
                regrid.RegridRow(y, rb); a.ReadRow(y, ra); d.ReadRow(y, rd); p.ReadRow(y, rp);
                for (var x = 0; x < a.Width; x++)
                {
                    var diff = rb[x] - ra[x];
                    if (double.IsNaN(diff)) { Assert.True(double.IsNaN(rd[x])); continue; }
                    Assert.Equal((float)diff, (float)rd[x]);
                    if (Math.Abs(ra[x]) > 0.002) Assert.Equal((float)(100 * diff / ra[x]), (float)rp[x]);
                    else Assert.True(double.IsNaN(rp[x]));
                    s += diff * diff; n++;
                }
            }
            Assert.Equal(Math.Sqrt(s / n), c.RmsDifference, 1e-12);
            Assert.Equal(n, c.OverlapPixelCount);
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
            Assert.Throws<IOException>(() => ImageComparer.Compare(a, b, opts));
        }
        finally { Directory.Delete(dir, true); }
    }
}
