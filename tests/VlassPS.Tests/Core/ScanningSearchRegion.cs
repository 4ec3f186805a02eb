using VlassPS.Core.Sky;
using VlassPS.Core.Tiling;

namespace VlassPS.Tests.Core;

/// <summary>
/// The REFERENCE implementation (the library's former exact scan, kept verbatim for the property test that checks
/// the analytic fast path against it). The search region |Δlon| ≤ hx, |Δlat| ≤ hy in the tangent frame of a centre, and its exact intersection
/// with tile rectangles. The region is connected and contains its centre, so a tile that does not contain
/// the centre meets it iff some point of the tile's boundary lies in it; each boundary edge is first clipped
/// to the cap that encloses the region, then the region's norm is minimised along the clipped piece.
/// </summary>
internal sealed class ScanningSearchRegion
{
    private const double D = SphericalMath.Deg;
    private const int Samples = 24;

    private readonly SkyPosition _c;
    private readonly double _hx, _hy;
    private readonly double _capRadius; // degrees: the region's corners are this far from the centre
    private readonly double _sinD0, _cosD0;

    public ScanningSearchRegion(SkyPosition center, double hxDeg, double hyDeg)
    {
        _c = center;
        _hx = Math.Max(hxDeg, 1e-12);
        _hy = Math.Max(hyDeg, 1e-12);
        _capRadius = Math.Acos(Math.Cos(hxDeg * D) * Math.Cos(hyDeg * D)) / D + 1e-9;
        _sinD0 = Math.Sin(center.DecDeg * D);
        _cosD0 = Math.Cos(center.DecDeg * D);
    }

    /// <summary>Tiles meeting the bounding box of the enclosing cap: a superset of the answer.</summary>
    public IEnumerable<VlassTile> CandidateTiles()
    {
        double decLo = _c.DecDeg - _capRadius, decHi = _c.DecDeg + _capRadius;
        bool allRa = decHi >= 90 || decLo <= -90;
        double halfRa = allRa ? 180 : Math.Asin(Math.Min(1, Math.Sin(_capRadius * D) / _cosD0)) / D;
        var tiers = VlassTier.All;
        for (int i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier.DecMaxDeg < decLo || tier.DecMinDeg > decHi) continue;
            if (allRa || halfRa >= 180)
            {
                foreach (var t in TileGrid.TilesInTier(i)) yield return t;
                continue;
            }
            // Tile indices covering [ra0 − halfRa, ra0 + halfRa], walking across 0h when needed.
            double start = _c.RaDeg - halfRa;
            int first = (int)Math.Floor(start / tier.TileWidthDeg);
            int last = (int)Math.Floor((_c.RaDeg + halfRa) / tier.TileWidthDeg);
            var seen = new HashSet<int>();
            for (int k = first; k <= last; k++)
            {
                int idx = ((k % tier.TileCount) + tier.TileCount) % tier.TileCount;
                if (seen.Add(idx)) yield return TileGrid.TilesInTier(i).ElementAt(idx);
            }
        }
    }

    /// <summary>The former <c>TileGrid.Overlapping</c>: candidates from the enclosing cap, each edge scanned.</summary>
    public static List<string> Overlapping(SkyPosition center, double hxDeg, double hyDeg)
    {
        var region = new ScanningSearchRegion(center, hxDeg, hyDeg);
        var home = TileGrid.Find(center.RaDeg, center.DecDeg);
        var result = new List<string>();
        foreach (var tile in region.CandidateTiles())
            if (ReferenceEquals(tile, home) || region.Intersects(tile)) result.Add(tile.Name);
        return result;
    }

    public bool Intersects(VlassTile t)
    {
        double a1 = t.RaMinDeg, a2 = t.RaMaxDeg, d1 = t.DecMinDeg, d2 = t.DecMaxDeg;
        return MeridianMeets(a1, d1, d2) || MeridianMeets(a2, d1, d2)
            || ParallelMeets(d1, a1, a2) || ParallelMeets(d2, a1, a2);
    }

    /// <summary>Region norm: ≤ 1 inside (inclusive bounds).</summary>
    private double Norm(double raDeg, double decDeg)
    {
        var (dl, db) = SphericalMath.SphericalOffsets(_c.RaDeg, _c.DecDeg, raDeg, decDeg);
        return Math.Max(Math.Abs(dl) / _hx, Math.Abs(db) / _hy);
    }

    private bool MeridianMeets(double raDeg, double dLo, double dHi)
    {
        // cos(dist) = sinδ·sinδ0 + cosδ·cosδ0·cosΔα = S·cos(δ − ψ); keep cos(dist) ≥ cos(capRadius).
        double p = _sinD0, q = _cosD0 * Math.Cos((raDeg - _c.RaDeg) * D);
        double s = Math.Sqrt(p * p + q * q);
        double k = Math.Cos(_capRadius * D) / s;
        if (k > 1) return false;
        double psi = Math.Atan2(p, q) / D, w = Math.Acos(Math.Max(-1, k)) / D;
        double lo = Math.Max(dLo, psi - w), hi = Math.Min(dHi, psi + w);
        return lo <= hi && MinimumAlong(x => Norm(raDeg, x), lo, hi, 1.0) <= 1.0;
    }

    private bool ParallelMeets(double decDeg, double aLo, double aHi)
    {
        double cd = Math.Cos(decDeg * D);
        double denom = cd * _cosD0;
        if (denom < 1e-15)
            return Norm(aLo, decDeg) <= 1.0; // the edge is a pole point (or the centre is a pole)
        double k = (Math.Cos(_capRadius * D) - Math.Sin(decDeg * D) * _sinD0) / denom;
        if (k > 1) return false;
        double w = k <= -1 ? 180 : Math.Acos(k) / D;
        // The edge as Δα from the centre, tried at the three 360° shifts that can meet [−w, w].
        double u1 = SphericalMath.WrapDelta(aLo - _c.RaDeg), span = aHi - aLo;
        foreach (double shift in new[] { -360.0, 0.0, 360.0 })
        {
            double lo = Math.Max(u1 + shift, -w), hi = Math.Min(u1 + shift + span, w);
            if (lo <= hi && MinimumAlong(x => Norm(_c.RaDeg + x, decDeg), lo, hi, cd) <= 1.0) return true;
        }
        return false;
    }

    /// <summary>
    /// Minimum of the region norm along an edge piece: a scan, then golden-section refinement around the best
    /// sample. <paramref name="arcPerUnit"/> converts the parameter to arc (cos δ along a parallel), so that
    /// the refinement is skipped when even the norm's largest possible dip between samples cannot reach 1.
    /// </summary>
    private double MinimumAlong(Func<double, double> f, double lo, double hi, double arcPerUnit)
    {
        double best = double.MaxValue, bestX = lo;
        for (int i = 0; i <= Samples; i++)
        {
            double x = lo + (hi - lo) * i / Samples;
            double v = f(x);
            if (v < best) { best = v; bestX = x; }
        }
        if (best <= 1.0) return best;
        double step = (hi - lo) / Samples;
        // The norm changes by at most arc/min(hx, hy) (with a margin for the tangent frame's distortion).
        if (best - 1.5 * step * arcPerUnit / Math.Min(_hx, _hy) > 1.0) return best;
        double a = Math.Max(lo, bestX - step), b = Math.Min(hi, bestX + step);
        const double g = 0.6180339887498949;
        double c1 = b - g * (b - a), c2 = a + g * (b - a), f1 = f(c1), f2 = f(c2);
        for (int it = 0; it < 60 && b - a > 1e-12; it++)
        {
            if (f1 < f2) { b = c2; c2 = c1; f2 = f1; c1 = b - g * (b - a); f1 = f(c1); }
            else { a = c1; c1 = c2; f1 = f2; c2 = a + g * (b - a); f2 = f(c2); }
        }
        return Math.Min(best, Math.Min(f1, f2));
    }
}
