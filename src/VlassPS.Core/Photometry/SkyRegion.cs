using System.Globalization;
using VlassPS.Core.Fits;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Photometry;

/// <summary>
/// A region on the sky. Conversion to pixels follows astropy-regions: polygon vertices are projected
/// one by one; circle radius and box sides are divided by the local pixel scale along north at the
/// centre, and the box angle is turned by (north angle - 90 degrees).
/// </summary>
public abstract class SkyRegion
{
    /// <summary>Optional label (DS9 text={...}, CRTF label='...').</summary>
    public string? Label { get; init; }

    /// <summary>Shape name: Polygon, Circle or Box.</summary>
    public abstract string Shape { get; }

    public abstract PixelRegion ToPixel(CelestialWcs wcs);

    /// <summary>A sky position representative of the region (centre, or the vertices' mean direction).</summary>
    public abstract SkyPosition Centre { get; }

    public override string ToString() => Label is null ? Describe() : $"{Describe()} '{Label}'";

    protected abstract string Describe();

    private protected static (double X, double Y) Project(CelestialWcs wcs, SkyPosition p)
    {
        var (x, y) = wcs.SkyToPixel(p.RaDeg, p.DecDeg);
        if (!double.IsFinite(x) || !double.IsFinite(y))
            throw new ArgumentException($"Position {p} lies outside the image projection.");
        return (x, y);
    }
}

public sealed class SkyPolygonRegion : SkyRegion
{
    public SkyPolygonRegion(IReadOnlyList<SkyPosition> vertices)
    {
        if (vertices is null || vertices.Count < 3) throw new ArgumentException("A polygon needs at least 3 vertices.", nameof(vertices));
        Vertices = vertices.ToArray();
    }

    public IReadOnlyList<SkyPosition> Vertices { get; }

    public override string Shape => "Polygon";

    public override PixelRegion ToPixel(CelestialWcs wcs) => new PixelPolygon(Vertices.Select(v => Project(wcs, v)).ToList());

    public override SkyPosition Centre
    {
        get
        {
            double x = 0, y = 0, z = 0;
            foreach (var v in Vertices)
            {
                var ra = v.RaDeg * Math.PI / 180; var dec = v.DecDeg * Math.PI / 180;
                x += Math.Cos(dec) * Math.Cos(ra); y += Math.Cos(dec) * Math.Sin(ra); z += Math.Sin(dec);
            }
            var r = Math.Atan2(y, x) * 180 / Math.PI;
            if (r < 0) r += 360;
            if (r >= 360) r -= 360;
            return new SkyPosition(r, Math.Atan2(z, Math.Sqrt(x * x + y * y)) * 180 / Math.PI);
        }
    }

    protected override string Describe() => $"Polygon of {Vertices.Count} vertices";
}

public sealed class SkyCircleRegion : SkyRegion
{
    /// <summary>A region reaching past 90° from its centre leaves any one-plane projection.</summary>
    public const double MaxSizeArcsec = 90 * 3600;

    public SkyCircleRegion(SkyPosition centre, double radiusArcsec)
    {
        if (!(radiusArcsec > 0) || !(radiusArcsec <= MaxSizeArcsec))
            throw new ArgumentOutOfRangeException("Radius", radiusArcsec, $"The radius must be positive and at most {MaxSizeArcsec / 3600:0}° ({MaxSizeArcsec:0}\"); {radiusArcsec}\" cannot be measured on an image.");
        Center = centre ?? throw new ArgumentNullException(nameof(centre));
        RadiusArcsec = radiusArcsec;
    }

    public SkyPosition Center { get; }
    public double RadiusArcsec { get; }
    public override string Shape => "Circle";
    public override SkyPosition Centre => Center;

    public override PixelRegion ToPixel(CelestialWcs wcs)
    {
        var (x, y) = Project(wcs, Center);
        var (scale, _) = wcs.LocalScaleAndNorth(Center.RaDeg, Center.DecDeg);
        return new PixelCircle(x, y, RadiusArcsec / scale);
    }

    protected override string Describe() => string.Create(CultureInfo.InvariantCulture, $"Circle {Center} r={RadiusArcsec}\"");
}

/// <summary>Rotated box: width along RA (longitude) at angle 0, angle counter-clockwise (north through east as DS9 and regions draw it).</summary>
public sealed class SkyBoxRegion : SkyRegion
{
    public SkyBoxRegion(SkyPosition centre, double widthArcsec, double heightArcsec, double angleDeg = 0)
    {
        if (!(widthArcsec > 0) || !(heightArcsec > 0) || !(widthArcsec <= 2 * SkyCircleRegion.MaxSizeArcsec) || !(heightArcsec <= 2 * SkyCircleRegion.MaxSizeArcsec))
            throw new ArgumentOutOfRangeException(widthArcsec > 0 && widthArcsec <= 2 * SkyCircleRegion.MaxSizeArcsec ? "Height" : "Width", widthArcsec,
                $"Box sides (-Width, -Height) must be positive and at most {2 * SkyCircleRegion.MaxSizeArcsec / 3600:0}°; {widthArcsec}\" × {heightArcsec}\" cannot be measured on an image.");
        if (!double.IsFinite(angleDeg)) throw new ArgumentOutOfRangeException("Angle", angleDeg, "The box angle (-Angle) must be a finite number of degrees.");
        Center = centre ?? throw new ArgumentNullException(nameof(centre));
        WidthArcsec = widthArcsec; HeightArcsec = heightArcsec; AngleDeg = angleDeg;
    }

    public SkyPosition Center { get; }
    public double WidthArcsec { get; }
    public double HeightArcsec { get; }
    public double AngleDeg { get; }
    public override string Shape => "Box";
    public override SkyPosition Centre => Center;

    public override PixelRegion ToPixel(CelestialWcs wcs)
    {
        var (x, y) = Project(wcs, Center);
        var (scale, north) = wcs.LocalScaleAndNorth(Center.RaDeg, Center.DecDeg);
        return new PixelBox(x, y, WidthArcsec / scale, HeightArcsec / scale, AngleDeg + north - 90);
    }

    protected override string Describe() => string.Create(CultureInfo.InvariantCulture, $"Box {Center} {WidthArcsec}\"x{HeightArcsec}\" angle {AngleDeg}");
}
