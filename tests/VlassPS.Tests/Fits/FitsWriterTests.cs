using VlassPS.Core.Fits;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

public class FitsWriterTests
{
    // astropy 5.2 mis-reads some continued strings with several quoted words ('A' and 'B' loses text,
    // even in headers astropy wrote itself), so the astropy check uses one apostrophe.
    private static readonly string LongText = "difference of image A and B, it's " + new string('z', 150);

    [SkippableFact]
    public void Quotes_in_continued_strings_round_trip_in_our_reader()
    {
        var dir = TempDir();
        try
        {
            var path = Path.Combine(dir, "q.fits");
            var text = "difference of 'A' and 'B' " + new string('\'', 70) + new string('z', 90);
            FitsImageWriter.Write(path, 1, 1, new[] { ("ORIGIN", (object?)text, (string?)"c") }, (y, row) => row[0] = 1, false);
            using var f = FitsFile.Open(path);
            Assert.Equal(text, f.Primary.Header.GetString("ORIGIN"));
            Assert.True(f.Primary.Header.Find("ORIGIN")!.CardCount > 2);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static string WriteSample(string dir, bool overwrite = false)
    {
        var path = Path.Combine(dir, "out image.fits");
        using var src = FitsFile.Open(Fixture("sources_tan.fits"));
        var cards = FitsImageWriter.CardsFrom(src.Primary.Header).ToList();
        cards.Add(("HISTORY", "written by VlassPS tests", null));
        cards.Add(("ORIGIN", LongText, "long string via CONTINUE"));
        cards.Add(("SCALE", 1.5e-300, null));
        cards.Add(("NPIX", 77L, "a count"));
        FitsImageWriter.Write(path, 7, 5, cards, (y, row) =>
        {
            for (var x = 0; x < row.Length; x++) row[x] = x == 3 && y == 2 ? float.NaN : 10 * y + x + 0.25f;
        }, overwrite);
        return path;
    }

    [SkippableFact]
    public void Written_image_reads_back_in_our_reader()
    {
        var dir = TempDir();
        try
        {
            var path = WriteSample(dir);
            using var f = FitsFile.Open(path);
            var img = f.GetImage();
            Assert.Equal(7, img.Width);
            Assert.Equal(5, img.Height);
            Assert.True(double.IsNaN(img[3, 2]));
            Assert.Equal(41.25, img[1, 4]);
            Assert.Equal(LongText, f.Primary.Header.GetString("ORIGIN"));
            Assert.Equal(1.5e-300, f.Primary.Header.GetDouble("SCALE"));
            Assert.Equal("TAN", f.Primary.Header.GetString("CTYPE1")![5..]);
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
            Assert.Throws<IOException>(() => WriteSample(dir));
            WriteSample(dir, overwrite: true);
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void Written_image_passes_astropy_verification()
    {
        RequireOracle();
        var dir = TempDir();
        try
        {
            var path = WriteSample(dir);
            var o = RunJson(Oracle("fits_oracle.py"), "verify", path);
            Assert.True(o.GetProperty("ok").GetBoolean());
            Assert.Equal(LongText, o.GetProperty("header").GetProperty("ORIGIN").GetString());
            Assert.Equal(77, o.GetProperty("header").GetProperty("NPIX").GetInt32());
            var data = o.GetProperty("data");
            Assert.Equal(35, data.GetArrayLength());
            Assert.Equal(41.25, data[4 * 7 + 1].GetDouble());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, data[2 * 7 + 3].ValueKind);
        }
        finally { Directory.Delete(dir, true); }
    }
}
