using System.Text.Json;
using VlassPS.Core.Casa;

namespace VlassPS.Tests.Casa;

/// <summary>Every column our reader can read equals python-casacore's getcol/getcell on the same table.</summary>
public sealed class CasaTableDifferentialTests : IClassFixture<OracleDumpFixture>
{
    private readonly OracleDumpFixture _oracle;

    public CasaTableDifferentialTests(OracleDumpFixture oracle) => _oracle = oracle;

    public static IEnumerable<object[]> TableNames => OracleDumpFixture.Tables.Select(t => new object[] { t });

    [SkippableTheory]
    [MemberData(nameof(TableNames))]
    public void EveryColumnEqualsPythonCasacore(string name)
    {
        _oracle.Require();
        var expected = _oracle.Table(name);
        using var table = CasaTable.Open(CasaTestEnvironment.Fixture(name));
        Assert.Equal(expected.GetProperty("nrows").GetInt64(), table.RowCount);
        var expectedColumns = expected.GetProperty("columns");
        Assert.Equal(expectedColumns.EnumerateObject().Select(p => p.Name).OrderBy(x => x, StringComparer.Ordinal),
                     table.Columns.Select(c => c.Name).OrderBy(x => x, StringComparer.Ordinal));
        int compared = 0;
        foreach (var col in expectedColumns.EnumerateObject())
        {
            var desc = table.GetColumnDesc(col.Name);
            string where = $"{name}:{col.Name}";
            if (desc.DataManagerType.StartsWith("Tiled", StringComparison.Ordinal) || (desc.DataManagerType == "IncrementalStMan" && desc.IsArray))
            {
                // Tiled data columns and ISM arrays (POINTING) are out of scope: reading one must name the column and the manager.
                var ex = Assert.Throws<CasaUnsupportedStorageManagerException>(() => table.GetArrayColumn(col.Name));
                Assert.Equal(col.Name, ex.Column);
                Assert.Contains(desc.DataManagerType, ex.Message);
                continue;
            }
            Assert.False(col.Value.TryGetProperty("error", out var err), $"{where}: oracle could not read it: {err}");
            if (desc.IsArray)
            {
                OracleComparer.AssertArrayColumn(col.Value.GetProperty("values"), table.GetArrayColumn(col.Name), where);
                if (desc.DataType == CasaDataType.Double) AssertPrefix(col.Value.GetProperty("values"), table.GetDoubleArrayPrefix(col.Name, 2), where);
            }
            else
            {
                OracleComparer.AssertScalarColumn(col.Value.GetProperty("values"), table.GetColumn(col.Name), where);
                // The run-length form expands to the same values.
                var runs = table.GetColumnRuns(col.Name);
                OracleComparer.AssertScalarColumn(col.Value.GetProperty("values"), runs.Expand(table.RowCount), where + " (runs)");
            }
            compared++;
        }
        Assert.True(compared > 0, $"{name}: no column compared");
    }

    /// <summary>The flat first-two-elements view equals the oracle's cells (NaN where a cell is undefined or shorter).</summary>
    private static void AssertPrefix(JsonElement cells, double[] prefix, string where)
    {
        Assert.Equal(cells.GetArrayLength() * 2, prefix.Length);
        int r = 0;
        foreach (var cell in cells.EnumerateArray())
        {
            var values = cell.ValueKind == JsonValueKind.Null ? new List<double>() : cell.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
            for (int k = 0; k < 2; k++)
            {
                double expected = k < values.Count ? values[k] : double.NaN;
                Assert.True(expected.Equals(prefix[2 * r + k]), $"{where} prefix[{r},{k}]: expected {expected}, got {prefix[2 * r + k]}");
            }
            r++;
        }
    }
}
