using System.Text.RegularExpressions;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Tiling;

/// <summary>
/// The 899 VLASS tiles, computed from the tiling rules. Lookups are arithmetic (no table scan).
/// </summary>
public static class TileGrid
{
    public const double SouthernLimitDeg = -40.0;

    private static readonly Regex NamePattern = new(@"^T([0-9][0-9])t([0-9][0-9])$", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly VlassTile[][] Tiles = VlassTier.All
        .Select(t => Enumerable.Range(1, t.TileCount).Select(k => new VlassTile(t, k)).ToArray()).ToArray();

    /// <summary>All 899 tiles, tier by tier, westmost first.</summary>
    public static IReadOnlyList<VlassTile> All { get; } = Tiles.SelectMany(t => t).ToArray();

    /// <summary>The tile by name (T12t13, case-insensitive), or null when no such tile exists.</summary>
    public static VlassTile? Get(string name)
    {
        var m = NamePattern.Match(name.Trim());
        if (!m.Success) return null;
        int tier = int.Parse(m.Groups[1].Value), index = int.Parse(m.Groups[2].Value);
        if (tier < 1 || tier > Tiles.Length || index < 1 || index > Tiles[tier - 1].Length) return null;
        return Tiles[tier - 1][index - 1];
    }

    /// <summary>The tile containing (ra, dec): tier with DecMin ≤ δ &lt; DecMax (δ = 90° → T32), k = ⌊RA·n/24⌋+1.</summary>
    public static VlassTile Find(double raDeg, double decDeg)
    {
        EnsureInSurvey(decDeg);
        int tierIndex = TierIndex(decDeg);
        var tier = VlassTier.All[tierIndex];
        double ra = SphericalMath.WrapRa(raDeg);
        int k = (int)Math.Floor(ra * tier.TileCount / 360.0);
        // Guard the last tile against floating-point rounding just below 360°.
        if (k >= tier.TileCount) k = tier.TileCount - 1;
        return Tiles[tierIndex][k];
    }

    public static VlassTile Find(SkyPosition p) => Find(p.RaDeg, p.DecDeg).For(p, contains: true);

    /// <summary>
    /// Every tile that intersects the search region around <paramref name="center"/>: the square
    /// |Δlon| ≤ hx, |Δlat| ≤ hy in the tangent frame of the centre (the frame the pipeline selects fields in).
    /// Exact spherical test, so RA wrap, the poles and tier boundaries need no special cases.
    /// </summary>
    public static IReadOnlyList<VlassTile> Overlapping(SkyPosition center, double halfWidthXDeg, double halfWidthYDeg)
    {
        EnsureInSurvey(center.DecDeg);
        if (!(halfWidthXDeg >= 0 && halfWidthYDeg >= 0) || halfWidthXDeg >= 45 || halfWidthYDeg >= 45)
            throw new ArgumentOutOfRangeException(nameof(halfWidthXDeg), "The search region must be smaller than 90° on a side.");
        var region = new SearchRegion(center, halfWidthXDeg, halfWidthYDeg);
        var home = Find(center.RaDeg, center.DecDeg);
        var result = new List<VlassTile>();
        foreach (var tile in region.CandidateTiles())
        {
            bool contains = ReferenceEquals(tile, home);
            if (contains || region.Intersects(tile))
                result.Add(tile.For(center, contains));
        }
        return result;
    }

    internal static IEnumerable<VlassTile> TilesInTier(int tierIndex) => Tiles[tierIndex];

    internal static int TierIndex(double decDeg)
    {
        var tiers = VlassTier.All;
        for (int i = 0; i < tiers.Count; i++)
            if (decDeg < tiers[i].DecMaxDeg) return i;
        return tiers.Count - 1; // δ = 90°
    }

    private static void EnsureInSurvey(double decDeg)
    {
        if (decDeg < SouthernLimitDeg)
            throw new OutsideSurveyException(decDeg);
    }
}

/// <summary>A position south of Dec −40°, which VLASS does not observe.</summary>
public sealed class OutsideSurveyException : ArgumentOutOfRangeException
{
    public OutsideSurveyException(double decDeg)
        : base("dec", decDeg, $"Declination {decDeg:0.#####}° is south of −40°: VLASS does not cover it.") => DecDeg = decDeg;

    public double DecDeg { get; }
}
