using VlassPS.Core.Sky;

namespace VlassPS.Core.Geometry;

/// <summary>
/// The sizes that user-defined VLASS imaging needs (Memo 20 §1): the science image the user wants, the
/// search region whose fields contribute (science + R_g on every side), and the full image tclean grids
/// (search region + aliasing margin), in arcsec and pixels.
/// </summary>
public sealed class ImageGeometry
{
    /// <summary>Memo 20's rounded R_g (the 17 % radius at 2 GHz is 1007.3").</summary>
    public const double DefaultSearchRadiusArcsec = 1000.0;

    /// <summary>Memo 20's rounded aliasing margin (the 17 % radius at 2.4 GHz is 839.4").</summary>
    public const double DefaultMarginArcsec = 840.0;

    public const double DefaultCellArcsec = 0.6;
    public const double DefaultSensitivityFraction = 0.17;

    private ImageGeometry(SkyPosition? center, double widthArcsec, double heightArcsec, double cellArcsec,
        double searchRadiusArcsec, double marginArcsec, double? sensitivityFraction, double? frequencyGHz)
    {
        Center = center;
        ScienceWidthArcsec = widthArcsec;
        ScienceHeightArcsec = heightArcsec;
        CellArcsec = cellArcsec;
        SearchRadiusArcsec = searchRadiusArcsec;
        AliasingMarginArcsec = marginArcsec;
        SensitivityFraction = sensitivityFraction;
        FrequencyGHz = frequencyGHz;
        if (FullWidthArcsec / cellArcsec > ImageSizing.MaxImsize || FullHeightArcsec / cellArcsec > ImageSizing.MaxImsize)
            throw new ArgumentOutOfRangeException("Cell", cellArcsec,
                $"{Math.Max(FullWidthArcsec, FullHeightArcsec):0.#}\" at {cellArcsec}\" per pixel (-ScienceSize, -Cell) needs more than {ImageSizing.MaxImsize} pixels per side; this cannot be imaged.");
        RawPixelsX = ImageSizing.RawPixels(FullWidthArcsec, cellArcsec);
        RawPixelsY = ImageSizing.RawPixels(FullHeightArcsec, cellArcsec);
        ImsizeX = ImageSizing.OptimumSize(RawPixelsX);
        ImsizeY = ImageSizing.OptimumSize(RawPixelsY);
    }

    /// <summary>
    /// Builds the geometry. With neither <paramref name="sensitivityFraction"/> nor <paramref name="frequencyGHz"/>,
    /// R_g and the margin are the memo's 1000" and 840". With either, both come from the beam model:
    /// R_g = r(f, ν) and margin = r(f, 1.2ν), where ν defaults to 2 GHz and f to 0.17.
    /// </summary>
    public static ImageGeometry Create(double scienceWidthArcsec, double? scienceHeightArcsec = null,
        double cellArcsec = DefaultCellArcsec, double? sensitivityFraction = null, double? frequencyGHz = null,
        SkyPosition? center = null)
    {
        double h = scienceHeightArcsec ?? scienceWidthArcsec;
        Require(scienceWidthArcsec, "ScienceSize", "The science image width (-ScienceSize)", MaxScienceSizeArcsec);
        Require(h, "ScienceSize", "The science image height (-ScienceSize)", MaxScienceSizeArcsec);
        Require(cellArcsec, "Cell", "The cell size (-Cell)", MaxCellArcsec);
        double rg = DefaultSearchRadiusArcsec, margin = DefaultMarginArcsec;
        if (sensitivityFraction is not null || frequencyGHz is not null)
        {
            double f = sensitivityFraction ?? DefaultSensitivityFraction;
            double nu = frequencyGHz ?? PrimaryBeam.SearchFrequencyGHz;
            rg = PrimaryBeam.RadiusArcsec(f, nu);
            margin = PrimaryBeam.RadiusArcsec(f, nu * (PrimaryBeam.MarginFrequencyGHz / PrimaryBeam.SearchFrequencyGHz));
        }
        return new ImageGeometry(center, scienceWidthArcsec, h, cellArcsec, rg, margin, sensitivityFraction, frequencyGHz);
    }

    /// <summary>A science image larger than half the sky (180°) cannot be imaged in one projection plane.</summary>
    public const double MaxScienceSizeArcsec = 648000;

    /// <summary>A cell of a degree is already far coarser than any VLASS beam.</summary>
    public const double MaxCellArcsec = 3600;

    private static void Require(double value, string parameter, string what, double max)
    {
        if (!(value > 0) || !(value <= max))
            throw new ArgumentOutOfRangeException(parameter, value, $"{what} must be a positive number of arcsec, at most {max:0.###}; {value} cannot be imaged.");
    }

    public ImageGeometry WithCenter(SkyPosition? center)
        => new(center, ScienceWidthArcsec, ScienceHeightArcsec, CellArcsec, SearchRadiusArcsec, AliasingMarginArcsec, SensitivityFraction, FrequencyGHz);

    /// <summary>The target (image centre), when known.</summary>
    public SkyPosition? Center { get; }
    public string? Name => Center?.Name;

    /// <summary>The target the geometry was made for (from <see cref="Center"/>).</summary>
    public Targets.VlassTarget? Target => Center?.Target;

    public double ScienceWidthArcsec { get; }
    public double ScienceHeightArcsec { get; }
    public double CellArcsec { get; }

    /// <summary>R_g: fields whose centres lie within this distance of the science image edge contribute.</summary>
    public double SearchRadiusArcsec { get; }

    /// <summary>How far the full image extends beyond the outermost field centres, against aliasing.</summary>
    public double AliasingMarginArcsec { get; }

    /// <summary>Set when R_g and the margin were derived from the beam model.</summary>
    public double? SensitivityFraction { get; }
    public double? FrequencyGHz { get; }

    public double SearchHalfWidthXArcsec => ScienceWidthArcsec / 2 + SearchRadiusArcsec;
    public double SearchHalfWidthYArcsec => ScienceHeightArcsec / 2 + SearchRadiusArcsec;

    public double FullWidthArcsec => ScienceWidthArcsec + 2 * (SearchRadiusArcsec + AliasingMarginArcsec);
    public double FullHeightArcsec => ScienceHeightArcsec + 2 * (SearchRadiusArcsec + AliasingMarginArcsec);

    public int SciencePixelsX => ImageSizing.RawPixels(ScienceWidthArcsec, CellArcsec);
    public int SciencePixelsY => ImageSizing.RawPixels(ScienceHeightArcsec, CellArcsec);

    /// <summary>ceil(full / cell) rounded up to even: the memo's pixel count.</summary>
    public int RawPixelsX { get; }
    public int RawPixelsY { get; }

    /// <summary>The efficient tclean imsize (CASA rule) for each axis.</summary>
    public int ImsizeX { get; }
    public int ImsizeY { get; }

    /// <summary>True when the full image would be larger than the standard 12500 px SE image.</summary>
    public bool ExceedsStandardImage => Math.Max(ImsizeX, ImsizeY) > ImageSizing.StandardSeImsize;

    /// <summary>Compute cost relative to the standard 12500² image (pixel-count ratio).</summary>
    public double PixelFractionOfStandard => (double)ImsizeX * ImsizeY / ((double)ImageSizing.StandardSeImsize * ImageSizing.StandardSeImsize);

    public override string ToString()
        => $"{ScienceWidthArcsec}\"x{ScienceHeightArcsec}\" -> {FullWidthArcsec}\"x{FullHeightArcsec}\" -> {RawPixelsX}x{RawPixelsY} px -> imsize [{ImsizeX},{ImsizeY}]";
}
