using System.Globalization;

namespace VlassPS.Core.Fits;

/// <summary>An HDU header: ordered cards plus keyword lookup (first occurrence wins, as astropy does).</summary>
public sealed class FitsHeader
{
    private readonly List<FitsCard> _cards;
    private readonly Dictionary<string, FitsCard> _byKeyword = new(StringComparer.Ordinal);

    internal FitsHeader(List<FitsCard> cards, long byteOffset, long byteLength)
    {
        _cards = cards;
        ByteOffset = byteOffset;
        ByteLength = byteLength;
        foreach (var c in cards)
            if (c.HasValue) _byKeyword.TryAdd(c.Keyword, c);
    }

    public IReadOnlyList<FitsCard> Cards => _cards;

    /// <summary>Offset of the first header block in the file.</summary>
    public long ByteOffset { get; }

    /// <summary>Header length in bytes including padding to a block boundary.</summary>
    public long ByteLength { get; }

    public bool Contains(string keyword) => _byKeyword.ContainsKey(keyword);

    public FitsCard? Find(string keyword) => _byKeyword.GetValueOrDefault(keyword);

    public object? this[string keyword] => Find(keyword)?.Value;

    public string? GetString(string keyword) => Find(keyword)?.Value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>Numeric value (integer or real) as double; null when missing or not numeric.</summary>
    public double? GetDouble(string keyword) => Find(keyword)?.Value switch
    {
        long l => l,
        double d => d,
        _ => null,
    };

    public double GetDouble(string keyword, double fallback) => GetDouble(keyword) ?? fallback;

    public long? GetLong(string keyword) => Find(keyword)?.Value switch
    {
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        _ => null,
    };

    public bool? GetBool(string keyword) => Find(keyword)?.Value as bool?;

    /// <summary>An integer keyword the standard requires; a missing or non-integer one is a format error.</summary>
    internal long RequireInteger(string keyword, long headerOffset)
    {
        var card = Find(keyword) ?? throw new FitsFormatException($"Required keyword {keyword} is missing", headerOffset);
        return card.Value is long l ? l : throw new FitsFormatException($"Keyword {keyword} must be an integer, found '{card.Value}'", card.ByteOffset, card.Index);
    }
}
