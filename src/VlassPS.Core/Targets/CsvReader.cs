using System.Text;

namespace VlassPS.Core.Targets;

/// <summary>RFC 4180 CSV (quoted fields, doubled quotes, embedded commas and newlines); also tab- or semicolon-separated.</summary>
public static class CsvReader
{
    /// <summary>A target row is short; a field this long is not a target list (and must not fill memory).</summary>
    public const int MaxFieldLength = 1 << 20;

    /// <summary>Records with the 1-based line number each starts on.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1, c;
        while ((c = reader.Read()) != -1)
        {
            char ch = (char)c;
            any = true;
            if (field.Length > MaxFieldLength)
                throw new FormatException($"Line {start}: a field is longer than {MaxFieldLength:N0} characters; this is not a target list.");
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0) yield return (start, fields.ToArray());
                fields.Clear();
                any = false;
                start = ++line;
            }
            else field.Append(ch);
        }
        if (quoted) throw new FormatException($"Line {start}: a quoted field is not closed.");
        if (any)
        {
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0) yield return (start, fields.ToArray());
        }
    }
}
