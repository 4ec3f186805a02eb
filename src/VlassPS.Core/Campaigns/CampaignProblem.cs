namespace VlassPS.Core.Campaigns;

/// <summary>One problem found in a campaign file, at a 1-based line and column (0 when not tied to a place).</summary>
public sealed record CampaignProblem(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}

/// <summary>A campaign file with problems: every one of them, in file order.</summary>
public sealed class CampaignFormatException : FormatException
{
    public CampaignFormatException(string path, IReadOnlyList<CampaignProblem> problems)
        : base($"{path}: {problems.Count} problem(s) in the campaign file; the first: line {problems[0].Line}, column {problems[0].Column}: {problems[0].Message}")
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }
    public IReadOnlyList<CampaignProblem> Problems { get; }
}
