using System.IO.Compression;

namespace VlassPS.Core.Seip;

/// <summary>
/// Python's <c>\N{name}</c> lookup (CPython unicodedata _getcode with aliases, without named sequences): character
/// names and formal aliases case-insensitively (ASCII only), HANGUL SYLLABLE and CJK UNIFIED IDEOGRAPH names
/// computed, exactly as spelled in upper case. The table (UnicodeNames.txt.gz, written by
/// tools/make-unicode-names.py from Python itself) is loaded on the first named escape only.
/// </summary>
internal static class UnicodeNames
{
    private static readonly Lazy<(Dictionary<string, int> Names, List<(int First, int Last)> Cjk)> Table = new(Load);

    // Hangul syllable name parts (Unicode §3.12, Jamo short names).
    private static readonly string[] Leading = { "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H" };
    private static readonly string[] Vowel = { "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I" };
    private static readonly string[] Trailing = { "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H" };

    /// <summary>The code point Python gives <paramref name="name"/>, or -1 for an unknown name.</summary>
    public static int Lookup(string name)
    {
        if (name.Length == 0 || name.Length > 256) return -1;
        const string cjk = "CJK UNIFIED IDEOGRAPH-";
        if (name.StartsWith(cjk, StringComparison.Ordinal))
        {
            var hex = name.AsSpan(cjk.Length);
            if (hex.Length is not (4 or 5)) return -1;
            int cp = 0;
            foreach (var h in hex)
            {
                if (h is >= '0' and <= '9') cp = cp * 16 + (h - '0');
                else if (h is >= 'A' and <= 'F') cp = cp * 16 + (h - 'A' + 10);
                else return -1;
            }
            return Table.Value.Cjk.Any(r => cp >= r.First && cp <= r.Last) ? cp : -1;
        }
        const string hangul = "HANGUL SYLLABLE ";
        if (name.StartsWith(hangul, StringComparison.Ordinal)) return Hangul(name[hangul.Length..]);
        foreach (var c in name)
            if (c > 127) return -1;
        return Table.Value.Names.TryGetValue(name.ToUpperInvariant(), out var code) ? code : -1;
    }

    // Longest leading, then vowel, then trailing part, as CPython's find_syllable does.
    private static int Hangul(string rest)
    {
        int pos = 0;
        int l = Longest(rest, ref pos, Leading), v = Longest(rest, ref pos, Vowel), t = Longest(rest, ref pos, Trailing);
        if (l < 0 || v < 0 || t < 0 || pos != rest.Length) return -1;
        return 0xAC00 + (l * Vowel.Length + v) * Trailing.Length + t;
    }

    private static int Longest(string s, ref int pos, string[] parts)
    {
        int best = -1, bestLength = -1;
        for (int i = 0; i < parts.Length; i++)
            if (parts[i].Length > bestLength && pos + parts[i].Length <= s.Length && string.CompareOrdinal(s, pos, parts[i], 0, parts[i].Length) == 0)
            {
                best = i;
                bestLength = parts[i].Length;
            }
        if (best >= 0) pos += bestLength;
        return best;
    }

    private static (Dictionary<string, int>, List<(int, int)>) Load()
    {
        var names = new Dictionary<string, int>(40000, StringComparer.Ordinal);
        var cjk = new List<(int, int)>();
        using var stream = typeof(UnicodeNames).Assembly.GetManifestResourceStream("VlassPS.Core.Seip.UnicodeNames.txt.gz")
            ?? throw new InvalidOperationException("The Unicode name table is missing from VlassPS.Core.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(';');
            if (parts[0] == "CJK") cjk.Add((Convert.ToInt32(parts[1], 16), Convert.ToInt32(parts[2], 16)));
            else names.TryAdd(parts[1], Convert.ToInt32(parts[0], 16));
        }
        return (names, cjk);
    }
}
