namespace VlassPS.Core.Casa;

/// <summary>Base of every error the casacore table reader raises on purpose.</summary>
public abstract class CasaTableException : Exception
{
    protected CasaTableException(string message, string? tablePath, Exception? inner = null) : base(message, inner)
        => TablePath = tablePath;

    /// <summary>The table directory (or file) the error is about, when known.</summary>
    public string? TablePath { get; }
}

/// <summary>
/// The table's bytes do not follow the casacore format (corrupt, truncated, or a version we do not know).
/// Raised instead of IndexOutOfRange, EndOfStream or an allocation from a bad length field.
/// </summary>
public sealed class CasaTableFormatException : CasaTableException
{
    public CasaTableFormatException(string message, string? tablePath = null, Exception? inner = null)
        : base(tablePath is null ? message : $"{message} (table {tablePath})", tablePath, inner) { }
}

/// <summary>A column we need is stored by a data manager this reader does not implement (tiled, virtual, MultiFile...).</summary>
public sealed class CasaUnsupportedStorageManagerException : CasaTableException
{
    public CasaUnsupportedStorageManagerException(string column, string manager, string? tablePath, string? detail = null)
        : base($"Column '{column}' is stored by data manager '{manager}', which VlassPS cannot read "
               + (detail ?? "(it reads StandardStMan and IncrementalStMan columns)") + "."
               + (tablePath is null ? "" : $" (table {tablePath})"), tablePath)
    {
        Column = column;
        Manager = manager;
    }

    public string Column { get; }
    public string Manager { get; }
}
