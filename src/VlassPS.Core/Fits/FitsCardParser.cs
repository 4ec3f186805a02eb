using System.Globalization;
using System.Text;

namespace VlassPS.Core.Fits;

/// <summary>
/// Parses 80-byte header records (FITS Standard 4.0, section 4): fixed and free format values,
/// quoted strings with doubled quotes, HIERARCH, commentary cards, and the CONTINUE long-string
/// convention. Any deviation we cannot interpret raises <see cref="FitsFormatException"/>.
/// </summary>
internal static class FitsCardParser
{
    public const int CardLength = 80;
    public const int BlockLength = 2880;

    /// <summary>One raw parse of a single card, before CONTINUE merging.</summary>
    internal readonly record struct RawCard(string Keyword, object? Value, string? Comment, bool HasValue, bool IsEnd, bool IsContinue);

    public static RawCard ParseCard(ReadOnlySpan<byte> card, int index, long offset)
    {
        for (var i = 0; i < CardLength; i++)
        {
            var b = card[i];
            if (b < 0x20 || b > 0x7E)
                throw new FitsFormatException($"Header card contains the non-printable byte 0x{b:X2} at column {i + 1}", offset + i, index);
        }
        var text = Encoding.ASCII.GetString(card[..CardLength]);
        var keyword = text[..8].TrimEnd();
        ValidateKeyword(keyword, index, offset);

        if (keyword == "END")
        {
            if (text.AsSpan(8).Trim().Length != 0)
                throw new FitsFormatException("END card has text after the keyword", offset, index);
            return new RawCard("END", null, null, false, true, false);
        }
        if (keyword == "CONTINUE" && text[8] == ' ' && text[9] == ' ')
        {
            var body = text[10..];
            var (value, comment) = ParseValue(body, index, offset + 10, allowNonString: false);
            return new RawCard("CONTINUE", value, comment, true, false, true);
        }
        if (keyword == "HIERARCH")
        {
            var eq = text.IndexOf('=', 8);
            if (eq < 0)
                return new RawCard("HIERARCH", null, text[8..].TrimEnd(), false, false, false);
            var name = string.Join(' ', text[8..eq].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
            if (name.Length == 0)
                throw new FitsFormatException("HIERARCH card has no keyword before '='", offset, index);
            var (v, c) = ParseValue(text[(eq + 1)..], index, offset + eq + 1, allowNonString: true);
            return new RawCard(name, v, c, true, false, false);
        }
        if (text[8] == '=' && text[9] == ' ')
        {
            var (v, c) = ParseValue(text[10..], index, offset + 10, allowNonString: true);
            return new RawCard(keyword, v, c, true, false, false);
        }
        // Commentary: COMMENT, HISTORY, blank keyword, or any keyword without a value indicator.
        return new RawCard(keyword, null, text[8..].TrimEnd(), false, false, false);
    }

    private static void ValidateKeyword(string keyword, int index, long offset)
    {
        foreach (var ch in keyword)
        {
            var ok = ch is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_';
            if (!ok)
                throw new FitsFormatException($"Keyword '{keyword}' contains the character '{ch}' (only A-Z, 0-9, '-' and '_' are allowed)", offset, index);
        }
    }

    /// <summary>Parses the value field (after "= "): returns the value and the comment after '/'.</summary>
    private static (object? Value, string? Comment) ParseValue(string field, int index, long offset, bool allowNonString)
    {
        var i = 0;
        while (i < field.Length && field[i] == ' ') i++;
        if (i < field.Length && field[i] == '\'')
        {
            var sb = new StringBuilder();
            var j = i + 1;
            while (true)
            {
                if (j >= field.Length)
                    throw new FitsFormatException("String value has no closing quote", offset + i, index);
                if (field[j] == '\'')
                {
                    if (j + 1 < field.Length && field[j + 1] == '\'') { sb.Append('\''); j += 2; continue; }
                    break;
                }
                sb.Append(field[j]);
                j++;
            }
            var rest = field[(j + 1)..];
            var comment = ParseComment(rest, index, offset + j + 1);
            // Trailing spaces in a string value are not significant; leading ones are.
            return (sb.ToString().TrimEnd(' '), comment);
        }
        if (!allowNonString)
        {
            if (field.AsSpan(i).Trim().Length == 0) return ("", null);
            throw new FitsFormatException("CONTINUE card does not hold a quoted string", offset + i, index);
        }
        var slash = field.IndexOf('/', i);
        var token = (slash < 0 ? field[i..] : field[i..slash]).Trim();
        var comm = slash < 0 ? null : field[(slash + 1)..].Trim();
        if (token.Length == 0) return (null, comm);
        if (token == "T") return (true, comm);
        if (token == "F") return (false, comm);
        if (token[0] == '(')
        {
            // Complex values are rare in images; keep their text.
            if (token[^1] != ')')
                throw new FitsFormatException($"Malformed complex value '{token}'", offset + i, index);
            return (token, comm);
        }
        if (IsInteger(token))
        {
            if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return (l, comm);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var big)) return (big, comm);
        }
        if (IsReal(token))
        {
            var normalized = token.Replace('D', 'E').Replace('d', 'e');
            if (double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return (d, comm);
        }
        throw new FitsFormatException($"Malformed value '{token}'", offset + i, index);
    }

    private static string? ParseComment(string rest, int index, long offset)
    {
        var k = 0;
        while (k < rest.Length && rest[k] == ' ') k++;
        if (k == rest.Length) return null;
        if (rest[k] != '/')
            throw new FitsFormatException("Text after a string value does not start a comment with '/'", offset + k, index);
        return rest[(k + 1)..].Trim();
    }

    private static bool IsInteger(string s)
    {
        var i = s[0] is '+' or '-' ? 1 : 0;
        if (i >= s.Length) return false;
        for (; i < s.Length; i++) if (s[i] is < '0' or > '9') return false;
        return true;
    }

    // [sign] digits [. digits] [E|D [sign] digits], at least one digit in the mantissa.
    private static bool IsReal(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-') i++;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < s.Length && s[i] is 'E' or 'D' or 'e' or 'd')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            var exp = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == s.Length;
    }
}
