using System.Globalization;
using System.Text.RegularExpressions;

namespace VlassPS.Core.Archive;

/// <summary>
/// A quick-look/SE image directory name
/// <c>&lt;epoch&gt;.&lt;type&gt;.&lt;tile&gt;.J&lt;hhmmss&gt;&lt;±ddmmss&gt;.&lt;pixel&gt;.&lt;bandwidth&gt;.v&lt;version&gt;</c>.
/// </summary>
public readonly partial record struct ImageDirectoryName(string Name, string Epoch, string ImageType, string Tile, string JName, int Version)
{
    /// <summary>Accepts a bare name, with or without a trailing slash.</summary>
    public static bool TryParse(string? text, out ImageDirectoryName name)
    {
        name = default;
        if (text is null) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        if (!int.TryParse(m.Groups[8].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int version)) return false;
        name = new ImageDirectoryName(text.TrimEnd('/'), m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value,
            "J" + m.Groups[4].Value + m.Groups[5].Value, version);
        return true;
    }

    [GeneratedRegex(@"^(VLASS[0-9]+\.[0-9])\.(ql|se|cc)\.(T[0-9][0-9]t[0-9][0-9])\.J([0-9]{6})([+-][0-9]{6})\.([0-9][0-9])\.([0-9]{4})\.v([0-9]+)/?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
