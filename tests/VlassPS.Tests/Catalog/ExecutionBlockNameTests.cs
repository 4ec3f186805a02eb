using VlassPS.Core.Archive;

namespace VlassPS.Tests.Catalog;

public class ExecutionBlockNameTests
{
    [Theory]
    [InlineData("VLASS1.1.sb34647560.eb34700758.58075.26425702547", "VLASS1.1", 34647560L, 34700758L, 58075.26425702547, "2017-11-18")]
    [InlineData("VLASS2.1.sb38561374.eb38565040.59070.62333981482", "VLASS2.1", 38561374L, 38565040L, 59070.62333981482, "2020-08-09")]
    [InlineData("VLASS3.1.sb43247986.eb43449519.59968.0862703125", "VLASS3.1", 43247986L, 43449519L, 59968.0862703125, "2023-01-24")]
    [InlineData("VLASS4.1.sb49141666.eb49343448.60913.730115625", "VLASS4.1", 49141666L, 49343448L, 60913.730115625, "2025-08-26")]
    public void Parses_memo_and_newer_names(string text, string epoch, long sb, long eb, double mjd, string date)
    {
        var n = ExecutionBlockName.Parse(text);
        Assert.Equal(text, n.Name);
        Assert.Equal(epoch, n.Epoch);
        Assert.Equal(sb, n.SbId);
        Assert.Equal(eb, n.EbId);
        Assert.Equal(mjd, n.Mjd, 10);
        var block = new ExecutionBlock(n, "T12t13", false, [], null, null);
        Assert.Equal(DateOnly.Parse(date), block.Date);
        Assert.Equal(text + ".ms", block.MsName);
    }

    [Fact]
    public void Fraction_digits_are_a_decimal_fraction_not_an_integer()
    {
        // "0862703125" keeps its leading zero: 0.0862703125 of a day = 02:04:13.755 UTC.
        var block = new ExecutionBlock(ExecutionBlockName.Parse("VLASS3.1.sb43247986.eb43449519.59968.0862703125"), null, false, [], null, null);
        Assert.Equal(new DateTime(2023, 1, 24, 2, 4, 13, 755, DateTimeKind.Utc), block.ObservedAt);
    }

    [Theory]
    [InlineData("24B-465.sb47226343.eb47329790.60643.9672167824")]
    [InlineData("VLASS2.1.sb38561374.eb38565040.59070.62333981482.ms")]
    [InlineData("VLASS2.1.sb38561374.eb38565040.59070.62333981482_split")]
    [InlineData("VLASS2.1.sb38561374.eb38565040.59070")]
    [InlineData("VLASS2.1v2.sb38561374.eb38565040.59070.6")]
    [InlineData("VLASS2.1.sb.eb38565040.59070.6")]
    [InlineData("")]
    public void Rejects_other_names(string text)
    {
        Assert.False(ExecutionBlockName.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ExecutionBlockName.Parse(text));
    }

    [Theory]
    [InlineData("VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/", "VLASS2.1", "ql", "T12t13", "J080806+043000", 1)]
    [InlineData("VLASS1.1.ql.T05t33.J212207-203000.10.2048.v2", "VLASS1.1", "ql", "T05t33", "J212207-203000", 2)]
    [InlineData("VLASS3.1.se.T12t13.J080806+043000.06.2048.v12/", "VLASS3.1", "se", "T12t13", "J080806+043000", 12)]
    public void Parses_image_directory_names(string text, string epoch, string type, string tile, string jname, int version)
    {
        Assert.True(ImageDirectoryName.TryParse(text, out var n));
        Assert.Equal(text.TrimEnd('/'), n.Name);
        Assert.Equal(epoch, n.Epoch);
        Assert.Equal(type, n.ImageType);
        Assert.Equal(tile, n.Tile);
        Assert.Equal(jname, n.JName);
        Assert.Equal(version, n.Version);
    }

    [Theory]
    [InlineData("?C=N;O=D")]
    [InlineData("/vlass/quicklook/VLASS2.1/")]
    [InlineData("VLASS2.1.catalog.T12t13.J080806+043000.10.2048.v1/")]
    [InlineData("VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/casa_pipescript.py")]
    [InlineData("VLASS2.1.ql.T12t13.J080806+043000.10.2048/")]
    public void Rejects_other_hrefs(string text) => Assert.False(ImageDirectoryName.TryParse(text, out _));
}
