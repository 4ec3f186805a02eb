using VlassPS.Core.Fits;

namespace VlassPS.Tests.Fits;

public class VlassProductNameTests
{
    [Theory]
    [InlineData("VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits", "SE image.pbcor.tt0", true, false, 0.6, 3)]
    [InlineData("VLASS1.1.ql.T05t33.J212207-203000.10.2048.v2.I.iter1.image.pbcor.tt0.rms.subim.fits", "QL image.pbcor.tt0.rms", true, true, 1.0, 1)]
    [InlineData("/data/VLASS3.2.se.T32t02.J120000+893000.06.2048.v1.I.iter3.alpha.error.subim.fits", "SE alpha.error", true, false, 0.6, 3)]
    [InlineData("VLASS2.2.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt1.fits", "SE image.pbcor.tt1", false, false, 0.6, 3)]
    public void Parses_pipeline_product_names(string name, string type, bool cutout, bool rms, double cell, int iter)
    {
        var p = VlassProductName.TryParse(name)!;
        Assert.Equal(type, p.ProductType);
        Assert.Equal(cutout, p.IsCutout);
        Assert.Equal(rms, p.IsRms);
        Assert.Equal(cell, p.PixelArcsec);
        Assert.Equal(iter, p.Iteration);
        Assert.Equal("I", p.Stokes);
        Assert.StartsWith("T", p.Tile);
    }

    [Fact]
    public void Rms_sibling_name_and_non_vlass_names()
    {
        var p = VlassProductName.TryParse("VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits")!;
        Assert.Equal("VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.rms.subim.fits", p.RmsFileName());
        Assert.Equal("VLASS2.1.se.T12t13.J080757+043232.06.2048.v1", p.ImageDirectory);
        Assert.Null(VlassProductName.TryParse(p.RmsFileName()!)!.RmsFileName());
        Assert.Null(VlassProductName.TryParse("sources_sin.fits"));
        Assert.Null(VlassProductName.TryParse("VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.fits"));
    }
}
