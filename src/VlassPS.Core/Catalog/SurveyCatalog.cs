using System.Globalization;

namespace VlassPS.Core.Catalog;

/// <summary>
/// The parsed survey summary table: every tile × epoch row, the rows that were rejected, where the
/// table came from and when it was fetched. Tile lookup is a dictionary access.
/// </summary>
public sealed class SurveyCatalog
{
    private readonly Dictionary<string, VlassObservation[]> _byTile;
    private readonly TierBand[] _tiers;

    public SurveyCatalog(IReadOnlyList<VlassObservation> observations, IReadOnlyList<CatalogRowError> errors,
        string? source, DateTimeOffset? fetchedAt)
    {
        Observations = observations;
        Errors = errors;
        Source = source;
        FetchedAt = fetchedAt;
        _byTile = observations
            .GroupBy(o => o.TileName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.EpochNumber).ThenBy(o => o.EpochHalf).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        TileNames = _byTile.Keys.Order(StringComparer.Ordinal).ToArray();
        Epochs = observations.Select(o => o.Epoch).Distinct(StringComparer.Ordinal)
            .OrderBy(e => e, Comparer<string>.Create(CompareEpochs)).ToArray();
        _tiers = BuildTiers(_byTile);
    }

    /// <summary>All well-formed rows in source order.</summary>
    public IReadOnlyList<VlassObservation> Observations { get; }

    /// <summary>Rows that could not be read (line number, kind, message).</summary>
    public IReadOnlyList<CatalogRowError> Errors { get; }

    /// <summary>URL or file the table was read from.</summary>
    public string? Source { get; }

    /// <summary>When the table was downloaded (null when unknown).</summary>
    public DateTimeOffset? FetchedAt { get; }

    /// <summary>Distinct tile names, sorted.</summary>
    public IReadOnlyList<string> TileNames { get; }

    /// <summary>Distinct epochs, in survey order.</summary>
    public IReadOnlyList<string> Epochs { get; }

    public int Count => Observations.Count;

    /// <summary>The rows of one tile (ordered by epoch), or an empty list for an unknown tile.</summary>
    public IReadOnlyList<VlassObservation> ForTile(string tileName)
        => _byTile.TryGetValue(tileName, out var rows) ? rows : [];

    public bool ContainsTile(string tileName) => _byTile.ContainsKey(tileName);

    /// <summary>The row for a tile in one epoch, or null.</summary>
    public VlassObservation? Find(string tileName, string epoch)
    {
        foreach (var o in ForTile(tileName))
            if (string.Equals(o.Epoch, epoch, StringComparison.OrdinalIgnoreCase)) return o;
        return null;
    }

    /// <summary>
    /// The tile containing a position, using the tier bands of this table and the exact tile widths
    /// <c>24/n</c> h (the table's RA bounds are rounded). Half-open intervals; Dec 90 belongs to the top tier.
    /// Null below the survey's southern limit or when the table lacks the tile.
    /// </summary>
    public string? FindTileName(double raDeg, double decDeg)
    {
        if (double.IsNaN(raDeg) || double.IsNaN(decDeg)) return null;
        foreach (var tier in _tiers)
        {
            bool inBand = decDeg >= tier.DecMin && (decDeg < tier.DecMax || (tier.IsTop && decDeg <= tier.DecMax));
            if (!inBand) continue;
            double raHours = ((raDeg % 360.0) + 360.0) % 360.0 / 15.0;
            int k = Math.Min((int)Math.Floor(raHours * tier.TileCount / 24.0) + 1, tier.TileCount);
            var name = string.Create(CultureInfo.InvariantCulture, $"T{tier.Tier:00}t{k:00}");
            return _byTile.ContainsKey(name) ? name : null;
        }
        return null;
    }

    /// <summary>Orders VLASSn.m epochs numerically (VLASS10.1 after VLASS9.2).</summary>
    public static int CompareEpochs(string? a, string? b)
    {
        bool okA = VlassEpoch.TryParse(a, out int na, out int ha);
        bool okB = VlassEpoch.TryParse(b, out int nb, out int hb);
        if (okA && okB) return na != nb ? na.CompareTo(nb) : ha.CompareTo(hb);
        return string.CompareOrdinal(a, b);
    }

    private sealed record TierBand(int Tier, double DecMin, double DecMax, int TileCount, bool IsTop);

    private static TierBand[] BuildTiers(Dictionary<string, VlassObservation[]> byTile)
    {
        var tiers = byTile.Values
            .Select(rows => rows[0])
            .GroupBy(o => int.Parse(o.TileName.AsSpan(1, 2), CultureInfo.InvariantCulture))
            .Select(g => (Tier: g.Key, DecMin: g.Min(o => o.DecMinDeg), DecMax: g.Max(o => o.DecMaxDeg),
                Count: g.Max(o => int.Parse(o.TileName.AsSpan(4, 2), CultureInfo.InvariantCulture))))
            .OrderBy(t => t.DecMin)
            .ToList();
        return tiers.Select((t, i) => new TierBand(t.Tier, t.DecMin, t.DecMax, t.Count, i == tiers.Count - 1)).ToArray();
    }
}
