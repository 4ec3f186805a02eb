using VlassPS.Core.Sky;

namespace VlassPS.Core.Seip;

/// <summary>
/// The box hif_editimlist searches for fields in VLASS modes (domain.md §11.1), and the search_radius_arcsec that
/// makes it cover VlassPS's search region. Without cutout_imsize every version searches a square of half-width
/// 1800″ + search_radius_arcsec (default 1000″) around the phase centre, whatever the image size: a science image
/// whose L/2 + R_g exceeds 2800″ would lose split-out fields inside the pipeline. With cutout_imsize (read from
/// 2025.1.1.52) the half-width is cell·cutout/2 per axis and search_radius_arcsec is not used.
/// The metric differs by version (tangent-frame offsets from 2023.1.1.7 and 2024.0.0.52, ΔRA·cos δ before), so the
/// radius written covers the region in both metrics, measured from both of VlassPS's selection rules.
/// </summary>
public static class PipelineFieldSearch
{
    /// <summary>Half of the 1° mosaic the pipeline always searches.</summary>
    public const double MosaicHalfWidthArcsec = 1800;

    /// <summary>The pipeline's search_radius_arcsec when the list has none (buffer_radius of the VLASS SE heuristics).</summary>
    public const double DefaultSearchRadiusArcsec = 1000;

    /// <summary>Allowance for sampling the region's edge, arcsec.</summary>
    public const double MarginArcsec = 1;

    /// <summary>True when the version selects fields in the tangent frame with strict limits (select_fields).</summary>
    public static bool UsesTangentFrame(PipelineVersion? version)
        => version is null || version >= new PipelineVersion(2024, 0, 0, 52)
           || (version >= new PipelineVersion(2023, 1, 1, 7) && version < new PipelineVersion(2023, 2, 0, 0));

    /// <summary>
    /// Half-widths (arcsec) of the box the pipeline searches for <paramref name="list"/>: cell·cutout/2 when the version
    /// reads cutout_imsize and the list has it (null when the cell is not an angle), else 1800″ + search_radius_arcsec.
    /// </summary>
    public static (double X, double Y)? HalfWidths(SeipParameterList list, PipelineVersion? version)
    {
        if (list.CutoutImsize is int[] cut && (version is null || version.SupportsCutoutImsize))
        {
            double? cell = CellArcsec(list.Cell);
            if (cell is null) return null;
            return (cell.Value * cut[0] / 2, cell.Value * cut[^1] / 2);
        }
        double h = MosaicHalfWidthArcsec + (list.SearchRadiusArcsec ?? DefaultSearchRadiusArcsec);
        return (h, h);
    }

    /// <summary>
    /// The smallest whole-arcsec search_radius_arcsec whose box covers the search region of half-widths
    /// (<paramref name="halfXArcsec"/>, <paramref name="halfYArcsec"/>) around <paramref name="center"/>, in either
    /// pipeline metric; null when the default 1000″ already does.
    /// </summary>
    public static double? RequiredSearchRadius(SkyPosition center, double halfXArcsec, double halfYArcsec)
    {
        double need = CoveringHalfWidth(center, halfXArcsec, halfYArcsec) + MarginArcsec;
        double radius = Math.Ceiling(need - MosaicHalfWidthArcsec);
        return radius > DefaultSearchRadiusArcsec ? radius : null;
    }

    /// <summary>
    /// The largest offset (arcsec, either axis, either pipeline metric) of a point of the region, where the region is
    /// the box of the given half-widths in VlassPS's tangent-frame rule or in the memo's ΔRA·cos δ rule. The extreme
    /// lies on the region's edge, which is sampled.
    /// </summary>
    public static double CoveringHalfWidth(SkyPosition center, double halfXArcsec, double halfYArcsec)
    {
        const int n = 400;
        double hx = halfXArcsec / SphericalMath.ArcsecPerDeg, hy = halfYArcsec / SphericalMath.ArcsecPerDeg;
        double max = Math.Max(halfXArcsec, halfYArcsec);
        for (int i = 0; i <= n; i++)
        {
            double t = -1 + 2.0 * i / n;
            foreach (var (x, y) in new[] { (t * hx, -hy), (t * hx, hy), (-hx, t * hy), (hx, t * hy) })
            {
                foreach (var p in new[] { FromTangentOffsets(center, x, y), FromRectilinearOffsets(center, x, y) })
                {
                    if (p is null) continue;
                    var (tx, ty) = SphericalMath.SphericalOffsets(center.RaDeg, center.DecDeg, p.Value.Ra, p.Value.Dec);
                    var (rx, ry) = SphericalMath.RectilinearOffsets(center.RaDeg, center.DecDeg, p.Value.Ra, p.Value.Dec);
                    max = Math.Max(max, SphericalMath.ArcsecPerDeg * new[] { Math.Abs(tx), Math.Abs(ty), Math.Abs(rx), Math.Abs(ry) }.Max());
                }
            }
        }
        return max;
    }

    /// <summary>The point at tangent-frame offsets (lon, lat) from the centre, degrees.</summary>
    private static (double Ra, double Dec)? FromTangentOffsets(SkyPosition c, double lonDeg, double latDeg)
    {
        double a0 = c.RaDeg * SphericalMath.Deg, d0 = c.DecDeg * SphericalMath.Deg;
        double x = lonDeg * SphericalMath.Deg, y = latDeg * SphericalMath.Deg;
        // Unit vector in the frame (towards the centre, east, north), rotated to the sky.
        double u = Math.Cos(y) * Math.Cos(x), e = Math.Cos(y) * Math.Sin(x), nn = Math.Sin(y);
        double vx = u * Math.Cos(d0) * Math.Cos(a0) - e * Math.Sin(a0) - nn * Math.Sin(d0) * Math.Cos(a0);
        double vy = u * Math.Cos(d0) * Math.Sin(a0) + e * Math.Cos(a0) - nn * Math.Sin(d0) * Math.Sin(a0);
        double vz = u * Math.Sin(d0) + nn * Math.Cos(d0);
        double dec = Math.Atan2(vz, Math.Sqrt(vx * vx + vy * vy)) / SphericalMath.Deg;
        double ra = SphericalMath.WrapRa(Math.Atan2(vy, vx) / SphericalMath.Deg);
        return (ra, dec);
    }

    /// <summary>The point at the memo's offsets (ΔRA·cos δ_point, ΔDec) from the centre, degrees; null past a pole.</summary>
    private static (double Ra, double Dec)? FromRectilinearOffsets(SkyPosition c, double xDeg, double yDeg)
    {
        double dec = c.DecDeg + yDeg;
        if (Math.Abs(dec) >= 90) return null;
        double dRa = xDeg / Math.Cos(dec * SphericalMath.Deg);
        if (Math.Abs(dRa) > 180) return null;
        return (SphericalMath.WrapRa(c.RaDeg + dRa), dec);
    }

    /// <summary>Arcsec per pixel of a cell like '0.6arcsec' (also arcmin, deg, mas); null otherwise.</summary>
    public static double? CellArcsec(string? cell)
    {
        if (cell is null) return null;
        string t = cell.Trim();
        foreach (var (unit, factor) in new[] { ("arcsec", 1.0), ("arcmin", 60.0), ("deg", 3600.0), ("mas", 0.001) })
            if (t.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(t[..^unit.Length].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
                && v > 0 && double.IsFinite(v))
                return v * factor;
        return null;
    }
}
