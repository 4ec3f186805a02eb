using System.Globalization;

namespace VlassPS.Core.Fits;

/// <summary>
/// Celestial world coordinates of an image (FITS WCS Papers I-II, Greisen &amp; Calabretta 2002): the
/// zenithal projections VLASS and CASA write, SIN (with the PV2_1/PV2_2 slant terms) and TAN;
/// linear part from CDELTi + PCi_j, CDi_j, or legacy CROTA2; LONPOLE (default 180 degrees unless the
/// reference point is the pole). Pixel coordinates in this API are 0-based (first pixel centre = 0,
/// i.e. FITS pixel p = x + 1), as in astropy's origin=0 and photutils. Angles in degrees.
/// Internally the spherical rotation works on unit vectors, which stays accurate near the reference
/// point and near the poles.
/// </summary>
public sealed class CelestialWcs
{
    private const double D2R = Math.PI / 180.0;
    private readonly double _m11, _m12, _m21, _m22;      // (p - crpix) -> intermediate degrees
    private readonly double _i11, _i12, _i21, _i22;      // inverse
    private readonly double _sinDp, _cosDp, _sinPp, _cosPp;

    private CelestialWcs(string projection, double crpix1, double crpix2, double crval1, double crval2,
        double m11, double m12, double m21, double m22, double pv1, double pv2, double lonPole, string radesys, double? equinox)
    {
        Projection = projection;
        CrPix1 = crpix1; CrPix2 = crpix2; CrVal1 = crval1; CrVal2 = crval2;
        _m11 = m11; _m12 = m12; _m21 = m21; _m22 = m22;
        var det = m11 * m22 - m12 * m21;
        if (!(Math.Abs(det) > 0) || !double.IsFinite(det))
            throw new ArgumentException("The WCS linear transformation (CDELT/PC or CD) is singular.");
        _i11 = m22 / det; _i12 = -m12 / det; _i21 = -m21 / det; _i22 = m11 / det;
        PixelAreaDeg2 = Math.Abs(det);
        Xi = pv1; Eta = pv2;
        LonPoleDeg = lonPole;
        RadeSys = radesys;
        Equinox = equinox;
        _sinDp = Math.Sin(crval2 * D2R); _cosDp = Math.Cos(crval2 * D2R);
        _sinPp = Math.Sin(lonPole * D2R); _cosPp = Math.Cos(lonPole * D2R);
    }

    /// <summary>"SIN" or "TAN".</summary>
    public string Projection { get; }
    public double CrPix1 { get; }
    public double CrPix2 { get; }
    public double CrVal1 { get; }
    public double CrVal2 { get; }
    /// <summary>Largest |PV2_1|, |PV2_2| accepted (a slant of atan(1000) is 89.94° off the pole).</summary>
    public const double MaxSlant = 1000;

    /// <summary>PV2_1 (SIN xi).</summary>
    public double Xi { get; }
    /// <summary>PV2_2 (SIN eta).</summary>
    public double Eta { get; }
    public double LonPoleDeg { get; }
    /// <summary>ICRS, FK5 (or what the header says).</summary>
    public string RadeSys { get; }
    public double? Equinox { get; }
    /// <summary>Pixel area at the reference point in square degrees (|det| of the linear part).</summary>
    public double PixelAreaDeg2 { get; }
    /// <summary>Geometric-mean pixel size at the reference point, arcsec.</summary>
    public double CellArcsec => Math.Sqrt(PixelAreaDeg2) * 3600.0;

    /// <summary>Builds the WCS of the first two axes; they must be RA/DEC (in either order is not supported).</summary>
    public static CelestialWcs FromHeader(FitsHeader h)
    {
        var c1 = (h.GetString("CTYPE1") ?? "").Trim().ToUpperInvariant();
        var c2 = (h.GetString("CTYPE2") ?? "").Trim().ToUpperInvariant();
        if (c1.Length != 8 || c2.Length != 8 || !c1.StartsWith("RA--", StringComparison.Ordinal) || !c2.StartsWith("DEC-", StringComparison.Ordinal))
            throw new NotSupportedException($"Axes 1 and 2 must be RA---xxx and DEC--xxx; found CTYPE1='{c1}', CTYPE2='{c2}'.");
        var proj = c1[5..];
        if (c2[5..] != proj) throw new NotSupportedException($"CTYPE1 and CTYPE2 use different projections ({c1}, {c2}).");
        if (proj is not ("SIN" or "TAN")) throw new NotSupportedException($"Projection {proj} is not supported (SIN and TAN are).");
        foreach (var k in new[] { "CUNIT1", "CUNIT2" })
        {
            var u = h.GetString(k)?.Trim();
            if (!string.IsNullOrEmpty(u) && !u.Equals("deg", StringComparison.OrdinalIgnoreCase))
                throw new NotSupportedException($"{k} = '{u}' is not supported (degrees are).");
        }

        double m11, m12, m21, m22;
        var hasCd = h.Contains("CD1_1") || h.Contains("CD1_2") || h.Contains("CD2_1") || h.Contains("CD2_2");
        var hasPc = h.Contains("PC1_1") || h.Contains("PC1_2") || h.Contains("PC2_1") || h.Contains("PC2_2");
        if (hasCd && !hasPc)
        {
            m11 = h.GetDouble("CD1_1", 0); m12 = h.GetDouble("CD1_2", 0);
            m21 = h.GetDouble("CD2_1", 0); m22 = h.GetDouble("CD2_2", 0);
        }
        else
        {
            var s1 = h.GetDouble("CDELT1", 1); var s2 = h.GetDouble("CDELT2", 1);
            double p11 = 1, p12 = 0, p21 = 0, p22 = 1;
            if (hasPc)
            {
                p11 = h.GetDouble("PC1_1", 1); p12 = h.GetDouble("PC1_2", 0);
                p21 = h.GetDouble("PC2_1", 0); p22 = h.GetDouble("PC2_2", 1);
            }
            else if (h.GetDouble("CROTA2") is { } rot && rot != 0)
            {
                // AIPS convention (Paper II, eq. 188): rotation of the latitude axis.
                var c = Math.Cos(rot * D2R); var s = Math.Sin(rot * D2R);
                p11 = c; p12 = -s * s2 / s1; p21 = s * s1 / s2; p22 = c;
            }
            m11 = s1 * p11; m12 = s1 * p12; m21 = s2 * p21; m22 = s2 * p22;
        }
        var crval2 = h.GetDouble("CRVAL2", 0);
        if (crval2 is < -90 or > 90) throw new ArgumentException($"CRVAL2 = {crval2} is not a declination.");
        var lonPole = h.GetDouble("LONPOLE") ?? h.GetDouble("PV1_3") ?? (crval2 >= 90 ? 0.0 : 180.0);
        var equinox = h.GetDouble("EQUINOX") ?? h.GetDouble("EPOCH");
        var radesys = h.GetString("RADESYS")?.Trim().ToUpperInvariant()
            ?? (equinox is null ? "ICRS" : equinox < 1984 ? "FK4" : "FK5");
        if (radesys is not ("ICRS" or "FK5"))
            throw new NotSupportedException($"RADESYS {radesys} is not supported (ICRS and FK5/J2000 are).");
        var pv1 = proj == "SIN" ? h.GetDouble("PV2_1", 0) : 0;
        var pv2 = proj == "SIN" ? h.GetDouble("PV2_2", 0) : 0;
        // SIN slant terms are tan of an angle off the pole; values like 1e300 describe no sky and would turn
        // every region into an unbounded pixel box. The matrix must be finite and invertible.
        if (!(Math.Abs(pv1) <= MaxSlant) || !(Math.Abs(pv2) <= MaxSlant))
            throw new ArgumentException($"PV2_1 = {pv1}, PV2_2 = {pv2}: SIN slant terms beyond ±{MaxSlant} describe no usable projection.");
        var det = m11 * m22 - m12 * m21;
        if (!double.IsFinite(m11 + m12 + m21 + m22) || !(Math.Abs(det) > 0) || !double.IsFinite(1 / det))
            throw new ArgumentException("The pixel-to-sky matrix (CDELT/CD/PC) is not finite and invertible.");
        return new CelestialWcs(proj, h.GetDouble("CRPIX1", 0), h.GetDouble("CRPIX2", 0), h.GetDouble("CRVAL1", 0), crval2,
            m11, m12, m21, m22, pv1, pv2, lonPole, radesys, equinox);
    }

    /// <summary>0-based pixel to (RA, Dec) in degrees; NaN when the pixel lies outside the projection's domain.</summary>
    public (double Ra, double Dec) PixelToSky(double x, double y)
    {
        var dx = x + 1 - CrPix1; var dy = y + 1 - CrPix2;
        var X = (_m11 * dx + _m12 * dy) * D2R;
        var Y = (_m21 * dx + _m22 * dy) * D2R;
        // Native unit vector n = (cos t cos p, cos t sin p, sin t) from the projection plane.
        double nx, ny, nz;
        if (Projection == "TAN")
        {
            var norm = Math.Sqrt(X * X + Y * Y + 1);
            nx = -Y / norm; ny = X / norm; nz = 1 / norm;
        }
        else if (Xi == 0 && Eta == 0)
        {
            var r2 = X * X + Y * Y;
            if (r2 > 1) return (double.NaN, double.NaN);
            nx = -Y; ny = X; nz = Math.Sqrt(1 - r2);
        }
        else
        {
            var a = Xi * Xi + Eta * Eta + 1;
            var b = Xi * (X - Xi) + Eta * (Y - Eta);
            var c = (X - Xi) * (X - Xi) + (Y - Eta) * (Y - Eta) - 1;
            var disc = b * b - a * c;
            if (disc < 0) return (double.NaN, double.NaN);
            var sq = Math.Sqrt(disc);
            var s1 = (-b + sq) / a; var s2 = (-b - sq) / a;
            var st = Math.Max(s1, s2);
            if (st > 1) st = st - 1 < 1e-13 ? 1 : Math.Min(s1, s2);
            if (st is < -1 or > 1) return (double.NaN, double.NaN);
            var z = 1 - st;
            nx = -(Y - Eta * z); ny = X - Xi * z; nz = st;
        }
        return NativeToCelestial(nx, ny, nz);
    }

    /// <summary>(RA, Dec) in degrees to 0-based pixel; NaN when the position is on the hidden side of the projection.</summary>
    public (double X, double Y) SkyToPixel(double ra, double dec)
    {
        var (nx, ny, nz) = CelestialToNative(ra, dec);
        double X, Y;
        if (Projection == "TAN")
        {
            if (nz <= 0) return (double.NaN, double.NaN);
            X = ny / nz; Y = -nx / nz;
        }
        else
        {
            if (nz < 0) return (double.NaN, double.NaN);
            var oneMinusSin = (nx * nx + ny * ny) / (1 + nz);   // 1 - sin(theta), accurate near the pole
            X = ny + Xi * oneMinusSin;
            Y = -nx + Eta * oneMinusSin;
        }
        X /= D2R; Y /= D2R;
        var dx = _i11 * X + _i12 * Y; var dy = _i21 * X + _i22 * Y;
        return (dx + CrPix1 - 1, dy + CrPix2 - 1);
    }

    private (double Ra, double Dec) NativeToCelestial(double nx, double ny, double nz)
    {
        // Undo the LONPOLE rotation about the native z axis.
        var ux = nx * _cosPp + ny * _sinPp;
        var uy = -nx * _sinPp + ny * _cosPp;
        var uz = nz;
        // The reflection matrix A (its own inverse) taking u to the celestial frame rotated by -alpha_p.
        var cx = -_sinDp * ux + _cosDp * uz;
        var cy = -uy;
        var cz = _cosDp * ux + _sinDp * uz;
        var ra = CrVal1 + Math.Atan2(cy, cx) / D2R;
        var dec = Math.Atan2(cz, Math.Sqrt(cx * cx + cy * cy)) / D2R;
        ra %= 360.0;
        if (ra < 0) ra += 360.0;
        if (ra >= 360.0) ra -= 360.0;
        return (ra, dec);
    }

    private (double X, double Y, double Z) CelestialToNative(double ra, double dec)
    {
        var da = (ra - CrVal1) * D2R;
        var d = dec * D2R;
        var cd = Math.Cos(d);
        var cx = cd * Math.Cos(da); var cy = cd * Math.Sin(da); var cz = Math.Sin(d);
        var ux = -_sinDp * cx + _cosDp * cz;
        var uy = -cy;
        var uz = _cosDp * cx + _sinDp * cz;
        return (ux * _cosPp - uy * _sinPp, ux * _sinPp + uy * _cosPp, uz);
    }

    /// <summary>
    /// Local pixel scale (arcsec per pixel along the north direction) and the position angle, in the
    /// pixel grid, of north at a sky position: what region conversions need (as regions'
    /// pixel_scale_angle_at_skycoord does, with a 1 arcsec offset).
    /// </summary>
    public (double ScaleArcsecPerPixel, double NorthAngleDeg) LocalScaleAndNorth(double ra, double dec)
    {
        var (x0, y0) = SkyToPixel(ra, dec);
        var (ra1, dec1) = OffsetNorth(ra, dec, 1.0 / 3600);
        var (x1, y1) = SkyToPixel(ra1, dec1);
        var dist = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        return (1.0 / dist, Math.Atan2(y1 - y0, x1 - x0) / D2R);
    }

    /// <summary>The point <paramref name="distDeg"/> due north (position angle 0) along a great circle.</summary>
    internal static (double Ra, double Dec) OffsetNorth(double ra, double dec, double distDeg)
    {
        var d = dec * D2R; var r = distDeg * D2R;
        var sinD2 = Math.Sin(d) * Math.Cos(r) + Math.Cos(d) * Math.Sin(r);
        var d2 = Math.Asin(Math.Clamp(sinD2, -1, 1));
        var dra = Math.Atan2(0, Math.Cos(r) - Math.Sin(d) * sinD2);
        return (ra + dra / D2R, d2 / D2R);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Projection} CRVAL=({CrVal1}, {CrVal2}) CRPIX=({CrPix1}, {CrPix2}) cell={CellArcsec:G6}\" {RadeSys}");
}
