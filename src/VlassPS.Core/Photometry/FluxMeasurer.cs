using VlassPS.Core.Fits;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Photometry;

/// <summary>Aperture sums over sky regions on one image plane (see <see cref="FluxMeasurement"/>).</summary>
public static class FluxMeasurer
{
    /// <summary>Rows outside the image still walked to count the region's missing pixels exactly.</summary>
    public const long MaxOutsideRows = 1 << 16;

    public static FluxMeasurement Measure(FitsImage image, SkyRegion region, BackgroundSpec? background = null, long plane = 0, CancellationToken cancel = default)
    {
        var wcs = CelestialWcs.FromHeader(image.Header);
        var unit = (image.Header.GetString("BUNIT") ?? "").Trim();
        var perBeam = IsPerBeam(unit);
        double beamArea = 1;
        if (perBeam)
        {
            var beam = BeamInfo.FromHeader(image.Header)
                ?? throw new InvalidOperationException($"'{image.Path}' is in {unit} but has no BMAJ/BMIN: cannot convert to Jy.");
            beamArea = beam.AreaPixels(wcs);
        }
        else if (!IsPerPixel(unit))
            beamArea = double.NaN;   // unknown unit: sums and peak are still valid, flux density is not

        var pix = region.ToPixel(wcs);
        var (_, _, y0, y1) = pix.Bounds;
        long n = 0, missing = 0;
        double sum = 0, peak = double.NegativeInfinity;
        int px = -1, py = -1;
        double rmsSq = 0;      // sum of rms_i^2 (rms image case)
        var row = new double[image.Width];
        var rmsRow = background?.RmsImage is { } ri ? CheckSameGrid(image, ri, wcs) : null;
        var spans = new List<(int X0, int X1)>();
        long offImage = 0;
        // Rows outside the image only count missing pixels; past a bound they are not walked (a region file can
        // name a radius of 1e30 arcsec): the work is the image's, not the region's bounding box.
        long outsideRows = Math.Max(0L, (long)y1 - (image.Height - 1)) + Math.Max(0L, -(long)y0);
        bool walkOutside = outsideRows <= MaxOutsideRows;
        if (!walkOutside) missing = -1;   // unknown: too far outside to count
        long yFirst = walkOutside ? y0 : Math.Max(0, y0), yLast = walkOutside ? y1 : Math.Min(image.Height - 1, (long)y1);
        for (var yl = yFirst; yl <= yLast; yl++)
        {
            var y = (int)yl;
            if ((y & 63) == 0) cancel.ThrowIfCancellationRequested();
            spans.Clear();
            pix.RowSpans(y, spans);
            if (spans.Count == 0) continue;
            if (y < 0 || y >= image.Height)
            {
                foreach (var (a, b) in spans) { missing += b - a + 1; offImage += b - a + 1; }   // only walked when walkOutside
                continue;
            }
            image.ReadRow(y, row, plane);
            if (rmsRow is not null) background!.RmsImage!.ReadRow(y, rmsRow, 0);
            foreach (var (a, b) in spans)
            {
                var lo = Math.Max(a, 0); var hi = Math.Min(b, image.Width - 1);
                long outside = ((long)b - a + 1) - Math.Max(0, hi - lo + 1);
                if (missing >= 0) missing += outside;
                offImage += outside;
                for (var x = lo; x <= hi; x++)
                {
                    var v = row[x];
                    if (!double.IsFinite(v)) { if (missing >= 0) missing++; continue; }
                    n++;
                    sum += v;
                    if (v > peak) { peak = v; px = x; py = y; }
                    if (rmsRow is not null && double.IsFinite(rmsRow[x])) rmsSq += rmsRow[x] * rmsRow[x];
                }
            }
        }
        if (!walkOutside) offImage = -1;   // unknown, like missing: the region reaches too far outside to count
        if (n == 0) throw new InvalidOperationException($"Region {region} contains no valid pixel of '{image.Path}'.");

        double rms = double.NaN, uncertainty = double.NaN;
        long nBackground = 0;
        var source = "None";
        if (rmsRow is not null)
        {
            source = "RmsImage";
            rms = Math.Sqrt(rmsSq / n);
            uncertainty = Uncertainty(rmsSq, rms, beamArea, perBeam);
        }
        else if (background is { IsAnnulus: true })
        {
            source = "Annulus";
            (rms, nBackground) = AnnulusRms(image, wcs, region, pix, background, plane, cancel);
            uncertainty = Uncertainty(rms * rms * n, rms, beamArea, perBeam);
        }

        SkyPosition? peakPos = null;
        var (pra, pdec) = wcs.PixelToSky(px, py);
        if (double.IsFinite(pra)) peakPos = new SkyPosition(pra, pdec);
        return new FluxMeasurement
        {
            ImagePath = image.Path,
            RegionShape = region.Shape,
            RegionLabel = region.Label,
            Region = region.ToString(),
            FluxJy = sum / beamArea,
            UncertaintyJy = uncertainty,
            Peak = peak,
            PeakPosition = peakPos,
            PeakX = px,
            PeakY = py,
            PixelCount = n,
            MissingPixelCount = missing,
            OffImagePixelCount = offImage,
            PixelSum = sum,
            BeamAreaPixels = perBeam ? beamArea : double.NaN,
            FluxUnitKnown = !double.IsNaN(beamArea),
            Unit = unit,
            Rms = rms,
            RmsSource = source,
            BackgroundPixelCount = nBackground,
        };
    }

    /// <summary>sigma = sqrt(max(sum rms_i^2, rms^2 * A_beam) / A_beam): correlated noise over beams, at least one beam.</summary>
    private static double Uncertainty(double sumRmsSq, double rms, double beamArea, bool perBeam)
        => double.IsNaN(beamArea) ? double.NaN : perBeam ? Math.Sqrt(Math.Max(sumRmsSq, rms * rms * beamArea) / beamArea) : Math.Sqrt(sumRmsSq);

    private static (double Rms, long Count) AnnulusRms(FitsImage image, CelestialWcs wcs, SkyRegion region, PixelRegion pix,
        BackgroundSpec bg, long plane, CancellationToken cancel)
    {
        var c = region.Centre;
        var (cx, cy) = wcs.SkyToPixel(c.RaDeg, c.DecDeg);
        var (scale, _) = wcs.LocalScaleAndNorth(c.RaDeg, c.DecDeg);
        var ann = new PixelAnnulus(cx, cy, bg.InnerArcsec / scale, bg.OuterArcsec / scale);
        var (x0, x1, y0, y1) = ann.Bounds;
        var row = new double[image.Width];
        long n = 0;
        double s = 0, ss = 0;
        for (var y = Math.Max(0, y0); y <= Math.Min(image.Height - 1, y1); y++)
        {
            cancel.ThrowIfCancellationRequested();
            image.ReadRow(y, row, plane);
            for (var x = Math.Max(0, x0); x <= Math.Min(image.Width - 1, x1); x++)
            {
                if (!ann.Contains(x, y) || pix.Contains(x, y)) continue;
                var v = row[x];
                if (!double.IsFinite(v)) continue;
                n++; s += v; ss += v * v;
            }
        }
        if (n < 2) throw new InvalidOperationException("The background annulus holds fewer than 2 valid pixels.");
        var mean = s / n;
        return (Math.Sqrt(Math.Max(0, ss / n - mean * mean)), n);
    }

    private static double[] CheckSameGrid(FitsImage image, FitsImage rms, CelestialWcs wcs)
    {
        if (rms.Width != image.Width || rms.Height != image.Height)
            throw new ArgumentException($"The rms image is {rms.Width}x{rms.Height}, the image {image.Width}x{image.Height}: they must share the pixel grid.");
        var w2 = CelestialWcs.FromHeader(rms.Header);
        var (ra1, dec1) = wcs.PixelToSky(0, 0);
        var (ra2, dec2) = w2.PixelToSky(0, 0);
        if (Math.Abs(ra1 - ra2) * Math.Cos(dec1 * Math.PI / 180) > 1e-7 || Math.Abs(dec1 - dec2) > 1e-7 || Math.Abs(wcs.PixelAreaDeg2 / w2.PixelAreaDeg2 - 1) > 1e-9)
            throw new ArgumentException("The rms image does not share the image's WCS grid.");
        return new double[rms.Width];
    }

    public static bool IsPerBeam(string unit) => unit.Replace(" ", "").Equals("Jy/beam", StringComparison.OrdinalIgnoreCase);

    public static bool IsPerPixel(string unit) => unit.Replace(" ", "") is var u
        && (u.Equals("Jy/pixel", StringComparison.OrdinalIgnoreCase) || u.Equals("Jy/pix", StringComparison.OrdinalIgnoreCase) || u.Equals("Jy", StringComparison.OrdinalIgnoreCase));
}
