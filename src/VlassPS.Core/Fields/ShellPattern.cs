namespace VlassPS.Core.Fields;

/// <summary>Python fnmatch.fnmatchcase semantics: * any run, ? one character, [seq] / [!seq] sets; case-sensitive.</summary>
public static class ShellPattern
{
    public static bool IsMatch(string text, string pattern) => Match(text, 0, pattern, 0);

    private static bool Match(string s, int si, string p, int pi)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            if (c == '*')
            {
                while (pi < p.Length && p[pi] == '*') pi++;
                if (pi == p.Length) return true;
                for (int k = si; k <= s.Length; k++)
                    if (Match(s, k, p, pi)) return true;
                return false;
            }
            if (si >= s.Length) return false;
            if (c == '?') { si++; pi++; continue; }
            if (c == '[')
            {
                int close = FindClose(p, pi);
                if (close < 0) { if (s[si] != '[') return false; si++; pi++; continue; }
                if (!InSet(s[si], p, pi + 1, close)) return false;
                si++;
                pi = close + 1;
                continue;
            }
            if (s[si] != c) return false;
            si++;
            pi++;
        }
        return si == s.Length;
    }

    private static int FindClose(string p, int open)
    {
        int i = open + 1;
        if (i < p.Length && p[i] == '!') i++;
        if (i < p.Length && p[i] == ']') i++;
        while (i < p.Length && p[i] != ']') i++;
        return i < p.Length ? i : -1;
    }

    private static bool InSet(char ch, string p, int from, int close)
    {
        bool negate = from < close && p[from] == '!';
        if (negate) from++;
        bool hit = false;
        for (int i = from; i < close; i++)
        {
            if (i + 2 < close && p[i + 1] == '-')
            {
                if (ch >= p[i] && ch <= p[i + 2]) hit = true;
                i += 2;
            }
            else if (p[i] == ch) hit = true;
        }
        return hit != negate;
    }
}
