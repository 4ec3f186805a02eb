using System.Globalization;
using System.Text;

namespace VlassPS.Core.Fits;

/// <summary>Formats header cards in FITS fixed format (values right-aligned to column 30, strings from column 11).</summary>
internal static class FitsCardFormatter
{
    public static IEnumerable<string> Format(string keyword, object? value, string? comment)
    {
        if (keyword.Length > 8) throw new ArgumentException($"Keyword '{keyword}' is longer than 8 characters.", nameof(keyword));
        foreach (var ch in keyword)
            if (!(ch is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_'))
                throw new ArgumentException($"Keyword '{keyword}' has the invalid character '{ch}'.", nameof(keyword));
        if (keyword is "COMMENT" or "HISTORY" or "")
        {
            foreach (var chunk in Chunk(Ascii(value?.ToString() ?? comment ?? ""), 72))
                yield return Pad(keyword.PadRight(8) + chunk);
            yield break;
        }
        if (value is string s)
        {
            foreach (var card in FormatString(keyword, Ascii(s), comment)) yield return card;
            yield break;
        }
        var text = value switch
        {
            null => "",
            bool b => (b ? "T" : "F").PadLeft(20),
            long or int or short or byte => System.Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture).PadLeft(20),
            double d => FormatReal(d).PadLeft(20),
            float f => FormatReal(f).PadLeft(20),
            _ => throw new ArgumentException($"Cannot write a value of type {value.GetType().Name}.", nameof(value)),
        };
        yield return Pad(keyword.PadRight(8) + "= " + text + CommentText(comment, 80 - 10 - text.Length));
    }

    public static string FormatReal(double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException("FITS header values must be finite.", nameof(d));
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Length > 20) r = d.ToString("E14", CultureInfo.InvariantCulture);
        if (!r.Contains('.') && !r.Contains('E')) r += ".0";
        return r;
    }

    private static IEnumerable<string> FormatString(string keyword, string s, string? comment)
    {
        // Fits on one card: 'value' padded to at least 8 characters inside the quotes.
        var quoted = Quote(s.PadRight(8));
        if (quoted.Length <= 70)
        {
            yield return Pad(keyword.PadRight(8) + "= " + quoted + CommentText(comment, 70 - quoted.Length));
            yield break;
        }
        // CONTINUE convention: pieces of at most 67 characters (doubled quotes count twice) ending in '&'.
        var pieces = SplitForContinue(s, 66);
        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            var piece = Quote(pieces[i] + (last ? "" : "&"));
            var head = i == 0 ? keyword.PadRight(8) + "= " : "CONTINUE  ";
            yield return Pad(head + piece + (last ? CommentText(comment, 70 - piece.Length) : ""));
        }
    }

    private static List<string> SplitForContinue(string s, int maxQuotedChars)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        var used = 0;
        foreach (var ch in s)
        {
            var cost = ch == '\'' ? 2 : 1;
            if (used + cost > maxQuotedChars) { list.Add(sb.ToString()); sb.Clear(); used = 0; }
            sb.Append(ch);
            used += cost;
        }
        list.Add(sb.ToString());
        return list;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    private static string CommentText(string? comment, int room)
    {
        if (string.IsNullOrEmpty(comment) || room < 4) return "";
        var c = " / " + Ascii(comment);
        return c.Length > room ? c[..room] : c;
    }

    private static IEnumerable<string> Chunk(string s, int n)
    {
        if (s.Length == 0) { yield return ""; yield break; }
        for (var i = 0; i < s.Length; i += n) yield return s.Substring(i, Math.Min(n, s.Length - i));
    }

    // Header text must be printable ASCII; anything else becomes '?'.
    private static string Ascii(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++) if (chars[i] is < ' ' or > '~') chars[i] = '?';
        return new string(chars);
    }

    private static string Pad(string card) => card.Length > 80 ? card[..80] : card.PadRight(80);
}
