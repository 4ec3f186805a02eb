using System.Globalization;

namespace VlassPS.Core.Sky;

/// <summary>Sexagesimal and IAU formatting, with carries handled so that 59.9999 never prints as 60.</summary>
internal static class SexagesimalFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Casa(SkyPosition p, int raDecimals, int decDecimals)
        => $"{p.Frame} {Ra(p.RaDeg, raDecimals, ':')} {Dec(p.DecDeg, decDecimals, '.')}";

    public static string Sexagesimal(SkyPosition p, int raDecimals, int decDecimals)
        => $"{Ra(p.RaDeg, raDecimals, ':')} {Dec(p.DecDeg, decDecimals, ':')}";

    public static string Ra(double raDeg, int decimals, char sep)
    {
        var (h, m, s) = Split(raDeg / 15.0, decimals, round: true);
        if (h >= 24) h -= 24;
        return $"{h:00}{sep}{m:00}{sep}{Seconds(s, decimals)}";
    }

    public static string Dec(double decDeg, int decimals, char sep)
    {
        var (d, m, s) = Split(Math.Abs(decDeg), decimals, round: true);
        char sign = decDeg < 0 || (decDeg == 0 && double.IsNegative(decDeg)) ? '-' : '+';
        return $"{sign}{d:00}{sep}{m:00}{sep}{Seconds(s, decimals)}";
    }

    /// <summary>
    /// RA and Dec in degrees with at most <paramref name="decimals"/> decimals (trailing zeros dropped unless
    /// <paramref name="fixedDecimals"/>): an RA that rounds up to 360 is 0, so 359.9999999999999 never prints as 360.
    /// </summary>
    public static string RaDegrees(double raDeg, int decimals, bool fixedDecimals)
    {
        double r = Math.Round(raDeg, decimals, MidpointRounding.AwayFromZero);
        if (r >= 360) r -= 360;
        if (r == 0) r = 0;   // no "-0"
        return r.ToString(fixedDecimals ? "0." + new string('0', decimals) : "0." + new string('#', decimals), Inv);
    }

    public static string DecDegrees(double decDeg, int decimals)
    {
        double d = Math.Round(decDeg, decimals, MidpointRounding.AwayFromZero);
        string fmt = "0." + new string('#', decimals);
        return d > 0 ? "+" + d.ToString(fmt, Inv) : d < 0 ? d.ToString(fmt, Inv) : "0";
    }

    /// <summary>IAU designation JHHMMSS.ss±DDMMSS.s; components are truncated, as the IAU recommends.</summary>
    public static string IauName(SkyPosition p)
    {
        var (h, m, s) = Split(p.RaDeg / 15.0, 2, round: false);
        // The float tolerance of the truncation can reach 24h just below 360°: a truncated RA stays below 24h.
        if (h >= 24) (h, m, s) = (23, 59, 59.99m);
        var (d, dm, ds) = Split(Math.Abs(p.DecDeg), 1, round: false);
        char sign = p.DecDeg < 0 ? '-' : '+';
        return string.Create(Inv, $"J{h:00}{m:00}{Seconds(s, 2)}{sign}{d:00}{dm:00}{Seconds(ds, 1)}");
    }

    // Splits a value into whole units, minutes and seconds at the given decimal resolution.
    private static (long Whole, long Min, decimal Sec) Split(double value, int decimals, bool round)
    {
        decimal scale = (decimal)Math.Pow(10, decimals);
        decimal total = (decimal)value * 3600m * scale;
        // Truncation allows for binary floating point: 00:02:00 is 0.0333…h, which must not truncate to 00:01:59.99.
        total = round ? Math.Round(total, MidpointRounding.AwayFromZero) : Math.Floor(total + 1e-6m);
        long ticksPerMin = (long)(60m * scale), ticksPerUnit = (long)(3600m * scale);
        long t = (long)total;
        long whole = t / ticksPerUnit;
        long min = t % ticksPerUnit / ticksPerMin;
        decimal sec = t % ticksPerMin / scale;
        return (whole, min, sec);
    }

    private static string Seconds(decimal s, int decimals)
    {
        string fmt = decimals > 0 ? "00." + new string('0', decimals) : "00";
        return s.ToString(fmt, Inv);
    }
}
