using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VlassPS.Core.Sky;

/// <summary>
/// Reads the position forms users paste: decimal degrees ("121.98974 4.54293", "121.98974,4.54293"),
/// sexagesimal with colons, spaces or h/m/s d/m/s letters, CASA phasecenters with a frame and a dotted
/// declination ("J2000 08:07:57.5 +04.32.34.6"), Unicode minus and degree/prime symbols.
/// Every failure is a <see cref="PositionFormatException"/> that names the offending part.
/// </summary>
public static class SkyPositionParser
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Num = @"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?";
    private static readonly Regex FramePrefix = new(@"^\s*([A-Za-z][A-Za-z0-9_]*)\s+(?=[0-9+\-.])", RegexOptions.Compiled);
    // Units glue to their number ("08 h" -> "08h"); an integer component with a unit glues to the next
    // component ("08h 07m" -> "08h07m"), but a decimal one ends the coordinate ("8.13h 4.5" stays apart).
    private static readonly Regex GlueUnitLetter = new(@"([0-9])\s+([hmsd:])", RegexOptions.Compiled);
    private static readonly Regex GlueUnits = new(@"(?<=(?:^|[^0-9.])[0-9]+)([hmd:])\s+(?=[0-9])", RegexOptions.Compiled);
    private static readonly Regex GlueSign = new(@"([+\-])\s+(?=[0-9.])", RegexOptions.Compiled);
    private static readonly Regex DecimalToken = new($@"^\+?({Num})(deg|d|h)?$", RegexOptions.Compiled);
    private static readonly Regex ColonToken = new($@"^([0-9]+):([0-9]+):({Num})$", RegexOptions.Compiled);
    private static readonly Regex HourLetters = new($@"^([0-9]+)h([0-9]+)m({Num})s?$", RegexOptions.Compiled);
    private static readonly Regex DegreeLetters = new($@"^([0-9]+)d([0-9]+)m({Num})s?$", RegexOptions.Compiled);
    private static readonly Regex DottedToken = new($@"^([0-9]+)\.([0-9]+)\.({Num})$", RegexOptions.Compiled);

    // The module's own IAU designations (J080757.53+043234.5): truncated sexagesimal without separators.
    private static readonly Regex IauDesignation = new(@"^\s*J(\d{2})(\d{2})(\d{2}(?:\.\d+)?)([+\-\u2212])(\d{2})(\d{2})(\d{2}(?:\.\d+)?)\s*$", RegexOptions.Compiled);

    /// <summary>
    /// For an IAU designation (J080757.53+043234.5), how far the true position may lie from the one it is read
    /// as: IAU names truncate, so RA may be up to one unit of its last digit (seconds of time) larger and |Dec|
    /// up to one unit of its last digit (arcsec) larger. Null for any other text.
    /// </summary>
    public static (double RaSeconds, double DecArcsec)? IauTruncation(string text)
    {
        var m = IauDesignation.Match(text ?? "");
        if (!m.Success) return null;
        static double Unit(string v) => v.Contains('.') ? Math.Pow(10, -(v.Length - v.IndexOf('.') - 1)) : 1.0;
        return (Unit(m.Groups[3].Value), Unit(m.Groups[7].Value));
    }

    /// <summary>
    /// A position from separate RA and Dec texts (two columns, or -Ra/-Dec): decimal degrees when both are
    /// numbers (RA in hours with <see cref="RaUnit.Hours"/>), else sexagesimal as in <see cref="Parse"/>.
    /// </summary>
    public static SkyPosition FromParts(string ra, string dec, RaUnit raUnit = RaUnit.Auto)
    {
        ra = (ra ?? "").Trim();
        dec = (dec ?? "").Trim();
        if (double.TryParse(ra, NumberStyles.Float, Inv, out double r) && double.TryParse(dec.Replace('\u2212', '-'), NumberStyles.Float, Inv, out double d))
        {
            if (double.IsNaN(r) || double.IsInfinity(r)) throw new PositionFormatException($"Right ascension '{ra}' is not a finite number.", ra);
            double deg = raUnit == RaUnit.Hours ? r * 15.0 : r;
            if (deg < 0 || deg >= 360)
                throw new PositionFormatException($"Right ascension '{ra}' is outside [0, {(raUnit == RaUnit.Hours ? "24) hours" : "360) degrees")}.", ra);
            if (!(d >= -90 && d <= 90)) throw new PositionFormatException($"Declination '{dec}' is outside [-90, 90] degrees.", dec);
            return new SkyPosition(deg, d);
        }
        if (ra.Length == 0) throw new PositionFormatException("The right ascension is empty.", ra);
        if (dec.Length == 0) throw new PositionFormatException("The declination is empty.", dec);
        return Parse($"{ra} {dec}", raUnit);
    }

    public static SkyPosition Parse(string text, RaUnit raUnit = RaUnit.Auto)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new PositionFormatException("The position is empty.", text ?? "");
        var iau = IauDesignation.Match(text);
        if (iau.Success)
        {
            var g = iau.Groups;
            text = $"{g[1].Value}:{g[2].Value}:{g[3].Value} {(g[4].Value == "+" ? "+" : "-")}{g[5].Value}:{g[6].Value}:{g[7].Value}";
        }

        string s = Normalize(text);
        string frame = "J2000";
        var fm = FramePrefix.Match(s);
        if (fm.Success)
        {
            frame = fm.Groups[1].Value;
            try { frame = SkyFrames.Normalize(frame); }
            catch (PositionFormatException)
            {
                throw new PositionFormatException(
                    $"Frame '{fm.Groups[1].Value}' in '{text}' is not supported: VLASS positions must be J2000 or ICRS (convert other frames first).",
                    fm.Groups[1].Value);
            }
            s = s[fm.Length..];
        }

        var (raText, decText) = Split(s, text);
        double ra = ParseRa(raText, raUnit, text);
        double dec = ParseDec(decText, text);
        if (ra >= 360.0 && ra < 360.0 + 1e-9) ra = 0.0;
        return new SkyPosition(ra, dec, frame);
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Trim())
        {
            sb.Append(c switch
            {
                '\u2212' or '\u2013' or '\u2012' or '\uFE63' or '\uFF0D' => '-',
                '\u00B0' or '\u00BA' => 'd',
                '\u2032' or '\'' => 'm',
                '\u2033' or '"' => 's',
                '\t' or '\u00A0' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }
        var s = sb.ToString().Replace("deg", "d", StringComparison.Ordinal);
        // Restore the frame word's case-insensitivity handled later; glue "08h 07m" and "+ 04" together.
        s = GlueSign.Replace(s, "$1");
        s = GlueUnitLetter.Replace(s, "$1$2");
        s = GlueUnits.Replace(s, "$1");
        return s.Trim();
    }

    private static (string Ra, string Dec) Split(string s, string original)
    {
        string[] parts;
        if (s.Contains(','))
        {
            parts = s.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new PositionFormatException($"Could not read '{original}' as a position: expected 'RA, Dec'.", original);
            return (parts[0].Replace(" ", ":"), parts[1].Replace(" ", ":"));
        }
        parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2) return (parts[0], parts[1]);
        if (parts.Length == 6) return ($"{parts[0]}:{parts[1]}:{parts[2]}", $"{parts[3]}:{parts[4]}:{parts[5]}");
        // A sign glued to the RA ("08:07:57.5+04:32:34.6") is common in copied names.
        if (parts.Length == 1)
        {
            int i = s.IndexOfAny(new[] { '+', '-' }, 1);
            if (i > 0) return (s[..i], s[i..]);
        }
        throw new PositionFormatException(
            $"Could not read '{original}' as a position: expected an RA and a Dec (e.g. '121.98974 4.54293' or '08:07:57.5 +04:32:34.6').",
            original);
    }

    private static double ParseRa(string token, RaUnit unit, string original)
    {
        if (token.StartsWith('-'))
            throw new PositionFormatException($"Right ascension '{token}' in '{original}' is negative.", token);
        Match m;
        if ((m = DecimalToken.Match(token)).Success)
        {
            double v = D(m.Groups[1].Value);
            bool hours = m.Groups[2].Value == "h" || (m.Groups[2].Value.Length == 0 && unit == RaUnit.Hours);
            return CheckRa(hours ? v * 15.0 : v, token, original, hours);
        }
        bool letters = false;
        if ((m = ColonToken.Match(token)).Success || (letters = (m = HourLetters.Match(token)).Success))
        {
            bool hours = letters || unit != RaUnit.Degrees;
            double v = Sexagesimal(m, token, original, hours ? 24 : 360);
            return CheckRa(hours ? v * 15.0 : v, token, original, hours);
        }
        if ((m = DegreeLetters.Match(token)).Success)
            return CheckRa(Sexagesimal(m, token, original, 360), token, original, false);
        if (DottedToken.IsMatch(token))
            throw new PositionFormatException(
                $"Right ascension '{token}' in '{original}' uses dots; write it as hh:mm:ss.s (hours) or with h/m/s letters.", token);
        throw new PositionFormatException($"Could not read '{token}' in '{original}' as a right ascension.", token);
    }

    private static double ParseDec(string token, string original)
    {
        bool negative = token.StartsWith('-');
        string body = token.TrimStart('+', '-');
        if (body.Length == 0 || body.StartsWith('+') || body.StartsWith('-') || token.Length - body.Length > 1)
            throw new PositionFormatException($"Could not read '{token}' in '{original}' as a declination.", token);
        Match m;
        double v;
        if ((m = DecimalToken.Match(body)).Success && m.Groups[2].Value != "h" && !body.StartsWith('+'))
            v = D(m.Groups[1].Value);
        else if ((m = ColonToken.Match(body)).Success || (m = DegreeLetters.Match(body)).Success || (m = DottedToken.Match(body)).Success)
            v = Sexagesimal(m, token, original, 90);
        else
            throw new PositionFormatException($"Could not read '{token}' in '{original}' as a declination.", token);
        if (v > 90.0)
            throw new PositionFormatException($"Declination '{token}' in '{original}' is outside [-90, +90] degrees.", token);
        // The sign is read separately so that "-00:30:00" stays negative.
        return negative ? -v : v;
    }

    private static double Sexagesimal(Match m, string token, string original, int maxWhole)
    {
        double a = D(m.Groups[1].Value), b = D(m.Groups[2].Value), c = D(m.Groups[3].Value);
        if (b >= 60 || c >= 60)
            throw new PositionFormatException($"'{token}' in '{original}' has minutes or seconds of 60 or more.", token);
        if (a > maxWhole)
            throw new PositionFormatException($"'{token}' in '{original}' is out of range (at most {maxWhole}).", token);
        return a + b / 60.0 + c / 3600.0;
    }

    private static double CheckRa(double deg, string token, string original, bool hours)
    {
        if (deg >= 360.0 + 1e-9)
            throw new PositionFormatException(
                $"Right ascension '{token}' in '{original}' is out of range ({(hours ? "hours must be below 24" : "degrees must be below 360")}).", token);
        return deg;
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, Inv);
}
