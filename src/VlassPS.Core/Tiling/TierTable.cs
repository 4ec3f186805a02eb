namespace VlassPS.Core.Tiling;

/// <summary>
/// Per-tier constants the intersection needs on every call, computed once: the Dec bounds as (cos, sin), the
/// tile width, and the canonical tiles.
/// </summary>
internal sealed class TierTable
{
    private TierTable(VlassTier tier, VlassTile[] tiles)
    {
        DecMinDeg = tier.DecMinDeg;
        DecMaxDeg = tier.DecMaxDeg;
        Count = tier.TileCount;
        WidthDeg = 360.0 / tier.TileCount;
        (SinDecMin, CosDecMin) = Math.SinCos(tier.DecMinDeg * Sky.SphericalMath.Deg);
        (SinDecMax, CosDecMax) = Math.SinCos(tier.DecMaxDeg * Sky.SphericalMath.Deg);
        if (tier.DecMaxDeg == 90) (SinDecMax, CosDecMax) = (1.0, 0.0); // the pole itself, not cos(90°) ≈ 6e-17
        Tiles = tiles;
    }

    public double DecMinDeg { get; }
    public double DecMaxDeg { get; }
    public int Count { get; }
    public double WidthDeg { get; }
    public double SinDecMin { get; }
    public double CosDecMin { get; }
    public double SinDecMax { get; }
    public double CosDecMax { get; }
    public VlassTile[] Tiles { get; }

    /// <summary>West edge of tile k (0-based), degrees; multiply before dividing, as <see cref="VlassTile"/> does.</summary>
    public double RaMinDeg(int k) => k * 360.0 / Count;
    public double RaMaxDeg(int k) => (k + 1) * 360.0 / Count;

    public static TierTable[] Build(VlassTile[][] tiles)
        => VlassTier.All.Select((t, i) => new TierTable(t, tiles[i])).ToArray();
}
