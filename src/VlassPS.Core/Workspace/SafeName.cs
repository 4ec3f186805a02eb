using System.Text;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Turns any user name (J0807+0432, "my target's field", names with '/', newlines or non-ASCII) into a
/// directory/job name of letters, digits and . _ + - only, which is also safe in batch directives.
/// </summary>
public static class SafeName
{
    public const int MaxLength = 64;

    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder();
        // Normalize throws on a lone surrogate; such a name keeps its characters (they become '_' below).
        string decomposed = name.Any(char.IsSurrogate) ? name : name.Normalize(NormalizationForm.FormD);
        foreach (char c in decomposed)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;   // é -> e
            bool ok = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-';
            if (ok) sb.Append(c);
            else if (sb.Length == 0 || sb[^1] != '_') sb.Append('_');
        }
        // No hidden directories, no option-looking names, no leading or trailing filler.
        string s = sb.ToString().TrimStart('.', '-', '_').TrimEnd('_');
        if (s.Length > MaxLength) s = s[..MaxLength].TrimEnd('_', '.');
        return s.Length == 0 ? "workspace" : s;
    }

    public static bool IsSafe(string name) => name.Length > 0 && From(name) == name;
}
