using System.Globalization;
using System.Text;

namespace VlassPS.Core.Seip;

/// <summary>
/// Writes <see cref="PyValue"/>s as ASCII-only, single-line Python source that <c>ast.literal_eval</c>
/// turns back into exactly the same value: strings single-quoted with every non-printable or
/// non-ASCII character escaped, floats in Python's shortest round-trip <c>repr</c> form.
/// </summary>
public static class PyLiteralWriter
{
    public static string Write(PyValue value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, PyValue value)
    {
        switch (value)
        {
            case PyStr s: AppendString(sb, s.Value); break;
            case PyInt i: sb.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case PyFloat f: sb.Append(FormatFloat(f.Value)); break;
            case PyBool b: sb.Append(b.Value ? "True" : "False"); break;
            case PyNone: sb.Append("None"); break;
            case PyList l:
                sb.Append('[');
                AppendItems(sb, l.Items);
                sb.Append(']');
                break;
            case PyTuple t:
                sb.Append('(');
                AppendItems(sb, t.Items);
                if (t.Count == 1) sb.Append(',');   // (x,) is a tuple, (x) is not
                sb.Append(')');
                break;
            case PyDict d:
                sb.Append('{');
                for (int i = 0; i < d.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, d[i].Key);
                    sb.Append(": ");
                    Append(sb, d[i].Value);
                }
                sb.Append('}');
                break;
            default:
                throw new ArgumentException($"Unknown Python value type {value.GetType().Name}.", nameof(value));
        }
    }

    private static void AppendItems(StringBuilder sb, IReadOnlyList<PyValue> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Append(sb, items[i]);
        }
    }

    /// <summary>A single-quoted Python str literal in pure printable ASCII.</summary>
    public static string QuoteString(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendString(sb, value);
        return sb.ToString();
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('\'');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); continue;
                case '\'': sb.Append(@"\'"); continue;
                case '\n': sb.Append(@"\n"); continue;
                case '\r': sb.Append(@"\r"); continue;
                case '\t': sb.Append(@"\t"); continue;
            }
            if (c >= 0x20 && c < 0x7F) { sb.Append(c); continue; }
            if (c < 0x100) { sb.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); continue; }
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[i + 1]);
                sb.Append(@"\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
                i++;
                continue;
            }
            // BMP characters, and lone surrogates (Python str can hold them too).
            sb.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        sb.Append('\'');
    }

    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest digits that round-trip, fixed notation for decimal
    /// exponents in [-4, 16), scientific otherwise, and always a '.' or an exponent so that it stays a float.
    /// Infinity and NaN have no literal form and are refused.
    /// </summary>
    public static string FormatFloat(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "inf and nan are not Python literals; ast.literal_eval cannot read them back.");
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is. Decompose "R" into sign, significant digits and decimal exponent.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative) r = r[1..];
        int exp10 = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0) { exp10 = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture); r = r[..e]; }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r, fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = intPart + fracPart;
        int decpt = intPart.Length + exp10;     // value = 0.DIGITS * 10^decpt
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; decpt--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) sb.Append("0.").Append('0', -decpt).Append(digits);
            else if (decpt < digits.Length) sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
            else sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int x = decpt - 1;
            sb.Append('e').Append(x < 0 ? '-' : '+').Append(Math.Abs(x).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
