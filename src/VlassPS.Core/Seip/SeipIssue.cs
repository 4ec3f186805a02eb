namespace VlassPS.Core.Seip;

public enum SeipIssueSeverity
{
    /// <summary>The pipeline would reject the file, or VlassPS refuses to write it.</summary>
    Error,
    /// <summary>The file works, but something is ignored or probably not what the user meant.</summary>
    Warning,
}

/// <summary>One problem found while reading or validating a parameter list.</summary>
public sealed class SeipIssue
{
    public SeipIssue(SeipIssueSeverity severity, string id, string? key, int? line, int? column, string message)
    {
        Severity = severity; Id = id; Key = key; Line = line; Column = column; Message = message;
    }

    public SeipIssueSeverity Severity { get; }
    /// <summary>A stable identifier (e.g. SeipImsizeOdd) usable as a PowerShell error id.</summary>
    public string Id { get; }
    public string? Key { get; }
    /// <summary>1-based line in the file, when the issue comes from a file.</summary>
    public int? Line { get; }
    public int? Column { get; }
    public string Message { get; }

    public override string ToString()
    {
        string where = Line is int l ? (Column is int c ? $"line {l}, column {c}: " : $"line {l}: ") : "";
        return $"{Severity}: {where}{Message}";
    }
}

/// <summary>A parameter list that cannot be read or written; carries every error found.</summary>
public sealed class SeipParameterListException : FormatException
{
    public SeipParameterListException(string? source, IReadOnlyList<SeipIssue> errors)
        : base(BuildMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    public new string? Source { get; }
    public IReadOnlyList<SeipIssue> Errors { get; }

    private static string BuildMessage(string? source, IReadOnlyList<SeipIssue> errors)
    {
        string head = source is null ? "Invalid SEIP parameter list" : $"Invalid SEIP parameter list '{source}'";
        return head + ": " + string.Join("; ", errors.Select(e => e.Line is int l ? $"line {l}: {e.Message}" : e.Message));
    }
}
