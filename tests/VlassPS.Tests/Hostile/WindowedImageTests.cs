using VlassPS.Core.Fits;
using static VlassPS.Tests.Fits.FitsTestSupport;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 §5: images are read through a moving window of the file, not one map of all of it. With windows far
/// smaller than a row (so rows are read in pieces and every few rows move the window) statistics still equal
/// numpy's and every pixel equals astropy's, read by row, by indexer and by the regridder's unchecked access.
/// </summary>
public sealed class WindowedImageTests
{
    private const long TinyWindow = FitsCardParser.BlockLength;   // 2880 bytes: 1440-byte pieces

    [SkippableTheory]
    [InlineData(-32, 3001, 23, 1)]
    [InlineData(-64, 1999, 17, 2)]
    [InlineData(16, 1001, 13, 3)]
    [InlineData(32, 777, 11, 1)]
    public void Statistics_through_tiny_windows_match_numpy(int bitpix, int width, int height, int planes)
    {
        RequireOracle();
        var dir = TempDir();
        try
        {
            var path = Path.Combine(dir, "r.fits");
            Run(Oracle("make_random.py"), path, $"{bitpix}", $"{width}", $"{height}", $"{planes}", "13");
            var o = RunJson(Oracle("fits_oracle.py"), "stats", path);
            using var f = FitsFile.Open(path, TinyWindow);
            AssertStatisticsEqual(o, ImageStatistics.Compute(f.GetImage()), checkSum: true);
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void Every_pixel_through_tiny_windows_equals_astropy_by_row_indexer_and_unchecked_access()
    {
        RequireOracle();
        var dir = TempDir();
        try
        {
            var path = Path.Combine(dir, "r.fits");
            Run(Oracle("make_random.py"), path, "-64", "901", "9", "2", "7");
            var dump = RunJson(Oracle("fits_oracle.py"), "dump", path, "0").GetProperty("data");
            using var f = FitsFile.Open(path, TinyWindow);
            var img = f.GetImage();
            var row = new double[img.Width];
            int i = 0;
            for (long plane = 0; plane < img.PlaneCount; plane++)
                for (int y = 0; y < img.Height; y++)
                {
                    img.ReadRow(y, row, plane);
                    for (int x = 0; x < img.Width; x++, i++)
                    {
                        var expected = AsDouble(dump[i]);
                        Assert.Equal(expected, row[x]);
                        Assert.Equal(expected, img[x, y, plane]);
                    }
                }
            Assert.Equal(dump.GetArrayLength(), i);
            // Random access, as the bilinear regridder does: the window moves back and forth.
            var rnd = new Random(5);
            for (int k = 0; k < 2000; k++)
            {
                int x = rnd.Next(img.Width), y = rnd.Next(img.Height), plane = rnd.Next(2);
                Assert.Equal(AsDouble(dump[(plane * img.Height + y) * img.Width + x]), img.GetUnchecked(x, y, plane));
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
