using System.Globalization;
using System.Text;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Quotes one word for bash so that it is passed verbatim and never expanded: plain single quotes for
/// printable ASCII ('\'' for a quote), and ANSI-C <c>$'...'</c> with \xHH bytes (UTF-8) for anything
/// else (line breaks, control and non-ASCII characters), which keeps scripts ASCII and one word per line
/// and does not depend on the locale. Words containing $ or a backtick also use <c>$'...'</c>, so that
/// shellcheck does not mistake them for expansions.
/// </summary>
public static class ShellQuote
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Contains('\0')) throw new ArgumentException("A command-line word cannot contain a NUL character.", nameof(word));
        if (word.Length > 0 && word.All(IsBare)) return word;
        bool plain = word.All(c => c >= ' ' && c <= '~' && c != '$' && c != '`');
        if (plain) return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        var sb = new StringBuilder("$'");
        foreach (byte b in Encoding.UTF8.GetBytes(word))
        {
            char c = (char)b;
            if (c == '\'' || c == '\\') sb.Append('\\').Append(c);
            else if (b >= 0x20 && b < 0x7F) sb.Append(c);
            else sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return sb.Append('\'').ToString();
    }

    // Characters that never need quoting in bash (no globbing, expansion, or word splitting).
    private static bool IsBare(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '+' or '=' or ',' or '@' or '%';

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
