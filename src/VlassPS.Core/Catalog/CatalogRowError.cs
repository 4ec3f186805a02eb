namespace VlassPS.Core.Catalog;

/// <summary>Why a summary-table row was rejected.</summary>
public enum CatalogRowErrorKind
{
    /// <summary>Longer than the fixed width with non-blank overflow, or too short to hold tile and epoch.</summary>
    BadLength,
    BadTileName,
    BadNumber,
    /// <summary>Characters where the format has blanks: the columns are misaligned.</summary>
    Misaligned,
    BadEpoch,
    BadDate,
    /// <summary>A second row for the same tile and epoch (the first one is kept).</summary>
    DuplicateRow,
}

/// <summary>A malformed summary-table row: the rest of the table still loads.</summary>
public sealed class CatalogRowError
{
    public CatalogRowError(int lineNumber, CatalogRowErrorKind kind, string message, string lineText)
    {
        LineNumber = lineNumber;
        Kind = kind;
        Message = message;
        LineText = lineText;
    }

    /// <summary>1-based line number in the source text.</summary>
    public int LineNumber { get; }
    public CatalogRowErrorKind Kind { get; }
    public string Message { get; }
    public string LineText { get; }

    public override string ToString() => $"line {LineNumber}: {Message}";
}
