using CsCheck;
using VlassPS.Core.Geometry;

namespace VlassPS.Tests.Core;

public class ImageGeometryTests
{
    [Theory]
    [InlineData(500, 4180, 6968, 7200)]
    [InlineData(1000, 4680, 7800, 8000)]
    [InlineData(1428, 5108, 8514, 8640)]
    public void Reproduces_the_memo_run_time_table(double science, double full, int raw, int imsize)
    {
        var g = ImageGeometry.Create(science);
        Assert.Equal(1000, g.SearchRadiusArcsec);
        Assert.Equal(840, g.AliasingMarginArcsec);
        Assert.Equal(full, g.FullWidthArcsec, 9);
        Assert.Equal(raw, g.RawPixelsX);
        Assert.Equal(imsize, g.ImsizeX);
        Assert.Equal(imsize, g.ImsizeY);
        Assert.Equal(science / 2 + 1000, g.SearchHalfWidthXArcsec);
        Assert.False(g.ExceedsStandardImage);
    }

    [Theory]
    [InlineData(833, 864)]
    [InlineData(1667, 1728)]
    [InlineData(2380, 2400)]
    [InlineData(3125, 3200)]
    [InlineData(3132, 3200)]
    [InlineData(3133, 3200)]
    [InlineData(5433, 5760)]
    [InlineData(4608, 4608)]
    [InlineData(6561, 6750)]
    [InlineData(6967, 7200)]
    [InlineData(6968, 7200)]
    [InlineData(7000, 7200)]
    [InlineData(7290, 7290)]
    [InlineData(7800, 8000)]
    [InlineData(8514, 8640)]
    [InlineData(12500, 12500)]
    [InlineData(16384, 16384)]
    public void Optimum_size_follows_the_CASA_rule(int n, int expected) => Assert.Equal(expected, ImageSizing.OptimumSize(n));

    [Fact]
    public void Optimum_size_is_the_smallest_even_five_smooth_size_at_least_n()
    {
        Gen.Int[1, 40000].Sample(n =>
        {
            int m = ImageSizing.OptimumSize(n);
            if (m < n || m % 2 != 0 || !ImageSizing.IsEfficient(m)) throw new Exception($"{n} -> {m}");
            for (int k = n + (n % 2); k < m; k += 2)
                if (ImageSizing.IsEfficient(k)) throw new Exception($"{n} -> {m}, but {k} is efficient");
        }, iter: 3000);
    }

    [Theory]
    [InlineData(0.50, 2.0, 630.0)]
    [InlineData(0.30, 2.4, 691.9)]
    [InlineData(0.20, 3.0, 640.0)]
    [InlineData(0.17, 2.0, 1007.3)]
    [InlineData(0.17, 2.4, 839.4)]
    [InlineData(0.10, 4.0, 574.1)]
    [InlineData(0.05, 2.0, 1309.7)]
    public void Beam_radius_matches_the_domain_table(double f, double ghz, double arcsec)
        => Assert.Equal(arcsec, PrimaryBeam.RadiusArcsec(f, ghz), 1);

    [Fact]
    public void Sensitivity_fraction_switches_to_the_beam_model()
    {
        var g = ImageGeometry.Create(500, sensitivityFraction: 0.17);
        Assert.Equal(1007.3, g.SearchRadiusArcsec, 1);
        Assert.Equal(839.4, g.AliasingMarginArcsec, 1);
        var g3 = ImageGeometry.Create(500, sensitivityFraction: 0.3);
        Assert.Equal(830.3, g3.SearchRadiusArcsec, 1);
        Assert.Equal(0.3, PrimaryBeam.Response(g3.SearchRadiusArcsec, 2.0), 9);
    }

    [Fact]
    public void Rectangles_cells_and_the_standard_image_warning()
    {
        var g = ImageGeometry.Create(1000, 600, cellArcsec: 1.0);
        Assert.Equal(4680, g.RawPixelsX);
        Assert.Equal(4280, g.RawPixelsY);
        Assert.Equal(ImageSizing.OptimumSize(4280), g.ImsizeY);
        Assert.True(ImageGeometry.Create(4000).ExceedsStandardImage);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Create(-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Create(500, cellArcsec: 0));
    }
}
