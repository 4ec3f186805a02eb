using VlassPS.Core.Fits;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Photometry;

/// <summary>Options of <see cref="ImageComparer.Compare"/>.</summary>
public sealed class ComparisonOptions
{
    /// <summary>Where to write D = B' - A (null: do not write).</summary>
    public string? DifferencePath { get; init; }
    /// <summary>Where to write 100 D / A (null: do not write).</summary>
    public string? PercentDifferencePath { get; init; }
    public bool Overwrite { get; init; }
    public double WithinPercent { get; init; } = 1.0;
    /// <summary>Pixels with |A| &lt;= this are left out of the percent statistics and are NaN in the percent image.</summary>
    public double PercentThreshold { get; init; }
    /// <summary>Region measured on both images (each on its own grid).</summary>
    public SkyRegion? Region { get; init; }
    public Action<int>? Progress { get; init; }
}

/// <summary>Regrids B onto A (<see cref="BilinearRegridder"/>), writes the difference images and returns statistics.</summary>
public static class ImageComparer
{
    public static ImageComparison Compare(FitsImage reference, FitsImage compared, ComparisonOptions options, CancellationToken cancel = default)
    {
        var regrid = new BilinearRegridder(reference, compared);
        var wcsA = CelestialWcs.FromHeader(reference.Header);
        var w = reference.Width; var h = reference.Height;
        var a = new double[w];
        var b = new double[w];
        long n = 0, nPct = 0, nWithin = 0;
        double sum = 0, sumSq = 0, maxAbs = -1;
        int mx = -1, my = -1;
        var threshold = Math.Max(0, options.PercentThreshold);

        void Accumulate(int y)
        {
            double rs = 0, rss = 0;
            for (var x = 0; x < w; x++)
            {
                if (!double.IsFinite(a[x]) || !double.IsFinite(b[x])) continue;
                var d = b[x] - a[x];
                n++; rs += d; rss += d * d;
                if (Math.Abs(d) > maxAbs) { maxAbs = Math.Abs(d); mx = x; my = y; }
                if (Math.Abs(a[x]) > threshold)
                {
                    nPct++;
                    if (Math.Abs(100 * d / a[x]) <= options.WithinPercent) nWithin++;
                }
            }
            sum += rs; sumSq += rss;
        }

        var unit = (reference.Header.GetString("BUNIT") ?? "").Trim();
        var statsDone = false;
        if (options.DifferencePath is not null)
        {
            var cards = FitsImageWriter.CardsFrom(reference.Header).ToList();
            cards.Add(("HISTORY", $"VlassPS difference: B - A, B regridded bilinearly onto A", null));
            cards.Add(("HISTORY", $"A = {Path.GetFileName(reference.Path)}", null));
            cards.Add(("HISTORY", $"B = {Path.GetFileName(compared.Path)}", null));
            FitsImageWriter.Write(options.DifferencePath, w, h, cards, (y, row) =>
            {
                Load(y);
                for (var x = 0; x < w; x++) row[x] = (float)(b[x] - a[x]);
                Accumulate(y);
            }, options.Overwrite, cancel);
            statsDone = true;
        }
        if (options.PercentDifferencePath is not null)
        {
            var cards = FitsImageWriter.CardsFrom(reference.Header, "BUNIT").ToList();
            cards.Add(("BUNIT", "%", "100 (B - A) / A"));
            cards.Add(("HISTORY", $"VlassPS percent difference 100 (B - A) / A where |A| > {threshold:G6}", null));
            cards.Add(("HISTORY", $"A = {Path.GetFileName(reference.Path)}", null));
            cards.Add(("HISTORY", $"B = {Path.GetFileName(compared.Path)}", null));
            var accumulate = !statsDone;
            FitsImageWriter.Write(options.PercentDifferencePath, w, h, cards, (y, row) =>
            {
                Load(y);
                for (var x = 0; x < w; x++)
                    row[x] = Math.Abs(a[x]) > threshold ? (float)(100 * (b[x] - a[x]) / a[x]) : float.NaN;
                if (accumulate) Accumulate(y);
            }, options.Overwrite, cancel);
            statsDone = true;
        }
        if (!statsDone)
            for (var y = 0; y < h; y++) { Load(y); Accumulate(y); }

        SkyPosition? maxPos = null;
        if (mx >= 0)
        {
            var (ra, dec) = wcsA.PixelToSky(mx, my);
            if (double.IsFinite(ra)) maxPos = new SkyPosition(ra, dec);
        }
        FluxMeasurement? fa = null, fb = null;
        if (options.Region is not null)
        {
            fa = FluxMeasurer.Measure(reference, options.Region, null, 0, cancel);
            fb = FluxMeasurer.Measure(compared, options.Region, null, 0, cancel);
        }
        return new ImageComparison
        {
            ReferencePath = reference.Path,
            ComparedPath = compared.Path,
            DifferencePath = options.DifferencePath is null ? null : Path.GetFullPath(options.DifferencePath),
            PercentDifferencePath = options.PercentDifferencePath is null ? null : Path.GetFullPath(options.PercentDifferencePath),
            Unit = unit,
            OverlapPixelCount = n,
            MeanDifference = n > 0 ? sum / n : double.NaN,
            RmsDifference = n > 0 ? Math.Sqrt(sumSq / n) : double.NaN,
            MaxAbsDifference = n > 0 ? maxAbs : double.NaN,
            MaxAbsDifferencePosition = maxPos,
            WithinPercent = options.WithinPercent,
            PercentThreshold = threshold,
            PercentPixelCount = nPct,
            FractionWithinPercent = nPct > 0 ? (double)nWithin / nPct : double.NaN,
            Region = options.Region?.ToString(),
            ReferenceFluxJy = fa?.FluxJy ?? double.NaN,
            ComparedFluxJy = fb?.FluxJy ?? double.NaN,
            ReferenceFlux = fa,
            ComparedFlux = fb,
        };

        void Load(int y)
        {
            if ((y & 63) == 0) { cancel.ThrowIfCancellationRequested(); options.Progress?.Invoke((int)(100L * y / h)); }
            reference.ReadRow(y, a);
            regrid.RegridRow(y, b);
        }
    }
}
