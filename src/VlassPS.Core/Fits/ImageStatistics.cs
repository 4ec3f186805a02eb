namespace VlassPS.Core.Fits;

/// <summary>
/// Statistics of one image plane, streamed row by row (one row buffer in memory). NaN and infinite
/// pixels are counted but excluded. Sums are accumulated per row then added in double, which keeps
/// the mean of a 156-million-pixel image accurate to ~1e-12 relative.
/// </summary>
public sealed class ImageStatistics
{
    public long PixelCount { get; init; }
    public long FiniteCount { get; init; }
    public long BlankCount => PixelCount - FiniteCount;
    public double Minimum { get; init; }
    public double Maximum { get; init; }
    public int MinimumX { get; init; }
    public int MinimumY { get; init; }
    public int MaximumX { get; init; }
    public int MaximumY { get; init; }
    public double Sum { get; init; }
    public double Mean { get; init; }
    /// <summary>Root mean square about zero.</summary>
    public double Rms { get; init; }
    /// <summary>Population standard deviation about the mean.</summary>
    public double StandardDeviation { get; init; }

    public static ImageStatistics Compute(FitsImage image, long plane = 0, CancellationToken cancel = default)
    {
        var row = new float[image.Width];
        var rowD = image.Bitpix == -32 && image.BScale == 1 && image.BZero == 0 ? null : new double[image.Width];
        long finite = 0;
        double sum = 0, sumSq = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        int minX = -1, minY = -1, maxX = -1, maxY = -1;
        for (var y = 0; y < image.Height; y++)
        {
            if ((y & 255) == 0) cancel.ThrowIfCancellationRequested();
            double rs = 0, rss = 0;
            long rn = 0;
            if (rowD is null)
            {
                image.ReadRow(y, row.AsSpan(), plane);
                for (var x = 0; x < row.Length; x++)
                {
                    double v = row[x];
                    if (!double.IsFinite(v)) continue;
                    rn++; rs += v; rss += v * v;
                    if (v < min) { min = v; minX = x; minY = y; }
                    if (v > max) { max = v; maxX = x; maxY = y; }
                }
            }
            else
            {
                image.ReadRow(y, rowD.AsSpan(), plane);
                for (var x = 0; x < rowD.Length; x++)
                {
                    var v = rowD[x];
                    if (!double.IsFinite(v)) continue;
                    rn++; rs += v; rss += v * v;
                    if (v < min) { min = v; minX = x; minY = y; }
                    if (v > max) { max = v; maxX = x; maxY = y; }
                }
            }
            finite += rn; sum += rs; sumSq += rss;
        }
        var mean = finite > 0 ? sum / finite : double.NaN;
        var variance = finite > 0 ? Math.Max(0, sumSq / finite - mean * mean) : double.NaN;
        return new ImageStatistics
        {
            PixelCount = (long)image.Width * image.Height,
            FiniteCount = finite,
            Minimum = finite > 0 ? min : double.NaN,
            Maximum = finite > 0 ? max : double.NaN,
            MinimumX = minX, MinimumY = minY, MaximumX = maxX, MaximumY = maxY,
            Sum = sum,
            Mean = mean,
            Rms = finite > 0 ? Math.Sqrt(sumSq / finite) : double.NaN,
            StandardDeviation = Math.Sqrt(variance),
        };
    }
}
