using VlassPS.Core.Sky;

namespace VlassPS.Core.Tiling;

/// <summary>
/// One VLASS tile, TnntMM: RA [(k−1)·24/n, k·24/n) h within its tier's Dec band. Bounds are exact, not the
/// two-decimal values of the survey summary table.
/// </summary>
public sealed class VlassTile : IEquatable<VlassTile>
{
    internal VlassTile(VlassTier tier, int index)
    {
        TierInfo = tier;
        Index = index;
        Name = $"T{tier.Number:00}t{index:00}";
    }

    // A located copy shares the canonical tile's name: no string formatting per lookup.
    private VlassTile(VlassTile canonical, SkyPosition? position, bool contains)
    {
        TierInfo = canonical.TierInfo;
        Index = canonical.Index;
        Name = canonical.Name;
        Position = position;
        ContainsPosition = contains;
    }

    internal VlassTier TierInfo { get; }

    /// <summary>Tile name, e.g. T12t13.</summary>
    public string Name { get; }

    /// <summary>Alias of <see cref="Name"/>, so tiles bind by property name to -TileName.</summary>
    public string TileName => Name;

    public int Tier => TierInfo.Number;
    public int Index { get; }
    public double DecMinDeg => TierInfo.DecMinDeg;
    public double DecMaxDeg => TierInfo.DecMaxDeg;
    // Multiply before dividing so that bounds are exact where they can be (50°, not 49.999…°).
    public double RaMinHours => (Index - 1) * 24.0 / TierInfo.TileCount;
    public double RaMaxHours => Index * 24.0 / TierInfo.TileCount;
    public double RaMinDeg => (Index - 1) * 360.0 / TierInfo.TileCount;
    public double RaMaxDeg => Index * 360.0 / TierInfo.TileCount;

    /// <summary>The position the tile was found for (by position or search region), if any.</summary>
    public SkyPosition? Position { get; internal init; }

    /// <summary>The target the tile was found for (from <see cref="Position"/>); null for a tile looked up by name.</summary>
    public Targets.VlassTarget? Target => Position?.Target;

    /// <summary>True when the tile contains <see cref="Position"/> itself, false when it only overlaps the search region.</summary>
    public bool ContainsPosition { get; internal init; }

    /// <summary>Centre of the tile in RA/Dec.</summary>
    public SkyPosition Center => new((RaMinDeg + RaMaxDeg) / 2, (DecMinDeg + DecMaxDeg) / 2);

    /// <summary>Half-open containment: [RaMin, RaMax) × [DecMin, DecMax), Dec = 90° belongs to T32.</summary>
    public bool Contains(double raDeg, double decDeg)
    {
        double ra = SphericalMath.WrapRa(raDeg);
        bool decIn = decDeg >= DecMinDeg && (decDeg < DecMaxDeg || (DecMaxDeg == 90 && decDeg <= 90));
        return decIn && ra >= RaMinDeg && ra < RaMaxDeg;
    }

    internal VlassTile For(SkyPosition? position, bool contains) => new(this, position, contains);

    public override string ToString() => Name;
    public bool Equals(VlassTile? other) => other is not null && other.Name == Name;
    public override bool Equals(object? obj) => Equals(obj as VlassTile);
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
