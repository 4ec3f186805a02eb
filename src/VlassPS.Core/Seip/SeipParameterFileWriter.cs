using System.Text;

namespace VlassPS.Core.Seip;

/// <summary>
/// Writes a parameter list: comments in column 0, one <c>key=value</c> per line, Python literals from
/// <see cref="PyLiteralWriter"/>, LF line endings, ASCII only (domain.md §9.2 writer rules).
/// </summary>
public static class SeipParameterFileWriter
{
    public static string Write(SeipParameterList list)
    {
        var sb = new StringBuilder();
        foreach (var comment in list.Comments)
            foreach (var line in PythonText.SplitLines(comment.Length == 0 ? " " : comment))
                sb.Append('#').Append(AsciiComment(line)).Append('\n');
        foreach (var key in list.Keys)
        {
            CheckWritable(key);
            // A key the reader kept from an indented "# ..." line needs its indentation back.
            if (key.StartsWith('#')) sb.Append(' ');
            sb.Append(key).Append('=').Append(PyLiteralWriter.Write(list[key]!)).Append('\n');
        }
        return sb.ToString();
    }

    private static void CheckWritable(string key)
    {
        if (key.Contains('=') || key.Contains('\n') || key.Contains('\r') || PythonText.Strip(key) != key || key.Any(c => c > 0x7E || c < 0x20))
            throw new SeipParameterListException(null, new[]
            {
                new SeipIssue(SeipIssueSeverity.Error, "SeipKeyNotWritable", key, null, null,
                    $"Key '{key}' cannot be written as one ASCII 'key=value' line that the pipeline reads back as the same key."),
            });
    }

    // Comments are never evaluated, but the file must stay ASCII and one comment per line.
    private static string AsciiComment(string text)
    {
        string body = text.Length > 0 && text[0] != ' ' ? " " + text : text;
        var lit = PyLiteralWriter.QuoteString(body);
        // Reuse the literal escaper, then drop the quotes and the quote escaping.
        return lit[1..^1].Replace("\\'", "'", StringComparison.Ordinal);
    }
}
