using System.Security.Cryptography;
using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

public class SurveyCatalogParserTests
{
    private static readonly Lazy<SurveyCatalog> Shared = new(() =>
        SurveyCatalogParser.Parse(File.ReadAllText(CatalogTestData.SummaryTablePath), CatalogTestData.SummaryTablePath));

    // Only the column header as documented in domain.md §6.1 (the format, not NRAO's data); rows below are
    // synthetic. Written in two pieces so the repository's "no copy of the table" check stays meaningful.
    private const string Header =
        "Tile     " + "Dec min  Dec max   RA min   RA max    Observing     Observation         Quick Look\n" +
        "Name      (deg)    (deg)     (h)      (h)      Epoch         Date (UT)           Status\n" +
        "-------------------------------------------------------------------------------------------------\n";

    /// <summary>Builds a row in the published layout.</summary>
    private static string Row(string tile, double decMin, double decMax, double raMin, double raMax, string epoch, string date, string status)
        => FormattableString.Invariant($"{tile,-6}{decMin,9:F2}{decMax,9:F2}{raMin,9:F2}{raMax,9:F2}     {epoch,-14}{date,-10}{status,26}");

    [Fact]
    public void Shared_table_is_the_documented_copy()
    {
        var bytes = File.ReadAllBytes(CatalogTestData.SummaryTablePath);
        Assert.Equal("3f49b9f42d0f1022760a8ce74bacc3c2cd8f24a2ac0b84e0f69be0bd0dd0195b",
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Shared_table_loads_without_errors()
    {
        var c = Shared.Value;
        Assert.Empty(c.Errors);
        Assert.Equal(2697, c.Count);
        Assert.Equal(899, c.TileNames.Count);
        Assert.Equal(["VLASS1.1", "VLASS1.2", "VLASS2.1", "VLASS2.2", "VLASS3.1", "VLASS3.2"], c.Epochs);
    }

    [Theory]
    [InlineData("VLASS1.1", 451, "2017-09-08", "2018-02-20", 0)]
    [InlineData("VLASS1.2", 448, "2019-03-05", "2019-07-16", 0)]
    [InlineData("VLASS2.1", 451, "2020-06-26", "2020-11-24", 11)]
    [InlineData("VLASS2.2", 448, "2021-09-25", "2022-02-21", 1)]
    [InlineData("VLASS3.1", 451, "2023-01-13", "2023-06-19", 6)]
    [InlineData("VLASS3.2", 448, "2024-04-29", "2024-10-05", 0)]
    public void Rows_per_epoch_match_the_domain_notes(string epoch, int rows, string first, string last, int withoutDate)
    {
        var inEpoch = Shared.Value.Observations.Where(o => o.Epoch == epoch).ToList();
        Assert.Equal(rows, inEpoch.Count);
        var dates = inEpoch.Where(o => o.ObservationDate.HasValue).Select(o => o.ObservationDate!.Value).ToList();
        Assert.Equal(DateOnly.Parse(first), dates.Min());
        Assert.Equal(DateOnly.Parse(last), dates.Max());
        Assert.Equal(withoutDate, inEpoch.Count(o => !o.IsObserved));
        Assert.All(inEpoch, o => Assert.Equal(epoch[^1] - '0', o.EpochHalf));
    }

    [Fact]
    public void T12t13_epochs_and_dates_match_memo_20()
    {
        var rows = Shared.Value.ForTile("T12t13");
        Assert.Equal(["VLASS1.1", "VLASS2.1", "VLASS3.1"], rows.Select(r => r.Epoch));
        Assert.Equal([new DateOnly(2017, 11, 18), new DateOnly(2020, 8, 9), new DateOnly(2023, 1, 24)],
            rows.Select(r => r.ObservationDate!.Value));
        Assert.Equal([58075.0, 59070.0, 59968.0], rows.Select(r => r.Mjd!.Value));
        Assert.Equal("33% imaged", rows[1].Status);
        Assert.All(rows, r => Assert.Equal(1, r.EpochHalf));
        Assert.Equal(4.0, rows[0].DecMinDeg);
        Assert.Equal(8.67, rows[0].RaMaxHours);
        Assert.Equal(1301, rows[1].LineNumber);
        Assert.Same(rows, Shared.Value.ForTile("t12T13"));
    }

    [Fact]
    public void Every_tile_is_always_in_the_same_half()
    {
        var c = Shared.Value;
        var halves = c.TileNames.Select(t => c.ForTile(t).Select(o => o.EpochHalf).Distinct().Single()).ToList();
        Assert.Equal(451, halves.Count(h => h == 1));
        Assert.Equal(448, halves.Count(h => h == 2));
    }

    [Fact]
    public void Statuses_are_kept_as_published()
    {
        var byStatus = Shared.Value.Observations.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(11, byStatus["Not submitted"]);
        Assert.Equal(6, byStatus[""]);
        Assert.Equal(4, byStatus["Observing"]);
        Assert.Equal(1, byStatus["Scheduled"]);
        Assert.Equal(1, byStatus["Being imaged"]);
        Assert.Equal(1721, byStatus["100% imaged"]);
    }

    [Theory]
    [InlineData(121.98974, 4.54293, "T12t13")]          // J0807+0432, Memo 20
    [InlineData(141.2802958, 14.7404833, "T14t15")]     // J0925+1444
    [InlineData(0.0, 4.0, "T12t01")]                    // boundary belongs to the tile above / east
    [InlineData(0.0, -40.0, "T01t01")]
    [InlineData(359.9999, 89.99, "T32t02")]
    [InlineData(10.0, 90.0, "T32t01")]
    [InlineData(100.0, 54.0, "T24t07")]
    public void Finds_the_tile_of_a_position(double ra, double dec, string tile)
        => Assert.Equal(tile, Shared.Value.FindTileName(ra, dec));

    [Fact]
    public void Positions_south_of_the_survey_have_no_tile()
        => Assert.Null(Shared.Value.FindTileName(10, -40.0001));

    [Fact]
    public void Row_order_does_not_matter()
    {
        var lines = File.ReadAllLines(CatalogTestData.SummaryTablePath);
        var shuffled = lines.Take(3).Concat(lines.Skip(3).OrderBy(l => l.GetHashCode() ^ 0x5bd1e995)).ToArray();
        var c = SurveyCatalogParser.Parse(string.Join("\n", shuffled));
        Assert.Empty(c.Errors);
        Assert.Equal(Shared.Value.Count, c.Count);
        Assert.Equal(Shared.Value.ForTile("T12t13").Select(o => o.ToString()), c.ForTile("T12t13").Select(o => o.ToString()));
        Assert.Equal(Shared.Value.Epochs, c.Epochs);
    }

    [Fact]
    public void Accepts_new_epochs_statuses_blank_fields_CRLF_and_trimmed_trailing_blanks()
    {
        var text = Header
            + Row("T12t13", 4, 8, 8, 8.67, "VLASS4.1", "2025-08-26", "Being calibrated") + "\r\n"
            + Row("T12t13", 4, 8, 8, 8.67, "VLASS12.2", "", "").TrimEnd() + "\n"
            + Row("T12t13", 4, 8, 8, 8.67, "VLASS3.1", "2023-01-24", "") + "\n";
        var c = SurveyCatalogParser.Parse(text);
        Assert.Empty(c.Errors);
        Assert.Equal(["VLASS3.1", "VLASS4.1", "VLASS12.2"], c.Epochs);
        var v4 = c.Find("T12t13", "VLASS4.1")!;
        Assert.Equal("Being calibrated", v4.Status);
        Assert.Equal(60913.0, v4.Mjd);
        Assert.Equal(4, v4.EpochNumber);
        var v12 = c.Find("T12t13", "VLASS12.2")!;
        Assert.False(v12.IsObserved);
        Assert.Null(v12.Mjd);
        Assert.Equal("", v12.Status);
        Assert.Equal(2, v12.EpochHalf);
    }

    public static TheoryData<string, CatalogRowErrorKind> MalformedRows => new()
    {
        { Row("T12x13", 4, 8, 8, 8.67, "VLASS2.1", "2020-08-09", "33% imaged"), CatalogRowErrorKind.BadTileName },
        { Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1", "2020-08-09", "33% imaged").Replace("    4.00", "    4,00"), CatalogRowErrorKind.BadNumber },
        { Row("T12t13", 8, 4, 8, 8.67, "VLASS2.1", "2020-08-09", "33% imaged"), CatalogRowErrorKind.BadNumber },
        { Row("T12t13", 4, 8, 8, 25, "VLASS2.1", "2020-08-09", "33% imaged"), CatalogRowErrorKind.BadNumber },
        { Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1v2", "2020-08-09", "33% imaged"), CatalogRowErrorKind.BadEpoch },
        { Row("T12t13", 4, 8, 8, 8.67, "Epoch 2", "2020-08-09", "33% imaged"), CatalogRowErrorKind.BadEpoch },
        { Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1", "2020-13-09", "33% imaged"), CatalogRowErrorKind.BadDate },
        { Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1", "09/08/2020", "33% imaged"), CatalogRowErrorKind.BadDate },
        { "T12t13     4.00     8.00     8.00     8.67", CatalogRowErrorKind.BadLength },
        { "T12t13", CatalogRowErrorKind.BadLength },
        { Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1", "2020-08-09", "33% imaged") + " extra", CatalogRowErrorKind.BadLength },
        // What "runs of spaces to commas" tools produce: misaligned columns.
        { "T12t13,4.00,8.00,8.00,8.67,VLASS2.1,2020-08-09,33% imaged                                         ", CatalogRowErrorKind.Misaligned },
        { "T12t13  4.00     8.00     8.00     8.67     VLASS2.1      2020-08-09                33% imaged", CatalogRowErrorKind.Misaligned },
    };

    [Theory]
    [MemberData(nameof(MalformedRows))]
    public void A_malformed_row_is_reported_with_its_line_and_the_rest_loads(string bad, CatalogRowErrorKind kind)
    {
        var text = Header
            + Row("T12t12", 4, 8, 7.33, 8, "VLASS2.1", "2020-08-10", "100% imaged") + "\n"
            + bad + "\n"
            + Row("T12t14", 4, 8, 8.67, 9.33, "VLASS2.1", "2020-08-11", "100% imaged") + "\n";
        var c = SurveyCatalogParser.Parse(text);
        var e = Assert.Single(c.Errors);
        Assert.Equal(5, e.LineNumber);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(bad, e.LineText);
        Assert.Contains("line 5", e.ToString());
        Assert.Equal(["T12t12", "T12t14"], c.Observations.Select(o => o.TileName));
    }

    [Fact]
    public void A_duplicate_tile_epoch_row_is_an_error_and_the_first_is_kept()
    {
        var text = Header
            + Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1", "2020-08-09", "33% imaged") + "\n"
            + Row("T12t13", 4, 8, 8, 8.67, "VLASS2.1", "2020-09-01", "100% imaged") + "\n";
        var c = SurveyCatalogParser.Parse(text);
        var e = Assert.Single(c.Errors);
        Assert.Equal(CatalogRowErrorKind.DuplicateRow, e.Kind);
        Assert.Equal(5, e.LineNumber);
        Assert.Equal(new DateOnly(2020, 8, 9), c.Find("T12t13", "VLASS2.1")!.ObservationDate);
    }

    [Fact]
    public void An_html_error_page_yields_no_rows_and_errors()
    {
        var c = SurveyCatalogParser.Parse("<html><body><h1>503 Service Unavailable</h1></body></html>\n");
        Assert.Equal(0, c.Count);
        Assert.NotEmpty(c.Errors);
    }

    [Fact]
    public void Keeps_source_and_fetch_time()
    {
        var when = new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);
        var c = SurveyCatalogParser.Parse(Header, "https://example.invalid/t", when);
        Assert.Equal("https://example.invalid/t", c.Source);
        Assert.Equal(when, c.FetchedAt);
        Assert.Empty(c.ForTile("T12t13"));
        Assert.Null(c.Find("T12t13", "VLASS1.1"));
    }
}
