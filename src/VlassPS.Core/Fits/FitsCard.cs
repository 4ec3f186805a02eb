namespace VlassPS.Core.Fits;

/// <summary>
/// One header keyword record. <see cref="Value"/> is a string, long, double, bool, or null
/// (undefined value or commentary card). For a long string continued with CONTINUE cards, the value
/// is the full concatenated string and <see cref="CardCount"/> counts the cards it spans.
/// </summary>
public sealed class FitsCard
{
    public FitsCard(string keyword, object? value, string? comment, bool hasValue, int index, long byteOffset, int cardCount = 1)
    {
        Keyword = keyword;
        Value = value;
        Comment = comment;
        HasValue = hasValue;
        Index = index;
        ByteOffset = byteOffset;
        CardCount = cardCount;
    }

    /// <summary>Keyword, upper case; for HIERARCH cards the words after HIERARCH joined by single spaces.</summary>
    public string Keyword { get; }

    public object? Value { get; }

    public string? Comment { get; }

    /// <summary>True for value cards ("= " in columns 9-10), false for commentary (COMMENT, HISTORY, blank).</summary>
    public bool HasValue { get; }

    /// <summary>0-based card index in the header.</summary>
    public int Index { get; }

    /// <summary>Absolute byte offset of the card in the file.</summary>
    public long ByteOffset { get; }

    public int CardCount { get; }

    public override string ToString() => HasValue ? $"{Keyword} = {Value}" : $"{Keyword} {Comment}";
}
