using System.Text.RegularExpressions;

namespace VlassPS.Core.Archive;

/// <summary>What a pipeline script or CASA log says about the input Measurement Sets.</summary>
public sealed class VisListResult
{
    public VisListResult(bool foundImportData, IReadOnlyList<ExecutionBlockName> executionBlocks, IReadOnlyList<string> rejectedEntries)
    {
        FoundImportData = foundImportData;
        ExecutionBlocks = executionBlocks;
        RejectedEntries = rejectedEntries;
    }

    /// <summary>True when a <c>hifv_importdata(... vis=...)</c> call was present.</summary>
    public bool FoundImportData { get; }

    /// <summary>Distinct EBs named in the vis list, in order.</summary>
    public IReadOnlyList<ExecutionBlockName> ExecutionBlocks { get; }

    /// <summary>Vis entries that do not reduce to a VLASS EB name (reported, not guessed at).</summary>
    public IReadOnlyList<string> RejectedEntries { get; }
}

/// <summary>
/// Reads the EB names from the <c>vis</c> argument of <c>hifv_importdata</c> in <c>casa_pipescript.py</c>
/// or <c>casa_commands.log</c>: quoted entries only, directory prefix dropped, then an exact <c>.ms</c> and an
/// exact <c>_split</c> suffix removed, and the rest validated as an EB name. Nothing else in the file is used.
/// </summary>
public static partial class VisListExtractor
{
    private const string CallName = "hifv_importdata";

    /// <param name="text">Script or log text.</param>
    /// <param name="includeCommentedCalls">
    /// True for <c>casa_commands.log</c>, which may record pipeline stage calls as <c># hifv_importdata(...)</c>
    /// comment headers; false for <c>casa_pipescript.py</c>, where a commented-out call is not what ran.
    /// </param>
    public static VisListResult Extract(string text, bool includeCommentedCalls = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<ExecutionBlockName>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<string>();
        bool found = false;

        int from = 0;
        while ((from = text.IndexOf(CallName, from, StringComparison.Ordinal)) >= 0)
        {
            int callStart = from;
            from += CallName.Length;
            if ((!includeCommentedCalls && IsCommentedOut(text, callStart)) || (callStart > 0 && IsIdentifierChar(text[callStart - 1]))) continue;
            int open = SkipSpaces(text, from);
            if (open >= text.Length || text[open] != '(') continue;
            int close = FindCallEnd(text, open);
            var args = text.AsSpan(open + 1, close - open - 1).ToString();
            var vis = VisArgument().Match(args);
            if (!vis.Success) continue;
            found = true;
            foreach (Match q in QuotedString().Matches(vis.Groups["value"].Value))
            {
                var entry = q.Groups["s"].Success ? q.Groups["s"].Value : q.Groups["d"].Value;
                if (TryReduce(entry, out var eb))
                {
                    if (seen.Add(eb.Name)) names.Add(eb);
                }
                else
                {
                    rejected.Add(entry);
                }
            }
            from = close;
        }
        return new VisListResult(found, names, rejected);
    }

    /// <summary>Reduces one vis entry (path to an MS) to an EB name.</summary>
    public static bool TryReduce(string entry, out ExecutionBlockName name)
    {
        var s = entry.Trim().TrimEnd('/', '\\');
        int slash = s.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) s = s[(slash + 1)..];
        if (s.EndsWith(".ms", StringComparison.Ordinal)) s = s[..^3];
        if (s.EndsWith("_split", StringComparison.Ordinal)) s = s[..^6];
        return ExecutionBlockName.TryParse(s, out name);
    }

    private static bool IsCommentedOut(string text, int index)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        return text.AsSpan(lineStart, index - lineStart).Contains('#');
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        return i;
    }

    /// <summary>Index of the parenthesis closing the call (quote-aware), or the end of the text.</summary>
    private static int FindCallEnd(string text, int open)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return text.Length;
    }

    // vis=[ ... ] or vis='single.ms'; the name must not be part of a longer identifier (e.g. "outputvis").
    [GeneratedRegex(@"(?<![A-Za-z0-9_])vis\s*=\s*(?<value>\[[^\]]*\]|'[^']*'|""[^""]*"")", RegexOptions.CultureInvariant)]
    private static partial Regex VisArgument();

    [GeneratedRegex(@"'(?<s>[^']*)'|""(?<d>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedString();
}
