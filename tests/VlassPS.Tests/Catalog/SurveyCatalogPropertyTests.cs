using CsCheck;
using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

/// <summary>Any row written in the published layout reads back field for field.</summary>
public class SurveyCatalogPropertyTests
{
    private static readonly Gen<string> Status =
        Gen.Char["A-Za-z0-9% "].Array[0, 26].Select(c => new string(c).Trim());

    private static readonly Gen<(int Tier, int Tile, double DecMin, double RaMin, int Epoch, int Half, DateOnly? Date, string Status)> Rows =
        Gen.Select(Gen.Int[1, 32], Gen.Int[1, 48], Gen.Int[-40, 85], Gen.Int[0, 2300], Gen.Int[1, 99], Gen.Int[1, 2],
            Gen.Int[0, 20000].Select(d => d == 0 ? (DateOnly?)null : new DateOnly(2017, 1, 1).AddDays(d)), Status)
        .Select(t => (t.Item1, t.Item2, (double)t.Item3, t.Item4 / 100.0, t.Item5, t.Item6, t.Item7, t.Item8));

    [Fact]
    public void Rows_in_the_published_layout_round_trip()
        => Rows.Sample(r =>
        {
            string tile = FormattableString.Invariant($"T{r.Tier:00}t{r.Tile:00}");
            string epoch = FormattableString.Invariant($"VLASS{r.Epoch}.{r.Half}");
            string date = r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
            string line = FormattableString.Invariant($"{tile,-6}{r.DecMin,9:F2}{r.DecMin + 4,9:F2}{r.RaMin,9:F2}{r.RaMin + 0.67,9:F2}     {epoch,-14}{date,-10}{r.Status,26}");
            if (!SurveyCatalogParser.TryParseRow(line, 7, out var o, out var error)) return false;
            return error is null && o!.TileName == tile && o.Epoch == epoch && o.EpochNumber == r.Epoch && o.EpochHalf == r.Half
                && o.ObservationDate == r.Date && o.Status == r.Status && o.DecMinDeg == r.DecMin && o.DecMaxDeg == r.DecMin + 4
                && o.RaMinHours == r.RaMin && o.LineNumber == 7 && o.IsObserved == r.Date.HasValue;
        });
}
