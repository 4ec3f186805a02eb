using CsCheck;
using VlassPS.Core.Sky;

namespace VlassPS.Tests.Core;

public class SkyPositionFormatTests
{
    [Fact]
    public void Formats_the_memo_target()
    {
        var p = new SkyPosition(121.98974, 4.54293);
        Assert.Equal("J2000 08:07:57.5376 +04.32.34.548", p.ToCasaString());
        Assert.Equal("08:07:57.538 +04:32:34.55", p.ToSexagesimal());
        Assert.Equal("J080757.53+043234.5", p.IauName);
    }

    [Fact]
    public void Negative_zero_declination_keeps_its_sign()
    {
        var p = SkyPosition.Parse("12:00:00 -00:30:00");
        Assert.Equal(-0.5, p.DecDeg, 12);
        Assert.StartsWith("J2000 12:00:00.0000 -00.30.00.000", p.ToCasaString());
        Assert.Equal("J120000.00-003000.0", p.IauName);
    }

    [Theory]
    [InlineData("00:02:00 +10:00:00", "J000200.00+100000.0")]
    [InlineData("12:34:56.78 -01:02:03.4", "J123456.78-010203.4")]
    [InlineData("23:59:59.999 +89:59:59.99", "J235959.99+895959.9")]
    public void IAU_names_truncate_without_floating_point_loss(string text, string iau)
        => Assert.Equal(iau, SkyPosition.Parse(text).IauName);

    [Fact]
    public void Seconds_never_print_as_sixty()
    {
        var p = new SkyPosition(359.99999999, 89.99999999);
        Assert.Equal("J2000 00:00:00.0000 +90.00.00.000", p.ToCasaString());
    }

    [Fact]
    public void Casa_sexagesimal_and_degree_forms_round_trip_property()
    {
        Gen.Select(Gen.Double[0, 359.999999], Gen.Double[-90, 90]).Sample((ra, dec) =>
        {
            var p = new SkyPosition(ra, dec);
            foreach (var text in new[] { p.ToCasaString(), p.ToSexagesimal(4, 3), $"{ra:R} {dec:R}", $"{ra:R},{dec:R}" })
            {
                var back = SkyPosition.Parse(text);
                double mas = p.SeparationTo(back) * 3.6e6;
                if (mas >= 1.0) throw new Exception($"'{text}' came back {mas} mas away");
            }
        }, iter: 5000);
    }

    [Fact]
    public void Rectilinear_offsets_wrap_RA_and_use_the_field_declination()
    {
        var (dra, ddec) = new SkyPosition(359.9, 60).RectilinearOffsetsTo(new SkyPosition(0.1, 60.5));
        Assert.Equal(0.2 * Math.Cos(60.5 * Math.PI / 180), dra, 9);
        Assert.Equal(0.5, ddec, 9);
    }

    [Fact]
    public void Separation_is_accurate_for_tiny_and_antipodal_pairs()
    {
        // The input itself carries 20° ± 1 ulp (3.6e-15°); the result must be that accurate.
        Assert.InRange(Math.Abs(SphericalMath.Separation(10, 20, 10, 20 + 1e-9) - 1e-9), 0, 1e-14);
        Assert.Equal(180.0, SphericalMath.Separation(10, 20, 190, -20), 9);
    }
}
