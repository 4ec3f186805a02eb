using System.Diagnostics;
using System.Text;
using VlassPS.Core.Fits;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Fits;

/// <summary>
/// Mutates headers of real fixtures (bounded: 1500 cases per fixture or 8 s) and reads every HDU fully.
/// The only exception a malformed file may raise is <see cref="FitsFormatException"/>; WCS construction may
/// in addition refuse with NotSupportedException/ArgumentException (documented), never anything else.
/// </summary>
public class FitsFuzzTests
{
    private static readonly string[] Keywords = { "SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "NAXIS3", "END", "XTENSION", "PCOUNT", "GCOUNT", "BSCALE", "BZERO", "BLANK", "CONTINUE", "CTYPE1", "CRVAL2", "CDELT1", "PV2_1", "GROUPS", "EXTEND" };
    private static readonly string[] Values = { "T", "F", "0", "-1", "1", "2", "3", "8", "16", "-32", "-64", "64", "999", "1000", "2147483648", "9223372036854775807", "1e308", "1.0E-300", "'RA---SIN'", "'IMAGE   '", "'abc&'", "''", "'", "(1, 2)", "1.2.3", "nan", "", "'DEC--TAN'", "-2880" };

    [SkippableTheory]
    [InlineData("bitpix_16.fits", 11)]
    [InlineData("bitpix_m64.fits", 12)]
    [InlineData("extensions.fits", 13)]
    [InlineData("sin_pv.fits", 14)]
    public void Mutated_headers_raise_only_format_errors(string fixture, int seed)
    {
        var original = File.ReadAllBytes(Fixture(fixture));
        var headerEnd = Encoding.ASCII.GetString(original).IndexOf("END     ", StringComparison.Ordinal) + 80;
        var rng = new Random(seed);
        var dir = TempDir();
        var watch = Stopwatch.StartNew();
        int cases = 0, formatErrors = 0;
        try
        {
            var path = Path.Combine(dir, "fuzz.fits");
            for (; cases < 1500 && watch.Elapsed < TimeSpan.FromSeconds(8); cases++)
            {
                var bytes = Mutate(original, headerEnd, rng);
                File.WriteAllBytes(path, bytes);
                try
                {
                    ReadEverything(path);
                }
                catch (FitsFormatException ex)
                {
                    formatErrors++;
                    Assert.True(ex.ByteOffset >= 0 && ex.ByteOffset <= bytes.Length, $"offset {ex.ByteOffset} outside the file");
                    Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
                }
                catch (Exception ex)
                {
                    File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"vlassps-fuzz-failure-{seed}-{cases}.fits"), bytes);
                    Assert.Fail($"case {cases} (seed {seed}) raised {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
                }
            }
        }
        finally { Directory.Delete(dir, true); }
        Assert.True(cases >= 100, $"only {cases} cases ran");
        Assert.True(formatErrors > 0 && formatErrors < cases, $"{formatErrors} of {cases} mutations were format errors: the fuzzer is not exploring");
    }

    private static void ReadEverything(string path)
    {
        using var f = FitsFile.Open(path);
        foreach (var hdu in f.Hdus)
        {
            foreach (var c in hdu.Header.Cards) _ = c.ToString();
            if (!hdu.IsImage) continue;
            var img = f.GetImage(hdu.Index);
            var row = new double[img.Width];
            for (long p = 0; p < Math.Min(img.PlaneCount, 4); p++)
                for (var y = 0; y < Math.Min(img.Height, 64); y++) img.ReadRow(y, row, p);
            _ = ImageStatistics.Compute(img);
            try { _ = CelestialWcs.FromHeader(img.Header); }
            catch (Exception ex) when (ex is NotSupportedException or ArgumentException) { }
        }
    }

    private static byte[] Mutate(byte[] original, int headerEnd, Random rng)
    {
        var b = (byte[])original.Clone();
        var cards = headerEnd / 80;
        switch (rng.Next(6))
        {
            case 0: // random byte in the header
                b[rng.Next(headerEnd)] = (byte)rng.Next(256);
                break;
            case 1: // printable byte in the value field of a card
                b[rng.Next(cards) * 80 + 8 + rng.Next(72)] = (byte)rng.Next(0x20, 0x7F);
                break;
            case 2: // replace a card by a random keyword = value
                Encoding.ASCII.GetBytes($"{Keywords[rng.Next(Keywords.Length)],-8}= {Values[rng.Next(Values.Length)],20}".PadRight(80)[..80])
                    .CopyTo(b, rng.Next(cards) * 80);
                break;
            case 3: // truncate anywhere
                return b[..rng.Next(b.Length)];
            case 4: // swap two cards
                {
                    var i = rng.Next(cards) * 80; var j = rng.Next(cards) * 80;
                    var tmp = b[i..(i + 80)];
                    Array.Copy(b, j, b, i, 80);
                    tmp.CopyTo(b, j);
                    break;
                }
            default: // several printable mutations at once
                for (var k = 0; k < 1 + rng.Next(8); k++) b[rng.Next(headerEnd)] = (byte)rng.Next(0x20, 0x7F);
                break;
        }
        return b;
    }
}
