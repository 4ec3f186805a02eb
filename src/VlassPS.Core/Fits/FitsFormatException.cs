namespace VlassPS.Core.Fits;

/// <summary>
/// A FITS file that does not follow the standard in a way we cannot read past. Carries the
/// 0-based card index within the header (when a card is at fault) and the absolute byte offset.
/// </summary>
public sealed class FitsFormatException : FormatException
{
    public FitsFormatException(string message, long byteOffset, int cardIndex = -1, string? path = null)
        : base(Compose(message, byteOffset, cardIndex, path))
    {
        ByteOffset = byteOffset;
        CardIndex = cardIndex;
        FilePath = path;
        Reason = message;
    }

    /// <summary>Absolute byte offset in the file of the offending card or data.</summary>
    public long ByteOffset { get; }

    /// <summary>0-based index of the card within its header, or -1 when no single card is at fault.</summary>
    public int CardIndex { get; }

    public string? FilePath { get; }

    /// <summary>The message without location.</summary>
    public string Reason { get; }

    internal FitsFormatException WithPath(string path) => new(Reason, ByteOffset, CardIndex, path);

    private static string Compose(string message, long offset, int card, string? path)
    {
        var where = card >= 0 ? $"card {card} at byte offset {offset}" : $"byte offset {offset}";
        return path is null ? $"{message} ({where})." : $"{message} ({where} in '{path}').";
    }
}
