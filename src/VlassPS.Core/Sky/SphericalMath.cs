namespace VlassPS.Core.Sky;

/// <summary>Spherical trigonometry on degrees, written for numerical robustness.</summary>
public static class SphericalMath
{
    public const double Deg = Math.PI / 180.0;
    public const double ArcsecPerDeg = 3600.0;

    /// <summary>Wraps an angle to [0, 360).</summary>
    public static double WrapRa(double deg)
    {
        var r = deg % 360.0;
        if (r < 0) r += 360.0;
        return r >= 360.0 ? 0.0 : r;
    }

    /// <summary>Wraps a difference to (-180, 180].</summary>
    public static double WrapDelta(double deg)
    {
        var r = WrapRa(deg);
        return r > 180.0 ? r - 360.0 : r;
    }

    /// <summary>Vincenty's formula: well conditioned for tiny and for antipodal separations.</summary>
    public static double Separation(double ra1Deg, double dec1Deg, double ra2Deg, double DecDeg2)
    {
        double dRa = (ra2Deg - ra1Deg) * Deg;
        double s1 = Math.Sin(dec1Deg * Deg), c1 = Math.Cos(dec1Deg * Deg);
        double s2 = Math.Sin(DecDeg2 * Deg), c2 = Math.Cos(DecDeg2 * Deg);
        double sd = Math.Sin(dRa), cd = Math.Cos(dRa);
        double num1 = c2 * sd;
        double num2 = c1 * s2 - s1 * c2 * cd;
        double den = s1 * s2 + c1 * c2 * cd;
        return Math.Atan2(Math.Sqrt(num1 * num1 + num2 * num2), den) / Deg;
    }

    /// <summary>
    /// Offsets of (ra, dec) in the tangent frame of (ra0, dec0), degrees: the NRAO pipeline's
    /// field-selection offsets, identical to astropy <c>SkyCoord.spherical_offsets_to</c>.
    /// </summary>
    public static (double DLon, double DLat) SphericalOffsets(double ra0Deg, double dec0Deg, double raDeg, double decDeg)
    {
        double da = (raDeg - ra0Deg) * Deg;
        double s0 = Math.Sin(dec0Deg * Deg), c0 = Math.Cos(dec0Deg * Deg);
        double s = Math.Sin(decDeg * Deg), c = Math.Cos(decDeg * Deg);
        double cda = Math.Cos(da), sda = Math.Sin(da);
        double dLon = Math.Atan2(c * sda, s * s0 + c * c0 * cda);
        double z = s * c0 - c * s0 * cda;
        // asin loses precision near ±1; atan2 with the in-plane length keeps it.
        double xy = Math.Sqrt(Math.Pow(c * sda, 2) + Math.Pow(s * s0 + c * c0 * cda, 2));
        double dLat = Math.Atan2(z, xy);
        return (dLon / Deg, dLat / Deg);
    }

    /// <summary>The memo's rectilinear offsets: ΔRA wrapped to ±180 times cos δ of the other point, and ΔDec.</summary>
    public static (double DRaCosDec, double DDec) RectilinearOffsets(double ra0Deg, double dec0Deg, double raDeg, double decDeg)
        => (WrapDelta(raDeg - ra0Deg) * Math.Cos(decDeg * Deg), decDeg - dec0Deg);
}
