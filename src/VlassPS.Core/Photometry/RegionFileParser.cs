using System.Globalization;
using System.Text.RegularExpressions;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Photometry;

/// <summary>
/// Reads the common shapes of DS9 (.reg, version 4) and CASA CRTF (.crtf) region files in sky
/// coordinates: polygon, circle, box (DS9 box / CRTF box, centerbox, rotbox). Frames: fk5, icrs, j2000.
/// Excluded shapes (DS9 '-' prefix, CRTF '-' difference) and annotation-only entries are skipped and
/// reported in <see cref="Skipped"/>; unsupported shapes, frames and pixel coordinates are errors.
/// </summary>
public sealed partial class RegionFileParser
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public List<SkyRegion> Regions { get; } = new();

    /// <summary>Human-readable notes about lines that were skipped on purpose.</summary>
    public List<string> Skipped { get; } = new();

    public static RegionFileParser ParseFile(string path)
    {
        // Regular files only, bounded (region files are small; a FIFO or a device must not hang or fill memory).
        return Parse(VlassPS.Core.IO.InputFile.ReadAllText(path, "Region file",
            VlassPS.Core.Errors.VlassErrors.RegionFileNotFound, VlassPS.Core.Errors.VlassErrors.RegionFileMalformed, 64L << 20), path);
    }

    /// <summary>Detects the format (CRTF starts with '#CRTF'; otherwise DS9) and parses.</summary>
    public static RegionFileParser Parse(string text, string? path = null)
    {
        var p = new RegionFileParser();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var crtf = lines.FirstOrDefault(l => l.Trim().Length > 0)?.TrimStart().StartsWith("#CRTF", StringComparison.OrdinalIgnoreCase) ?? false;
        if (crtf) p.ParseCrtf(lines, path); else p.ParseDs9(lines, path);
        return p;
    }

    // ---------------- DS9 ----------------

    [GeneratedRegex(@"^\s*([+-]?)\s*([a-z]+)\s*\((.*)\)\s*(?:#(.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Ds9Shape();

    [GeneratedRegex(@"text\s*=\s*\{([^}]*)\}", RegexOptions.IgnoreCase)]
    private static partial Regex Ds9Text();

    private void ParseDs9(string[] lines, string? path)
    {
        string frame = "";
        for (var n = 0; n < lines.Length; n++)
        {
            var lineNo = n + 1;
            // A line may hold several commands separated by ';' (e.g. "fk5;circle(...)").
            foreach (var raw in SplitDs9(lines[n]))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var lower = line.ToLowerInvariant();
                if (lower.StartsWith("global") || lower.StartsWith("# region")) continue;
                if (lower is "fk5" or "icrs" or "j2000") { frame = lower; continue; }
                if (lower is "image" or "physical" or "galactic" or "ecliptic" or "fk4" or "b1950" or "linear" or "amplifier" or "detector")
                {
                    frame = lower;
                    continue;
                }
                var m = Ds9Shape().Match(line);
                if (!m.Success) throw new RegionFormatException($"Cannot read DS9 entry '{line}'", lineNo, path);
                var shape = m.Groups[2].Value.ToLowerInvariant();
                var label = m.Groups[4].Success ? Ds9Text().Match(m.Groups[4].Value) is { Success: true } t ? t.Groups[1].Value : null : null;
                if (m.Groups[1].Value == "-") { Skipped.Add($"line {lineNo}: excluded {shape} skipped"); continue; }
                if (frame is not ("fk5" or "icrs" or "j2000"))
                    throw new RegionFormatException(frame.Length == 0
                        ? "DS9 shape before any coordinate system line (fk5/icrs/j2000)"
                        : $"DS9 coordinate system '{frame}' is not supported (use fk5 or icrs)", lineNo, path);
                var args = m.Groups[3].Value.Split(',').Select(a => a.Trim()).ToArray();
                try
                {
                    Regions.Add(shape switch
                    {
                        "polygon" => Ds9Polygon(args, label),
                        "circle" when args.Length == 3 => new SkyCircleRegion(Ds9Pos(args[0], args[1]), Ds9Size(args[2])) { Label = label },
                        "box" when args.Length is 4 or 5 => new SkyBoxRegion(Ds9Pos(args[0], args[1]), Ds9Size(args[2]), Ds9Size(args[3]),
                            args.Length == 5 ? double.Parse(args[4], Inv) : 0) { Label = label },
                        "circle" or "box" => throw new FormatException($"{shape} has {args.Length} arguments"),
                        _ => throw new NotSupportedException($"DS9 shape '{shape}' is not supported (polygon, circle, box are)"),
                    });
                }
                catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
                {
                    throw new RegionFormatException($"Bad DS9 {shape}: {ex.Message}", lineNo, path);
                }
            }
        }
    }

    private static IEnumerable<string> SplitDs9(string line)
    {
        // Split on ';' outside of comments ('#' starts a comment that runs to the end).
        var hash = line.IndexOf('#');
        var body = hash < 0 ? line : line[..hash];
        var comment = hash < 0 ? "" : line[hash..];
        var parts = body.Split(';');
        for (var i = 0; i < parts.Length; i++)
            yield return i == parts.Length - 1 ? parts[i] + comment : parts[i];
    }

    private static SkyPolygonRegion Ds9Polygon(string[] args, string? label)
    {
        if (args.Length < 6 || args.Length % 2 != 0) throw new FormatException($"polygon needs an even number (>= 6) of coordinates, got {args.Length}");
        var v = new List<SkyPosition>();
        for (var i = 0; i < args.Length; i += 2) v.Add(Ds9Pos(args[i], args[i + 1]));
        return new SkyPolygonRegion(v) { Label = label };
    }

    private static SkyPosition Ds9Pos(string x, string y)
    {
        // Plain numbers are degrees; sexagesimal RA is hours (DS9 convention).
        if (double.TryParse(x, NumberStyles.Float, Inv, out var ra) && double.TryParse(y, NumberStyles.Float, Inv, out var dec))
            return new SkyPosition(Wrap(ra), dec);
        return SkyPosition.Parse(x + " " + y);
    }

    private static double Ds9Size(string s)
    {
        s = s.Trim();
        if (s.EndsWith('"')) return double.Parse(s[..^1], Inv);
        if (s.EndsWith('\'')) return double.Parse(s[..^1], Inv) * 60;
        if (s.EndsWith('d')) return double.Parse(s[..^1], Inv) * 3600;
        if (s.EndsWith('r')) return double.Parse(s[..^1], Inv) * 180 / Math.PI * 3600;
        if (s.EndsWith('p') || s.EndsWith('i')) throw new NotSupportedException($"pixel sizes ('{s}') are not supported in sky regions");
        return double.Parse(s, Inv) * 3600; // plain number: degrees in sky coordinate systems
    }

    // ---------------- CASA CRTF ----------------

    [GeneratedRegex(@"^\s*(ann\s+)?([+-]?)\s*([a-z]+)\s*(\[.*\])\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CrtfShape();

    [GeneratedRegex(@"label\s*=\s*(?:'([^']*)'|""([^""]*)"")", RegexOptions.IgnoreCase)]
    private static partial Regex CrtfLabel();

    [GeneratedRegex(@"coord\s*=\s*([a-z0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CrtfCoord();

    private void ParseCrtf(string[] lines, string? path)
    {
        var globalFrame = "J2000";
        for (var n = 0; n < lines.Length; n++)
        {
            var lineNo = n + 1;
            var line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("global", StringComparison.OrdinalIgnoreCase))
            {
                if (CrtfCoord().Match(line) is { Success: true } g) globalFrame = g.Groups[1].Value.ToUpperInvariant();
                continue;
            }
            var m = CrtfShape().Match(line);
            if (!m.Success) throw new RegionFormatException($"Cannot read CRTF entry '{line}'", lineNo, path);
            var shape = m.Groups[3].Value.ToLowerInvariant();
            if (m.Groups[1].Success && m.Groups[1].Value.Length > 0) { Skipped.Add($"line {lineNo}: annotation {shape} skipped"); continue; }
            if (m.Groups[2].Value == "-") { Skipped.Add($"line {lineNo}: excluded {shape} skipped"); continue; }
            var frame = CrtfCoord().Match(m.Groups[5].Value) is { Success: true } c ? c.Groups[1].Value.ToUpperInvariant() : globalFrame;
            if (frame is not ("J2000" or "ICRS"))
                throw new RegionFormatException($"CRTF coord={frame} is not supported (J2000 and ICRS are)", lineNo, path);
            var lm = CrtfLabel().Match(m.Groups[5].Value);
            var label = lm.Success ? (lm.Groups[1].Success ? lm.Groups[1].Value : lm.Groups[2].Value) : null;
            try
            {
                var items = ParseBrackets(m.Groups[4].Value);
                Regions.Add(shape switch
                {
                    "poly" or "polygon" => new SkyPolygonRegion(items.Select(CrtfPos).ToList()) { Label = label },
                    "circle" => new SkyCircleRegion(CrtfPos(Pair(items, 0)), CrtfAngle(Scalar(items, 1), "radius")) { Label = label },
                    "centerbox" => CenterBox(items, 0, label),
                    "rotbox" => CenterBox(items, CrtfAngle(Scalar(items, 2), "angle") / 3600, label),
                    "box" => CornerBox(items, label),
                    _ => throw new NotSupportedException($"CRTF shape '{shape}' is not supported (poly, circle, box, centerbox, rotbox are)"),
                });
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or InvalidCastException)
            {
                throw new RegionFormatException($"Bad CRTF {shape}: {ex.Message}", lineNo, path);
            }
        }
    }

    private static SkyBoxRegion CenterBox(List<object> items, double angleDeg, string? label)
    {
        var size = Pair(items, 1);
        return new SkyBoxRegion(CrtfPos(Pair(items, 0)), CrtfAngle(size[0], "width"), CrtfAngle(size[1], "height"), angleDeg) { Label = label };
    }

    /// <summary>box [[blc], [trc]]: an unrotated box between two corners (sides measured on the sky at the centre).</summary>
    private static SkyBoxRegion CornerBox(List<object> items, string? label)
    {
        var a = CrtfPos(Pair(items, 0));
        var b = CrtfPos(Pair(items, 1));
        var dra = b.RaDeg - a.RaDeg;
        if (dra > 180) dra -= 360;
        if (dra < -180) dra += 360;
        var cdec = (a.DecDeg + b.DecDeg) / 2;
        var centre = new SkyPosition(Wrap(a.RaDeg + dra / 2), cdec);
        return new SkyBoxRegion(centre, Math.Abs(dra) * Math.Cos(cdec * Math.PI / 180) * 3600, Math.Abs(b.DecDeg - a.DecDeg) * 3600) { Label = label };
    }

    private static List<string> Pair(List<object> items, int i)
        => i < items.Count && items[i] is List<object> l && l.Count == 2 && l.All(o => o is string) ? l.Cast<string>().ToList()
            : throw new FormatException($"item {i + 1} must be a pair [a, b]");

    private static string Scalar(List<object> items, int i)
        => i < items.Count && items[i] is string s ? s : throw new FormatException($"item {i + 1} must be a single value");

    private static SkyPosition CrtfPos(object o)
    {
        if (o is not List<string> p)
        {
            if (o is List<object> lo && lo.Count == 2 && lo.All(x => x is string)) p = lo.Cast<string>().ToList();
            else throw new FormatException("a position must be a pair [ra, dec]");
        }
        var (ra, raUnit) = SplitUnit(p[0]);
        var (dec, decUnit) = SplitUnit(p[1]);
        if (raUnit is "deg" or "rad" && decUnit is "deg" or "rad")
        {
            var r = double.Parse(ra, Inv) * (raUnit == "rad" ? 180 / Math.PI : 1);
            var d = double.Parse(dec, Inv) * (decUnit == "rad" ? 180 / Math.PI : 1);
            return new SkyPosition(Wrap(r), d);
        }
        if (raUnit == "pix" || decUnit == "pix") throw new NotSupportedException("pixel coordinates are not supported");
        return SkyPosition.Parse(p[0] + " " + p[1]);
    }

    /// <summary>An angle with unit (arcsec, arcmin, deg, rad, or ", ') in arcsec.</summary>
    private static double CrtfAngle(string s, string what)
    {
        var (v, unit) = SplitUnit(s.Trim());
        var x = double.Parse(v, Inv);
        return unit switch
        {
            "arcsec" or "\"" => x,
            "arcmin" or "'" => x * 60,
            "deg" => x * 3600,
            "rad" => x * 180 / Math.PI * 3600,
            "" => throw new FormatException($"{what} '{s}' has no unit"),
            _ => throw new NotSupportedException($"{what} unit '{unit}' is not supported"),
        };
    }

    private static (string Value, string Unit) SplitUnit(string s)
    {
        s = s.Trim();
        foreach (var u in new[] { "arcsec", "arcmin", "deg", "rad", "pix", "\"", "'" })
            if (s.EndsWith(u, StringComparison.OrdinalIgnoreCase) && s.Length > u.Length && !char.IsLetter(s[^(u.Length + 1)]))
                return (s[..^u.Length].Trim(), u.ToLowerInvariant());
        return (s, "");
    }

    /// <summary>Parses nested [ ... ] lists of comma-separated strings.</summary>
    private static List<object> ParseBrackets(string text)
    {
        var pos = 0;
        var result = ParseList(text, ref pos, 1);
        return result;
    }

    /// <summary>CRTF shapes nest two levels; anything past this is not a region (and must not exhaust the stack).</summary>
    public const int MaxNesting = 16;

    private static List<object> ParseList(string t, ref int pos, int depth)
    {
        if (depth > MaxNesting) throw new FormatException($"brackets nested more than {MaxNesting} levels deep");
        while (pos < t.Length && t[pos] == ' ') pos++;
        if (pos >= t.Length || t[pos] != '[') throw new FormatException("expected '['");
        pos++;
        var items = new List<object>();
        var sb = new System.Text.StringBuilder();
        while (pos < t.Length)
        {
            var ch = t[pos];
            if (ch == '[') { items.Add(ParseList(t, ref pos, depth + 1)); continue; }
            if (ch == ',' || ch == ']')
            {
                var s = sb.ToString().Trim();
                if (s.Length > 0) items.Add(s);
                sb.Clear();
                pos++;
                if (ch == ']') return items;
                continue;
            }
            sb.Append(ch);
            pos++;
        }
        throw new FormatException("unbalanced '['");
    }

    private static double Wrap(double ra)
    {
        ra %= 360;
        if (ra < 0) ra += 360;
        return ra >= 360 ? 0 : ra;
    }
}
