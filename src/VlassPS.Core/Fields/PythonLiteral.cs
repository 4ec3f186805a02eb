using System.Globalization;
using System.Text;

namespace VlassPS.Core.Fields;

/// <summary>
/// Python source text for arbitrary user strings: a single-quoted literal in pure ASCII (everything outside
/// printable ASCII, quotes and backslashes escaped), so names with quotes, newlines, backslashes or non-ASCII
/// characters can never break or inject into a generated script.
/// </summary>
public static class PythonLiteral
{
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('\'');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c >= 0x20 && c < 0x7F) sb.Append(c);
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("x8", CultureInfo.InvariantCulture));
                        i++;
                    }
                    else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>Text safe inside a one-line # comment: the literal form without the quotes.</summary>
    public static string Comment(string value)
    {
        string lit = String(value);
        return lit[1..^1];
    }
}
