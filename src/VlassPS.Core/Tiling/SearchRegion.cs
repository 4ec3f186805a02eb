using VlassPS.Core.Sky;

namespace VlassPS.Core.Tiling;

/// <summary>
/// The search region R = {|Δlon| ≤ hx, |Δlat| ≤ hy} in the tangent frame of a centre, and its exact intersection
/// with tiles, in closed form (no numerical scan).
/// <para>
/// With x, y, z a point's components along the centre, east and north of the centre, R is the set where
/// sin(hx)·x ∓ cos(hx)·y ≥ 0 (a lune) and sin(hy) ∓ z ≥ 0 (a band): four linear constraints on the unit vector.
/// Its exact extents follow from them: Dec [<see cref="DecLoDeg"/>, <see cref="DecHiDeg"/>] (a corner or an
/// edge midpoint, depending on the sign of δ0), and, when it holds no pole, RA a0 ± <see cref="RaHalfWidthDeg"/>,
/// because R meets the great circle through the poles at RA offset Δ iff
/// |sin Δ|·(cos δ0·cos hx − |sin δ0|·tan hy) ≤ |cos Δ|·sin hx.
/// </para>
/// <para>
/// A tile that does not contain the centre meets R iff one of its edges does (R is connected). Along an edge
/// (an arc of a meridian or a parallel) every constraint is a·cos θ + b·sin θ + k ≥ 0; the feasible part of the
/// arc, when not empty, has a first point, which is an end of the arc or a root of one constraint. So testing
/// the two ends and the at most eight roots (found without trigonometry) decides the edge exactly.
/// </para>
/// </summary>
internal readonly struct SearchRegion
{
    private const double D = SphericalMath.Deg;
    private const double Tol = 1e-12; // radians of slack when a candidate point is tested against R

    private readonly double _a0, _cosD0, _sinD0;
    private readonly double _sinHx, _cosHx, _sinHy;

    public SearchRegion(SkyPosition center, double hxDeg, double hyDeg)
    {
        hxDeg = Math.Max(hxDeg, 1e-12);
        hyDeg = Math.Max(hyDeg, 1e-12);
        _a0 = center.RaDeg;
        double d0 = center.DecDeg;
        (_sinD0, _cosD0) = Math.SinCos(d0 * D);
        var size = SizeTrig.For(hxDeg, hyDeg);
        _sinHx = size.SinHx;
        _cosHx = size.CosHx;
        _sinHy = size.SinHy;

        // Dec extremes: on the centre meridian at the edge towards the equator's far side, else at a corner.
        double corner = size.CosHy * size.CosHx * _sinD0;
        if (d0 >= 0)
        {
            DecHiDeg = Math.Min(90, d0 + hyDeg);
            DecLoDeg = Math.Asin(Math.Clamp(corner - size.SinHy * _cosD0, -1, 1)) / D;
        }
        else
        {
            DecLoDeg = d0 - hyDeg;
            DecHiDeg = Math.Asin(Math.Clamp(corner + size.SinHy * _cosD0, -1, 1)) / D;
        }
        double den = _cosD0 * size.CosHx - Math.Abs(_sinD0) * size.TanHy;
        RaHalfWidthDeg = den > 0 ? Math.Atan2(size.SinHx, den) / D : double.PositiveInfinity;
    }

    public double DecLoDeg { get; }
    public double DecHiDeg { get; }

    /// <summary>Half-width of R's RA range about the centre; +∞ when every meridian meets R (a pole is near).</summary>
    public double RaHalfWidthDeg { get; }

    public bool AllRa => RaHalfWidthDeg >= 180;

    /// <summary>True when the RA of the meridian lies within R's RA range (with a margin): it may meet R.</summary>
    public bool MayReachRa(double raDeg, double marginDeg)
        => AllRa || Math.Abs(SphericalMath.WrapDelta(raDeg - _a0)) <= RaHalfWidthDeg + marginDeg;

    /// <summary>Exact test for a tile that does not contain the centre: does any of its edges meet R?</summary>
    public bool Meets(TierTable tier, int k, double marginDeg)
    {
        double ra1 = tier.RaMinDeg(k), ra2 = tier.RaMaxDeg(k);
        var (s1, c1) = Math.SinCos((ra1 - _a0) * D);
        var (s2, c2) = Math.SinCos((ra2 - _a0) * D);
        // Meridian edges: p(δ) = cos δ·(cos u, sin u, 0) + sin δ·(0, 0, 1), δ from DecMin to DecMax.
        if (MayReachRa(ra1, marginDeg)
            && ArcMeets(0, 0, 0, c1, s1, 0, 0, 0, 1, tier.CosDecMin, tier.SinDecMin, tier.CosDecMax, tier.SinDecMax))
            return true;
        if (MayReachRa(ra2, marginDeg)
            && ArcMeets(0, 0, 0, c2, s2, 0, 0, 0, 1, tier.CosDecMin, tier.SinDecMin, tier.CosDecMax, tier.SinDecMax))
            return true;
        // Parallel edges: p(u) = (0, 0, sin δ) + cos δ·(cos u, sin u, 0), u from ra1 − a0 to ra2 − a0 (≤ 180°).
        if (tier.DecMinDeg >= DecLoDeg - marginDeg && tier.DecMinDeg <= DecHiDeg + marginDeg
            && ArcMeets(0, 0, tier.SinDecMin, tier.CosDecMin, 0, 0, 0, tier.CosDecMin, 0, c1, s1, c2, s2))
            return true;
        return tier.DecMaxDeg >= DecLoDeg - marginDeg && tier.DecMaxDeg <= DecHiDeg + marginDeg
            && ArcMeets(0, 0, tier.SinDecMax, tier.CosDecMax, 0, 0, 0, tier.CosDecMax, 0, c1, s1, c2, s2);
    }

    /// <summary>
    /// Does the arc p(θ) = P + U·cos θ + V·sin θ, θ from (c1, s1) counter-clockwise to (c2, s2) (at most 180°),
    /// meet R? Coordinates are equatorial with RA measured from the centre's.
    /// </summary>
    private bool ArcMeets(double px, double py, double pz, double ux, double uy, double uz,
        double vx, double vy, double vz, double c1, double s1, double c2, double s2)
    {
        if (Contains(px + ux * c1 + vx * s1, py + uy * c1 + vy * s1, pz + uz * c1 + vz * s1)) return true;
        if (Contains(px + ux * c2 + vx * s2, py + uy * c2 + vy * s2, pz + uz * c2 + vz * s2)) return true;
        for (int i = 0; i < 4; i++)
        {
            Constraint(i, out double wx, out double wy, out double wz, out double k);
            double a = wx * ux + wy * uy + wz * uz, b = wx * vx + wy * vy + wz * vz;
            k += wx * px + wy * py + wz * pz;
            // Roots of a·cos θ + b·sin θ = −k as unit vectors (cos θ, sin θ): no inverse trigonometry.
            double rho2 = a * a + b * b, disc = rho2 - k * k;
            if (rho2 < 1e-30 || disc < 0) continue;
            double q = -k / rho2, r = Math.Sqrt(disc) / rho2;
            for (int sign = -1; sign <= 1; sign += 2)
            {
                double c = q * a - sign * r * b, s = q * b + sign * r * a;
                // On the arc: counter-clockwise of its start and clockwise of its end.
                if (c1 * s - s1 * c < -1e-15 || c * s2 - s * c2 < -1e-15) continue;
                if (Contains(px + ux * c + vx * s, py + uy * c + vy * s, pz + uz * c + vz * s)) return true;
            }
        }
        return false;
    }

    /// <summary>Constraint i as w·p + k ≥ 0 (|w| = 1): 0, 1 the lune's sides; 2, 3 the band's.</summary>
    private void Constraint(int i, out double wx, out double wy, out double wz, out double k)
    {
        // Centre c = (cos δ0, 0, sin δ0), east e = (0, 1, 0), north n = (−sin δ0, 0, cos δ0).
        switch (i)
        {
            case 0: wx = _sinHx * _cosD0; wy = -_cosHx; wz = _sinHx * _sinD0; k = 0; break;
            case 1: wx = _sinHx * _cosD0; wy = _cosHx; wz = _sinHx * _sinD0; k = 0; break;
            case 2: wx = _sinD0; wy = 0; wz = -_cosD0; k = _sinHy; break;
            default: wx = -_sinD0; wy = 0; wz = _cosD0; k = _sinHy; break;
        }
    }

    private bool Contains(double x, double y, double z)
    {
        double along = x * _cosD0 + z * _sinD0, north = -x * _sinD0 + z * _cosD0;
        return along > 0
            && _sinHx * along - _cosHx * y >= -Tol && _sinHx * along + _cosHx * y >= -Tol
            && _sinHy - north >= -Tol && _sinHy + north >= -Tol;
    }

    /// <summary>The trigonometry of a region size, kept for the next call (plans use one size for many targets).</summary>
    private sealed class SizeTrig
    {
        private static SizeTrig? _last;

        private SizeTrig(double hx, double hy)
        {
            Hx = hx;
            Hy = hy;
            (SinHx, CosHx) = Math.SinCos(hx * D);
            (SinHy, CosHy) = Math.SinCos(hy * D);
            TanHy = SinHy / CosHy;
        }

        public double Hx { get; }
        public double Hy { get; }
        public double SinHx { get; }
        public double CosHx { get; }
        public double SinHy { get; }
        public double CosHy { get; }
        public double TanHy { get; }

        public static SizeTrig For(double hx, double hy)
        {
            var last = _last; // immutable: a racing thread at worst computes its own
            if (last is not null && last.Hx == hx && last.Hy == hy) return last;
            return _last = new SizeTrig(hx, hy);
        }
    }
}
