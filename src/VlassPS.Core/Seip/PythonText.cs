namespace VlassPS.Core.Seip;

/// <summary>Python's notion of whitespace and line splitting, which differs from .NET's.</summary>
internal static class PythonText
{
    /// <summary><c>str.isspace()</c> for one character (includes U+001C..U+001F; .NET's IsWhiteSpace does not).</summary>
    public static bool IsSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' => true,
        '\x1c' or '\x1d' or '\x1e' or '\x1f' or '\x85' or '\xa0' => true,
        '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        >= '\u2000' and <= '\u200a' => true,
        _ => false,
    };

    /// <summary><c>str.strip()</c>.</summary>
    public static string Strip(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpace(s[a])) a++;
        while (b > a && IsSpace(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>Index of the first non-space character (Python's rule), or the length.</summary>
    public static int LeadingSpace(string s, int from)
    {
        int i = from;
        while (i < s.Length && IsSpace(s[i])) i++;
        return i;
    }

    /// <summary>
    /// Lines as Python's text-mode file iteration yields them (universal newlines: \r\n, \r and \n
    /// all end a line), without the terminators.
    /// </summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
