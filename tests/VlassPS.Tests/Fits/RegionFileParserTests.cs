using VlassPS.Core.Photometry;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

public class RegionFileParserTests
{
    [SkippableFact]
    public void Ds9_file_matches_astropy_regions()
    {
        RequireOracle();
        var p = RegionFileParser.ParseFile(Fixture("regions.reg"));
        Assert.Equal(3, p.Regions.Count);
        Assert.Single(p.Skipped);
        var req = System.Text.Json.JsonSerializer.Serialize(new { file = Fixture("sources_sin.fits"), regionfile = Fixture("regions.reg") });
        var fr = RunJsonWithInput(req, Oracle("photometry_oracle.py")).GetProperty("file_regions");
        var poly = Assert.IsType<SkyPolygonRegion>(p.Regions[0]);
        Assert.Equal("ext", poly.Label);
        var ov = fr[0].GetProperty("vertices");
        Assert.Equal(ov.GetArrayLength(), poly.Vertices.Count);
        for (var i = 0; i < poly.Vertices.Count; i++)
        {
            Assert.Equal(ov[i][0].GetDouble(), poly.Vertices[i].RaDeg, 1e-12);
            Assert.Equal(ov[i][1].GetDouble(), poly.Vertices[i].DecDeg, 1e-12);
        }
        var circle = Assert.IsType<SkyCircleRegion>(p.Regions[1]);
        Assert.Equal(fr[1].GetProperty("r_arcsec").GetDouble(), circle.RadiusArcsec, 1e-12);
        Assert.Equal("point", circle.Label);
        var box = Assert.IsType<SkyBoxRegion>(p.Regions[2]);
        Assert.Equal(fr[2].GetProperty("w_arcsec").GetDouble(), box.WidthArcsec, 1e-12);
        Assert.Equal(fr[2].GetProperty("h_arcsec").GetDouble(), box.HeightArcsec, 1e-12);
        Assert.Equal(fr[2].GetProperty("angle_deg").GetDouble(), box.AngleDeg, 1e-12);
        Assert.Equal(fr[2].GetProperty("ra").GetDouble(), box.Center.RaDeg, 1e-12);
    }

    [SkippableFact]
    public void Crtf_file_gives_the_same_shapes_as_the_ds9_file()
    {
        var ds9 = RegionFileParser.ParseFile(Fixture("regions.reg")).Regions;
        var crtf = RegionFileParser.ParseFile(Fixture("regions.crtf")).Regions;
        Assert.Equal(ds9.Count, crtf.Count);
        var (a, b) = ((SkyPolygonRegion)ds9[0], (SkyPolygonRegion)crtf[0]);
        Assert.Equal(a.Vertices.Select(v => (v.RaDeg, v.DecDeg)), b.Vertices.Select(v => (v.RaDeg, v.DecDeg)));
        Assert.Equal("ext", b.Label);
        Assert.Equal(((SkyCircleRegion)ds9[1]).RadiusArcsec, ((SkyCircleRegion)crtf[1]).RadiusArcsec, 1e-12);
        var (bx, cx) = ((SkyBoxRegion)ds9[2], (SkyBoxRegion)crtf[2]);
        Assert.Equal(bx.WidthArcsec, cx.WidthArcsec, 1e-12);
        Assert.Equal(bx.AngleDeg, cx.AngleDeg, 1e-12);
    }

    [SkippableFact]
    public void Sexagesimal_units_and_corner_boxes_parse()
    {
        var p = RegionFileParser.Parse("# Region file format: DS9 version 4.1\nfk5;circle(08:07:57.5,+04:32:34.0,0.5') # text={a b}\nicrs\nbox(121.99,4.54,0.01d,20\",0)\n");
        var c = (SkyCircleRegion)p.Regions[0];
        Assert.Equal(121.989583333, c.Center.RaDeg, 1e-8);
        Assert.Equal(30, c.RadiusArcsec, 1e-12);
        Assert.Equal("a b", c.Label);
        Assert.Equal(36, ((SkyBoxRegion)p.Regions[1]).WidthArcsec, 1e-9);

        var q = RegionFileParser.Parse("#CRTFv0\nglobal coord=J2000\nbox [[121.99deg, 4.54deg], [122.0deg, 4.55deg]]\ncircle [[08h07m57.5s, +04d32m34.0s], 1arcmin]\nann circle [[1deg, 1deg], 1arcsec]\ncenterbox [[10:00:00, -30.00.00], [1arcmin, 2arcmin]]\n");
        Assert.Equal(3, q.Regions.Count);
        var b = (SkyBoxRegion)q.Regions[0];
        Assert.Equal(36, b.HeightArcsec, 1e-9);
        Assert.Equal(0.01 * Math.Cos(4.545 * Math.PI / 180) * 3600, b.WidthArcsec, 1e-9);
        Assert.Equal(60, ((SkyCircleRegion)q.Regions[1]).RadiusArcsec);
        Assert.Equal(150, ((SkyBoxRegion)q.Regions[2]).Center.RaDeg, 1e-9);
        Assert.Single(q.Skipped);
    }

    [SkippableTheory]
    [InlineData("fk5\nellipse(1,2,3\",4\",0)", 2, "not supported")]
    [InlineData("image\ncircle(10,10,5)", 2, "'image'")]
    [InlineData("circle(1,2,3\")", 1, "before any coordinate system")]
    [InlineData("fk5\npolygon(1,2,3,4)", 2, "polygon")]
    [InlineData("#CRTFv0\ncircle [[1deg, 2deg], 3arcsec] coord=GALACTIC", 2, "GALACTIC")]
    [InlineData("#CRTFv0\npoly [[1deg, 2deg], [3deg, 4deg]", 2, "unbalanced")]
    [InlineData("#CRTFv0\ncircle [[1pix, 2pix], 3arcsec]", 2, "pixel")]
    public void Bad_region_lines_name_the_line(string text, int line, string fragment)
    {
        var ex = Assert.Throws<RegionFormatException>(() => RegionFileParser.Parse(text));
        Assert.Equal(line, ex.Line);
        Assert.Contains(fragment, ex.Message);
    }
}
