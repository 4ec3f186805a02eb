using VlassPS.Core.Sky;

namespace VlassPS.Tests.Core;

public class SkyPositionParserTests
{
    [Theory]
    [InlineData("121.98974 4.54293", 121.98974, 4.54293)]
    [InlineData("121.98974,4.54293", 121.98974, 4.54293)]
    [InlineData("08:07:57.5376 +04:32:34.548", 121.98974, 4.54293)]
    [InlineData("08 07 57.5376 +04 32 34.548", 121.98974, 4.54293)]
    [InlineData("08h07m57.5376s +04d32m34.548s", 121.98974, 4.54293)]
    [InlineData("J2000 08:07:57.5376 +04.32.34.548", 121.98974, 4.54293)]
    [InlineData("ICRS 08:07:57.5376 +04.32.34.548", 121.98974, 4.54293)]
    [InlineData("8.1326493333h 4.54293", 121.98974, 4.54293)]
    [InlineData("08h 07m 57.5376s, +04° 32′ 34.548″", 121.98974, 4.54293)]
    [InlineData("00:00:00 -00:30:00", 0, -0.5)]
    [InlineData("10.5 \u22120.25", 10.5, -0.25)]
    public void Parses_common_forms(string text, double ra, double dec)
    {
        var p = SkyPosition.Parse(text);
        Assert.Equal(ra, p.RaDeg, 7);
        Assert.Equal(dec, p.DecDeg, 7);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("hello world", "hello")]
    [InlineData("B1950 08:07:57.5 +04:32:34", "B1950")]
    [InlineData("GALACTIC 10 20", "GALACTIC")]
    [InlineData("25:00:00 +04:00:00", "25:00:00")]
    [InlineData("08:07:57.5 +95:00:00", "+95:00:00")]
    [InlineData("08:61:57.5 +04:00:00", "08:61:57.5")]
    [InlineData("360.5 4", "360.5")]
    [InlineData("-10 4", "-10")]
    public void Rejects_bad_input_naming_the_bad_part(string text, string badPart)
    {
        var ex = Assert.Throws<PositionFormatException>(() => SkyPosition.Parse(text));
        Assert.Contains(badPart, ex.BadPart, StringComparison.OrdinalIgnoreCase);
    }
}
