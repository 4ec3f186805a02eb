namespace VlassPS.Core.Photometry;

/// <summary>A region file line we cannot read; carries the 1-based line number.</summary>
public sealed class RegionFormatException : FormatException
{
    public RegionFormatException(string message, int line, string? path = null)
        : base(path is null ? $"{message} (line {line})." : $"{message} (line {line} of '{path}').")
    {
        Line = line;
    }

    public int Line { get; }
}
