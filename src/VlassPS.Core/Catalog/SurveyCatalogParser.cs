using System.Globalization;

namespace VlassPS.Core.Catalog;

/// <summary>
/// Reads NRAO's fixed-width <c>VLASS_dyn_summary</c> table by column slices (never by splitting on
/// whitespace: dates and statuses can be blank and statuses contain spaces). Row order is irrelevant.
/// A malformed row becomes a <see cref="CatalogRowError"/> and the remaining rows still load.
/// </summary>
public static class SurveyCatalogParser
{
    /// <summary>Width of a data row; shorter rows are padded (trailing blanks may be trimmed by copies).</summary>
    public const int RowWidth = 97;

    // 0-based half-open slices of the format (domain.md 6.1).
    private static readonly (int Start, int End) TileSlice = (0, 6);
    private static readonly (int Start, int End) DecMinSlice = (6, 15);
    private static readonly (int Start, int End) DecMaxSlice = (15, 24);
    private static readonly (int Start, int End) RaMinSlice = (24, 33);
    private static readonly (int Start, int End) RaMaxSlice = (33, 42);
    private static readonly (int Start, int End) GapSlice = (42, 47);
    private static readonly (int Start, int End) EpochSlice = (47, 61);
    private static readonly (int Start, int End) DateSlice = (61, 71);
    private static readonly (int Start, int End) StatusSlice = (71, 97);

    /// <summary>Shortest row that still carries a tile, bounds and an epoch.</summary>
    private const int MinimumRowWidth = 55;

    public static SurveyCatalog Parse(string text, string? source = null, DateTimeOffset? fetchedAt = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, source, fetchedAt);
    }

    public static SurveyCatalog Parse(TextReader reader, string? source = null, DateTimeOffset? fetchedAt = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<VlassObservation>(2800);
        var errors = new List<CatalogRowError>();
        var seen = new HashSet<(string, string)>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            line = line.TrimEnd('\r');
            if (IsHeaderOrBlank(line)) continue;
            if (TryParseRow(line, lineNumber, out var row, out var error))
            {
                if (seen.Add((row!.TileName, row.Epoch))) rows.Add(row);
                else errors.Add(new CatalogRowError(lineNumber, CatalogRowErrorKind.DuplicateRow,
                    $"a row for {row.TileName} {row.Epoch} already appeared earlier; this one is ignored", line));
            }
            else
            {
                errors.Add(error!);
            }
        }
        return new SurveyCatalog(rows, errors, source, fetchedAt);
    }

    private static bool IsHeaderOrBlank(string line)
    {
        var t = line.AsSpan().Trim();
        if (t.IsEmpty) return true;
        if (t.IndexOfAnyExcept('-') < 0) return true;   // the ruler line
        // The two header lines; matched on their distinctive words so a data row can never be skipped.
        return (t.StartsWith("Tile ") && t.Contains("Dec min", StringComparison.Ordinal))
            || (t.StartsWith("Name ") && t.Contains("(deg)", StringComparison.Ordinal));
    }

    /// <summary>Parses one data row; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParseRow(string line, int lineNumber, out VlassObservation? row, out CatalogRowError? error)
    {
        row = null;
        error = null;
        CatalogRowError Fail(CatalogRowErrorKind kind, string message) => new(lineNumber, kind, message, line);

        if (line.Length < MinimumRowWidth)
        {
            error = Fail(CatalogRowErrorKind.BadLength, $"row has {line.Length} characters; a summary row has {RowWidth}");
            return false;
        }
        if (line.Length > RowWidth && !string.IsNullOrWhiteSpace(line[RowWidth..]))
        {
            error = Fail(CatalogRowErrorKind.BadLength, $"row has {line.Length} characters with text after column {RowWidth}; the columns are not aligned");
            return false;
        }
        var padded = line.Length >= RowWidth ? line.AsSpan(0, RowWidth) : line.PadRight(RowWidth).AsSpan();

        var tile = padded[TileSlice.Start..TileSlice.End];
        if (!IsTileName(tile))
        {
            error = Fail(CatalogRowErrorKind.BadTileName, $"'{tile.ToString()}' in columns 1-6 is not a tile name like T12t13");
            return false;
        }
        if (!padded[GapSlice.Start..GapSlice.End].IsWhiteSpace())
        {
            error = Fail(CatalogRowErrorKind.Misaligned, "columns 43-47 should be blank; the columns are not aligned");
            return false;
        }

        Span<double> numbers = stackalloc double[4];
        ReadOnlySpan<(int Start, int End)> numberSlices = [DecMinSlice, DecMaxSlice, RaMinSlice, RaMaxSlice];
        ReadOnlySpan<string> numberNames = ["Dec min", "Dec max", "RA min", "RA max"];
        for (int i = 0; i < 4; i++)
        {
            var s = padded[numberSlices[i].Start..numberSlices[i].End].Trim();
            if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out numbers[i]))
            {
                error = Fail(CatalogRowErrorKind.BadNumber, $"{numberNames[i]} '{s.ToString()}' (columns {numberSlices[i].Start + 1}-{numberSlices[i].End}) is not a number");
                return false;
            }
        }
        if (numbers[0] < -90 || numbers[1] > 90 || numbers[0] >= numbers[1])
        {
            error = Fail(CatalogRowErrorKind.BadNumber, $"Dec bounds {numbers[0]}..{numbers[1]} are not an interval within [-90, 90]");
            return false;
        }
        if (numbers[2] < 0 || numbers[3] > 24 || numbers[2] >= numbers[3])
        {
            error = Fail(CatalogRowErrorKind.BadNumber, $"RA bounds {numbers[2]}..{numbers[3]} h are not an interval within [0, 24]");
            return false;
        }

        var epoch = padded[EpochSlice.Start..EpochSlice.End].Trim().ToString();
        if (!VlassEpoch.TryParse(epoch, out int epochNumber, out int half))
        {
            error = Fail(CatalogRowErrorKind.BadEpoch, $"epoch '{epoch}' (columns 48-61) is not of the form VLASSn.m");
            return false;
        }

        DateOnly? date = null;
        var dateText = padded[DateSlice.Start..DateSlice.End].Trim();
        if (!dateText.IsEmpty)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                error = Fail(CatalogRowErrorKind.BadDate, $"observation date '{dateText.ToString()}' (columns 62-71) is not YYYY-MM-DD");
                return false;
            }
            date = d;
        }

        var status = padded[StatusSlice.Start..StatusSlice.End].Trim().ToString();
        row = new VlassObservation(tile.ToString(), epoch, epochNumber, half, date, status,
            numbers[0], numbers[1], numbers[2], numbers[3], lineNumber);
        return true;
    }

    private static bool IsTileName(ReadOnlySpan<char> s)
        => s.Length == 6 && s[0] == 'T' && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2])
           && s[3] == 't' && char.IsAsciiDigit(s[4]) && char.IsAsciiDigit(s[5]);
}
