using System.Globalization;
using System.Text.RegularExpressions;

namespace VlassPS.Core.Archive;

/// <summary>The parts of a VLASS execution-block name <c>&lt;epoch&gt;.sb&lt;SB&gt;.eb&lt;EB&gt;.&lt;MJD int&gt;.&lt;MJD fraction digits&gt;</c>.</summary>
public readonly partial record struct ExecutionBlockName(string Name, string Epoch, long SbId, long EbId, double Mjd)
{
    /// <summary>The MJD fraction keeps its digits (trailing zeros are dropped by NRAO), so MJD = int + "0." + digits.</summary>
    public static bool TryParse(string? text, out ExecutionBlockName name)
    {
        name = default;
        if (text is null) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        if (!long.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out long sb)
            || !long.TryParse(m.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out long eb))
            return false;
        double mjd = double.Parse(m.Groups[4].Value + "." + m.Groups[5].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        name = new ExecutionBlockName(text, m.Groups[1].Value, sb, eb, mjd);
        return true;
    }

    public static ExecutionBlockName Parse(string text)
        => TryParse(text, out var n) ? n
            : throw new FormatException($"'{text}' is not a VLASS execution-block name like VLASS2.1.sb38561374.eb38565040.59070.62333981482.");

    [GeneratedRegex(@"^(VLASS[0-9]+\.[0-9])\.sb([0-9]+)\.eb([0-9]+)\.([0-9]{5})\.([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
