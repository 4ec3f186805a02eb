namespace VlassPS.Core.Fits;

/// <summary>Restoring beam from BMAJ/BMIN/BPA (degrees in the header; arcsec here for reading).</summary>
public sealed class BeamInfo
{
    public BeamInfo(double majorArcsec, double minorArcsec, double positionAngleDeg)
    {
        if (!(majorArcsec > 0) || !(minorArcsec > 0))
            throw new ArgumentOutOfRangeException(nameof(majorArcsec), "Beam axes must be positive.");
        MajorArcsec = majorArcsec;
        MinorArcsec = minorArcsec;
        PositionAngleDeg = positionAngleDeg;
    }

    public double MajorArcsec { get; }
    public double MinorArcsec { get; }
    public double PositionAngleDeg { get; }

    /// <summary>Gaussian beam solid angle pi*bmaj*bmin/(4 ln 2), square arcsec.</summary>
    public double AreaArcsec2 => Math.PI * MajorArcsec * MinorArcsec / (4 * Math.Log(2));

    /// <summary>Beam area in pixels of <paramref name="wcs"/> (its pixel area at the reference point).</summary>
    public double AreaPixels(CelestialWcs wcs) => AreaArcsec2 / (wcs.PixelAreaDeg2 * 3600.0 * 3600.0);

    /// <summary>The beam in the header, or null when BMAJ/BMIN are missing or not positive.</summary>
    public static BeamInfo? FromHeader(FitsHeader h)
    {
        var bmaj = h.GetDouble("BMAJ");
        var bmin = h.GetDouble("BMIN");
        if (bmaj is not > 0 || bmin is not > 0) return null;
        return new BeamInfo(bmaj.Value * 3600, bmin.Value * 3600, h.GetDouble("BPA", 0));
    }

    public override string ToString() => $"{MajorArcsec:F2}\" x {MinorArcsec:F2}\" @ {PositionAngleDeg:F1} deg";
}
