using System.Text.RegularExpressions;

namespace VlassPS.Core.Catalog;

/// <summary>
/// Survey epoch names of the form <c>VLASSn.m</c> (VLASS1.1 … VLASS4.1 and whatever comes next).
/// The half (".1" or ".2") tells which half of the sky a tile belongs to.
/// </summary>
public static partial class VlassEpoch
{
    [GeneratedRegex(@"^VLASS([0-9]+)\.([0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex EpochPattern();

    /// <summary>Parses <c>VLASSn.m</c>; returns false for anything else (including folder names like <c>VLASS1.1v2</c>).</summary>
    public static bool TryParse(string? text, out int number, out int half)
    {
        number = 0;
        half = 0;
        if (text is null) return false;
        var m = EpochPattern().Match(text);
        if (!m.Success) return false;
        if (!int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out number)) return false;
        half = m.Groups[2].ValueSpan[0] - '0';
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _, out _);
}
