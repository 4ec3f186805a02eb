namespace VlassPS.Core.Seip;

/// <summary>
/// Text that <c>ast.literal_eval</c> would reject (or that VlassPS cannot represent), with the
/// 1-based line and column of the offending character within the text that was read.
/// </summary>
public sealed class PyLiteralSyntaxException : FormatException
{
    public PyLiteralSyntaxException(string reason, int line, int column)
        : base($"{reason} (line {line}, column {column})")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }
    public int Line { get; }
    public int Column { get; }
}
