namespace VlassPS.Core.Seip;

/// <summary>What reading a parameter list produced: the values, and every error and warning with its line.</summary>
public sealed class SeipParseResult
{
    public SeipParseResult(SeipParameterList list, IReadOnlyList<SeipIssue> issues)
    {
        List = list;
        Issues = issues;
    }

    public SeipParameterList List { get; }
    public IReadOnlyList<SeipIssue> Issues { get; }
    public IEnumerable<SeipIssue> Errors => Issues.Where(i => i.Severity == SeipIssueSeverity.Error);
    public IEnumerable<SeipIssue> Warnings => Issues.Where(i => i.Severity == SeipIssueSeverity.Warning);
    /// <summary>False when the pipeline would raise while reading the file.</summary>
    public bool Success => !Errors.Any();
}
