using System.Text;
using VlassPS.Core.Fits;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

public class FitsReaderTests
{
    [SkippableTheory]
    [InlineData("bitpix_8.fits", 8)]
    [InlineData("bitpix_16.fits", 16)]
    [InlineData("bitpix_32.fits", 32)]
    [InlineData("bitpix_64.fits", 64)]
    [InlineData("bitpix_m32.fits", -32)]
    [InlineData("bitpix_m64.fits", -64)]
    public void Bitpix_cases_give_the_generators_physical_values(string name, int bitpix)
    {
        using var f = FitsFile.Open(Fixture(name));
        var img = f.GetImage();
        Assert.Equal(bitpix, img.Bitpix);
        Assert.Equal(8, img.Width);
        Assert.Equal(6, img.Height);
        var rows = Manifest.GetProperty("bitpix").GetProperty(name).GetProperty("values");
        var row = new double[8];
        for (var y = 0; y < 6; y++)
        {
            img.ReadRow(y, row);
            for (var x = 0; x < 8; x++)
            {
                var expected = AsDouble(rows[y][x]);
                if (double.IsNaN(expected)) Assert.True(double.IsNaN(row[x]), $"{name} ({x},{y}) should be blank");
                else Assert.Equal(expected, row[x], Math.Abs(expected) * 1e-14);
                Assert.Equal(row[x], img[x, y]);
            }
        }
    }

    [SkippableFact]
    public void Bitpix16_with_bzero_32768_reads_as_unsigned()
    {
        using var f = FitsFile.Open(Fixture("bitpix_u16.fits"));
        var img = f.GetImage();
        var row = new double[img.Width];
        img.ReadRow(0, row);
        Assert.Equal(new double[] { 0, 1, 32767, 32768, 65535, 12345 }, row);
    }

    [SkippableFact]
    public void Extensions_continue_strings_and_value_types()
    {
        using var f = FitsFile.Open(Fixture("extensions.fits"));
        Assert.Equal(3, f.Hdus.Count);
        var h = f.Primary.Header;
        var m = Manifest.GetProperty("extensions.fits");
        Assert.Equal(m.GetProperty("LONGSTR").GetString(), h.GetString("LONGSTR"));
        Assert.Equal("a long value", h.Find("LONGSTR")!.Comment);
        Assert.Equal(7, h.Find("LONGSTR")!.CardCount);
        Assert.Equal("plain", h.GetString("SHORT"));
        Assert.Equal("", h.GetString("EMPTYSTR"));
        Assert.Equal(42L, h["INTVAL"]);
        Assert.Equal(-1.25e-7, h.GetDouble("FLOATVAL"));
        Assert.True(h.GetBool("BOOLT"));
        Assert.False(h.GetBool("BOOLF"));
        Assert.Equal("hierarch", h.GetString("ESO DET NAME"));
        Assert.True(h.Contains("BLANKVAL"));
        Assert.Null(h["BLANKVAL"]);
        Assert.Contains(h.Cards, c => c.Keyword == "COMMENT" && c.Comment == "a comment card");
        Assert.False(f.Primary.IsImage);

        var e1 = f.Hdus[1];
        Assert.Equal("IMAGE", e1.ExtensionType);
        Assert.Equal("FIRST", e1.ExtensionName);
        Assert.Equal(m.GetProperty("ext1_long").GetString(), e1.Header.GetString("LONGSTR"));
        var img1 = f.GetImage();
        Assert.Equal(1, img1.Hdu.Index);
        var row = new double[4];
        for (var y = 0; y < 3; y++)
        {
            img1.ReadRow(y, row);
            Assert.Equal(Enumerable.Range(4 * y, 4).Select(v => (double)v), row);
        }
        var cube = f.GetImage(2);
        Assert.Equal(5, cube.Width);
        Assert.Equal(3, cube.Height);
        Assert.Equal(2, cube.PlaneCount);
        // linspace(-1, 1, 30) in C order: plane p, row y, column x -> index 15p + 5y + x
        Assert.Equal(-1 + 2.0 * (15 * 1 + 5 * 2 + 3) / 29, cube[3, 2, 1], 1e-15);
    }

    [SkippableFact]
    public void Four_axis_vlass_image_matches_astropy_pixel_for_pixel()
    {
        RequireOracle();
        var path = Fixture(VlassImage);
        var dump = RunJson(Oracle("fits_oracle.py"), "dump", path, "0");
        using var f = FitsFile.Open(path);
        var img = f.GetImage();
        Assert.Equal(new long[] { 100, 100, 1, 1 }, img.Hdu.Axes);
        Assert.Equal(1, img.PlaneCount);
        var data = dump.GetProperty("data");
        var row = new double[img.Width];
        var nan = 0;
        for (var y = 0; y < img.Height; y++)
        {
            img.ReadRow(y, row);
            for (var x = 0; x < img.Width; x++)
            {
                var e = AsDouble(data[y * img.Width + x]);
                if (double.IsNaN(e)) { Assert.True(double.IsNaN(row[x])); nan++; }
                else Assert.Equal(e, row[x]);
            }
        }
        Assert.Equal(15, nan);
        foreach (var p in dump.GetProperty("header").EnumerateObject())
        {
            var card = f.Primary.Header.Find(p.Name);
            Assert.NotNull(card);
            if (p.Value.ValueKind == System.Text.Json.JsonValueKind.Number) Assert.Equal(p.Value.GetDouble(), f.Primary.Header.GetDouble(p.Name)!.Value);
            else if (p.Value.ValueKind == System.Text.Json.JsonValueKind.String) Assert.Equal(p.Value.GetString(), f.Primary.Header.GetString(p.Name));
        }
    }

    [SkippableTheory]
    [InlineData(VlassImage)]
    [InlineData("sources_tan.fits")]
    [InlineData("sin_wrap.fits")]
    public void Streamed_statistics_match_numpy(string name)
    {
        RequireOracle();
        var path = Fixture(name);
        var o = RunJson(Oracle("fits_oracle.py"), "stats", path);
        using var f = FitsFile.Open(path);
        AssertStatisticsEqual(o, ImageStatistics.Compute(f.GetImage()));
    }

    [SkippableFact]
    public void Committed_fixtures_are_what_the_generator_writes()
    {
        RequireOracle();
        var dir = TempDir();
        try
        {
            Run(Oracle("make_fixtures.py"), dir);
            foreach (var file in Directory.GetFiles(dir))
            {
                var committed = Fixture(Path.GetFileName(file));
                Assert.True(File.Exists(committed), $"{Path.GetFileName(file)} is generated but not committed");
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(committed)), $"{Path.GetFileName(file)} differs from the generator's output");
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    // ---- malformed files ------------------------------------------------------------------------

    private static byte[] Bytes(string fixture) => File.ReadAllBytes(Fixture(fixture));

    private static FitsFormatException OpenBroken(byte[] bytes)
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "broken.fits");
        File.WriteAllBytes(path, bytes);
        try
        {
            return Assert.Throws<FitsFormatException>(() =>
            {
                using var f = FitsFile.Open(path);
                foreach (var h in f.Hdus.Where(h => h.IsImage)) _ = ImageStatistics.Compute(f.GetImage(h.Index));
            });
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void Put(byte[] b, int card, string text) => Encoding.ASCII.GetBytes(text.PadRight(80)).CopyTo(b, card * 80);

    [SkippableFact]
    public void Non_printable_byte_reports_card_and_offset()
    {
        var b = Bytes("bitpix_m32.fits");
        b[5 * 80 + 12] = 0x07;
        var ex = OpenBroken(b);
        Assert.Equal(5, ex.CardIndex);
        Assert.Equal(5 * 80 + 12, ex.ByteOffset);
        Assert.Contains("non-printable", ex.Message);
        Assert.Contains("card 5", ex.Message);
    }

    [SkippableFact]
    public void Unterminated_string_is_reported()
    {
        var b = Bytes("bitpix_m32.fits");
        Put(b, 5, "CTYPE1  = 'RA---SIN");
        var ex = OpenBroken(b);
        Assert.Equal(5, ex.CardIndex);
        Assert.Contains("closing quote", ex.Message);
    }

    [SkippableFact]
    public void Malformed_number_is_reported()
    {
        var b = Bytes("bitpix_m32.fits");
        Put(b, 7, "CRVAL1  =            200.0.1");
        var ex = OpenBroken(b);
        Assert.Equal(7, ex.CardIndex);
        Assert.Equal(7 * 80 + 21, ex.ByteOffset); // where the value token starts
        Assert.Contains("Malformed value '200.0.1'", ex.Message);
    }

    [SkippableFact]
    public void Bad_bitpix_missing_end_truncation_and_lowercase_keyword()
    {
        var b = Bytes("bitpix_m32.fits");
        Put(b, 1, "BITPIX  =                   24");
        Assert.Equal(1, OpenBroken(b).CardIndex);

        b = Bytes("bitpix_m32.fits");
        var end = Encoding.ASCII.GetString(b, 0, 2880).IndexOf("END     ", StringComparison.Ordinal);
        Put(b, end / 80, "");
        var ex = OpenBroken(b[..2880]);
        Assert.Contains("no END card", ex.Message);
        Assert.Equal(2880, ex.ByteOffset);
        // Without END the reader walks into the binary data and stops at its first non-ASCII byte.
        Assert.Contains("non-printable", OpenBroken(b).Message);

        b = Bytes("sources_sin.fits");
        ex = OpenBroken(b[..(2880 * 3)]);
        Assert.Contains("truncated", ex.Message);
        Assert.Equal(2880, ex.ByteOffset); // data start (one header block)

        b = Bytes("bitpix_m32.fits");
        Put(b, 6, "crval1  = 1.0");
        Assert.Contains("contains the character 'c'", OpenBroken(b).Message);

        ex = OpenBroken(new byte[100]);
        Assert.Contains("shorter than one 2880-byte", ex.Message);
    }

    [SkippableFact]
    public void Naxis_overflow_and_negative_axes_are_format_errors()
    {
        var b = Bytes("bitpix_m32.fits");
        Put(b, 3, "NAXIS1  =  9223372036854775807");
        Assert.Contains("overflow", OpenBroken(b).Message);
        b = Bytes("bitpix_m32.fits");
        Put(b, 4, "NAXIS2  =                   -6");
        Assert.Equal(4, OpenBroken(b).CardIndex);
    }
}
