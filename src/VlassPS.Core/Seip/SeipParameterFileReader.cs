using System.Text;

namespace VlassPS.Core.Seip;

/// <summary>
/// Reads a parameter list exactly as <c>hif_editimlist</c> does (domain.md §9.1): lines split with
/// universal newlines; a line whose first character is '#' or that has no '=' is skipped; the line is
/// split at the first '='; both sides are stripped; the right side goes through literal_eval; a later
/// duplicate key wins. Where the pipeline would raise, an error with line and column is recorded (all
/// of them, not only the first), so that the user can fix the file in one go.
/// </summary>
public static class SeipParameterFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SeipParseResult Load(string path)
    {
        // Regular files only, bounded: a FIFO would block, /dev/zero never ends (a parameter list is a few kB).
        byte[] bytes = VlassPS.Core.IO.InputFile.ReadAllBytes(path, "Parameter list",
            VlassPS.Core.Errors.VlassErrors.SeipFileNotFound, VlassPS.Core.Errors.VlassErrors.SeipFileUnreadable, 16L << 20);
        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException ex)
        {
            int bad = ex.Index >= 0 ? ex.Index : 0;
            int line = 1 + bytes.Take(Math.Min(bad, bytes.Length)).Count(b => b == (byte)'\n');
            var issue = new SeipIssue(SeipIssueSeverity.Error, "SeipFileNotUtf8", null, line, null,
                "The file is not valid UTF-8; the pipeline reads it as text and would fail to decode it.");
            return new SeipParseResult(new SeipParameterList { Path = path }, new[] { issue });
        }
        var result = Parse(text, path);
        result.List.Path = path;
        return result;
    }

    private static bool HasNonFinite(PyValue v) => v switch
    {
        PyFloat f => !double.IsFinite(f.Value),
        PySequence seq => seq.Any(HasNonFinite),
        PyDict d => d.Any(kv => HasNonFinite(kv.Key) || HasNonFinite(kv.Value)),
        _ => false,
    };

    public static SeipParseResult Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new SeipParameterList();
        var issues = new List<SeipIssue>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        bool seenKey = false;

        var lines = PythonText.SplitLines(text);
        for (int n = 0; n < lines.Count; n++)
        {
            string line = lines[n];
            int lineNo = n + 1;
            if (n == 0 && line.StartsWith('\uFEFF'))
                issues.Add(new SeipIssue(SeipIssueSeverity.Warning, "SeipByteOrderMark", null, 1, 1,
                    "The file starts with a UTF-8 byte-order mark: the pipeline reads it as part of the first line (the first key would not be recognised, or a '#' comment would not be a comment)."));
            if (line.StartsWith('#'))
            {
                if (!seenKey) list.Comments.Add(line[1..]);
                continue;
            }
            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                if (PythonText.Strip(line).Length > 0)
                    issues.Add(new SeipIssue(SeipIssueSeverity.Warning, "SeipLineIgnored", null, lineNo, null,
                        $"Line has no '=' and is ignored by the pipeline: {Excerpt(line)}"));
                continue;
            }
            string key = PythonText.Strip(line[..eq]);
            int valueStart = PythonText.LeadingSpace(line, eq + 1);
            string valueText = PythonText.Strip(line[(eq + 1)..]);

            if (!PyLiteralReader.TryParse(valueText, out var value, out var err))
            {
                issues.Add(new SeipIssue(SeipIssueSeverity.Error, "SeipValueNotLiteral", key, lineNo, valueStart + err!.Column,
                    $"Value of '{key}' is not a Python literal (the pipeline's ast.literal_eval raises): {err.Reason}"));
                continue;
            }
            if (HasNonFinite(value!))
            {
                // Python reads 1e99999 as inf; VlassPS can neither write it back nor the pipeline image with it.
                issues.Add(new SeipIssue(SeipIssueSeverity.Error, "SeipValueOutOfRange", key, lineNo, valueStart + 1,
                    $"Value of '{key}' holds a number too large for a float ({Excerpt(valueText)} is inf in Python); no imaging parameter can be infinite."));
                continue;
            }
            seenKey = true;
            if (key.StartsWith('#'))
                issues.Add(new SeipIssue(SeipIssueSeverity.Warning, "SeipIndentedComment", key, lineNo, null,
                    "An indented '#' line is not a comment for the pipeline; it is read as a key and ignored."));
            try { SeipParameterList.CheckKey(key); }
            catch (ArgumentException ex) when (!key.StartsWith('#'))
            {
                issues.Add(new SeipIssue(SeipIssueSeverity.Warning, "SeipKeyUnusual", key, lineNo, null, ex.Message));
            }
            catch (ArgumentException)
            {
            }
            if (firstLine.TryGetValue(key, out int earlier))
                issues.Add(new SeipIssue(SeipIssueSeverity.Warning, "SeipDuplicateKey", key, lineNo, null,
                    $"'{key}' is also set on line {earlier}; the pipeline uses this later value."));
            else firstLine[key] = lineNo;
            list.SetUnchecked(key, value!, lineNo);
        }
        return new SeipParseResult(list, issues);
    }

    private static string Excerpt(string line)
    {
        string t = PythonText.Strip(line);
        return t.Length > 60 ? t[..57] + "..." : t;
    }
}
