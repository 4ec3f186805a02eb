using System.Globalization;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Targets;

/// <summary>
/// Reads target lists: CSV/TSV with a header naming a position column (Position, Coordinates, PhaseCenter) or
/// Ra and Dec columns (degrees, or sexagesimal hours/degrees), plus an optional Name column. Each row becomes a
/// named <see cref="SkyPosition"/>, or a <see cref="TargetRowException"/> with its line number.
/// </summary>
public static class TargetListReader
{
    public static readonly IReadOnlyList<string> NameColumns = new[] { "name", "target", "source", "object" };
    public static readonly IReadOnlyList<string> PositionColumns = new[] { "position", "coordinates", "coords", "phasecenter", "phase_center" };
    public static readonly IReadOnlyList<string> RaColumns = new[] { "ra", "radeg", "ra_deg", "ra(deg)", "raj2000", "ra_j2000" };
    public static readonly IReadOnlyList<string> DecColumns = new[] { "dec", "decdeg", "dec_deg", "dec(deg)", "dej2000", "decj2000", "dec_j2000" };

    public static IEnumerable<TargetRow> Read(TextReader reader, char separator)
    {
        using var rows = CsvReader.Read(reader, separator).GetEnumerator();
        if (!rows.MoveNext()) yield break;
        var header = rows.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int name = Find(header, NameColumns), pos = Find(header, PositionColumns), ra = Find(header, RaColumns), dec = Find(header, DecColumns);
        // Every other column is a per-target override (ScienceSize, Cell, ...), kept on the target.
        var extra = Enumerable.Range(0, header.Count).Where(i => i != name && i != pos && (pos >= 0 || (i != ra && i != dec)) && header[i].Length > 0).ToList();
        var original = rows.Current.Fields.Select(h => h.Trim()).ToList();
        if (pos < 0 && (ra < 0 || dec < 0))
            throw new FormatException($"Line {rows.Current.Line}: the header needs a Position column or Ra and Dec columns; it has: {string.Join(", ", rows.Current.Fields)}.");
        while (rows.MoveNext())
        {
            var (line, f) = rows.Current;
            string? label = name >= 0 && name < f.Count && f[name].Trim().Length > 0 ? f[name].Trim() : null;
            SkyPosition? p = null;
            Exception? error = null;
            try
            {
                p = pos >= 0 ? SkyPosition.Parse(Cell(f, pos)) : FromColumns(Cell(f, ra), Cell(f, dec));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                error = ex;
            }
            var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (int i in extra)
                if (i < f.Count && f[i].Trim().Length > 0) overrides[original[i]] = f[i].Trim();
            yield return error is null
                ? new TargetRow(line, label is null && overrides.Count == 0 ? p! : p!.WithTarget(label ?? p!.IauName, overrides), null)
                : new TargetRow(line, null, new TargetRowException(line, label, error.Message, error));
        }
    }

    private static SkyPosition FromColumns(string ra, string dec) => SkyPositionParser.FromParts(ra, dec);

    private static string Cell(IReadOnlyList<string> f, int i) => i < f.Count ? f[i] : "";

    private static int Find(List<string> header, IReadOnlyList<string> names)
    {
        foreach (string n in names)
        {
            int i = header.IndexOf(n);
            if (i >= 0) return i;
        }
        return -1;
    }
}

public sealed record TargetRow(int Line, SkyPosition? Position, TargetRowException? Error);

/// <summary>A row of a target list that does not hold a usable position.</summary>
public sealed class TargetRowException : FormatException
{
    public TargetRowException(int line, string? name, string reason, Exception inner)
        : base($"Line {line}{(name is null ? "" : $" ({name})")}: {reason}", inner)
    {
        Line = line;
        TargetName = name;
    }

    public int Line { get; }
    public string? TargetName { get; }
}
