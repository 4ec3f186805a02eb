using VlassPS.Core.Sky;

namespace VlassPS.Core.Fits;

/// <summary>Header summary of a FITS image (Get-VlassImage): size, cell, centre, beam, frequency, units, VLASS product.</summary>
public sealed class VlassImageInfo
{
    public string Path { get; init; } = "";
    public string Name => System.IO.Path.GetFileName(Path);
    /// <summary>HDU holding the image (0 = primary).</summary>
    public int Hdu { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>NAXIS1..n, e.g. 100x100x1x1.</summary>
    public string Axes { get; init; } = "";
    public int Bitpix { get; init; }
    public string Projection { get; init; } = "";
    public double CellArcsec { get; init; }
    /// <summary>Sky position of the image centre ((NAXIS1-1)/2, (NAXIS2-1)/2 0-based).</summary>
    public SkyPosition? Center { get; init; }
    /// <summary>CRVAL1/CRVAL2 (the phase centre for CASA images).</summary>
    public SkyPosition? ReferencePosition { get; init; }
    public double WidthArcsec => Width * CellArcsec;
    public double HeightArcsec => Height * CellArcsec;
    public BeamInfo? Beam { get; init; }
    public double BeamMajorArcsec => Beam?.MajorArcsec ?? double.NaN;
    public double BeamMinorArcsec => Beam?.MinorArcsec ?? double.NaN;
    public double BeamPositionAngleDeg => Beam?.PositionAngleDeg ?? double.NaN;
    /// <summary>Beam area in pixels (NaN without a beam).</summary>
    public double BeamAreaPixels { get; init; } = double.NaN;
    /// <summary>Frequency of the FREQ axis at its first pixel (or RESTFRQ), Hz; NaN when absent.</summary>
    public double FrequencyHz { get; init; } = double.NaN;
    public double FrequencyGHz => FrequencyHz / 1e9;
    public string Unit { get; init; } = "";
    public string? Stokes { get; init; }
    public string RadeSys { get; init; } = "";
    public string? Object { get; init; }
    public string? DateObs { get; init; }
    /// <summary>Parsed VLASS file name, or null for other names.</summary>
    public VlassProductName? Product { get; init; }
    public string? ProductType => Product?.ProductType;
    public string? Epoch => Product?.Epoch;
    public string? Tile => Product?.Tile;
    /// <summary>Streamed pixel statistics of the first plane (only when requested: it reads every pixel).</summary>
    public ImageStatistics? Statistics { get; init; }
    /// <summary>Standard deviation of the finite pixels (NaN without statistics): a quick image noise figure.</summary>
    public double StandardDeviation => Statistics?.StandardDeviation ?? double.NaN;

    /// <summary>Reads the header summary of <paramref name="path"/> (first image HDU unless <paramref name="hdu"/> >= 0).</summary>
    public static VlassImageInfo Read(string path, int hdu = -1, bool statistics = false, CancellationToken cancel = default)
    {
        using var f = FitsFile.Open(path);
        var img = f.GetImage(hdu);
        var h = img.Header;
        var wcs = CelestialWcs.FromHeader(h);
        var (cra, cdec) = wcs.PixelToSky((img.Width - 1) / 2.0, (img.Height - 1) / 2.0);
        var beam = BeamInfo.FromHeader(h);
        return new VlassImageInfo
        {
            Path = f.Path,
            Hdu = img.Hdu.Index,
            Width = img.Width,
            Height = img.Height,
            Axes = string.Join("x", img.Hdu.Axes),
            Bitpix = img.Bitpix,
            Projection = wcs.Projection,
            CellArcsec = wcs.CellArcsec,
            Center = double.IsFinite(cra) ? new SkyPosition(cra, cdec) : null,
            ReferencePosition = new SkyPosition(Wrap(wcs.CrVal1), wcs.CrVal2),
            Beam = beam,
            BeamAreaPixels = beam?.AreaPixels(wcs) ?? double.NaN,
            FrequencyHz = Frequency(h),
            Unit = (h.GetString("BUNIT") ?? "").Trim(),
            Stokes = StokesOf(h),
            RadeSys = wcs.RadeSys,
            Object = h.GetString("OBJECT")?.Trim(),
            DateObs = h.GetString("DATE-OBS")?.Trim(),
            Product = VlassProductName.TryParse(f.Path),
            Statistics = statistics ? ImageStatistics.Compute(img, 0, cancel) : null,
        };
    }

    private static double Wrap(double ra) { ra %= 360; if (ra < 0) ra += 360; return ra >= 360 ? 0 : ra; }

    private static int? AxisOf(FitsHeader h, string ctype)
    {
        var n = h.GetLong("NAXIS") ?? 0;
        for (var i = 1; i <= n; i++)
            if (string.Equals(h.GetString($"CTYPE{i}")?.Trim(), ctype, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    /// <summary>World value of a linear axis at its first pixel: CRVAL + CDELT (1 - CRPIX).</summary>
    private static double? AxisValue(FitsHeader h, int i)
        => h.GetDouble($"CRVAL{i}") is { } v ? v + h.GetDouble($"CDELT{i}", 1) * (1 - h.GetDouble($"CRPIX{i}", 1)) : null;

    private static double Frequency(FitsHeader h)
    {
        if (AxisOf(h, "FREQ") is { } i && AxisValue(h, i) is { } f) return f;
        return h.GetDouble("RESTFRQ") ?? h.GetDouble("RESTFREQ") ?? double.NaN;
    }

    private static string? StokesOf(FitsHeader h)
    {
        if (AxisOf(h, "STOKES") is not { } i || AxisValue(h, i) is not { } v) return null;
        return (int)Math.Round(v) switch { 1 => "I", 2 => "Q", 3 => "U", 4 => "V", -1 => "RR", -2 => "LL", -3 => "RL", -4 => "LR", -5 => "XX", -6 => "YY", -7 => "XY", -8 => "YX", var k => k.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
