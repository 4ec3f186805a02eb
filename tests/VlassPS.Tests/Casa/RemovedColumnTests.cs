using System.Text.Json;
using VlassPS.Core.Casa;

namespace VlassPS.Tests.Casa;

/// <summary>
/// After casacore's removecols on StandardStMan columns (MAIN and FIELD) the MS still reads, and reads the same as
/// python-casacore: casacore keeps the manager's column blocks at their old length, so the table describes more
/// StandardStMan columns than are bound. The MS is written by python-casacore at test time.
/// </summary>
public sealed class RemovedColumnTests
{
    [SkippableFact]
    public void MeasurementSetAfterRemovecolsReadsLikeCasacore()
    {
        CasaTestEnvironment.RequireOracle();
        string temp = CasaTestEnvironment.NewTempDir("casa-removecols");
        try
        {
            using var made = JsonDocument.Parse(CasaTestEnvironment.RunOracle("removed_columns.py", new[] { temp }));
            string ms = Path.Combine(temp, "removed.ms");

            // Every column the reader can read equals python-casacore, and the removed ones are gone.
            using var dump = JsonDocument.Parse(CasaTestEnvironment.RunOracle("dump_columns.py", new[] { ms, ms + "/FIELD" }));
            foreach (var (path, removedKey) in new[] { (ms, "main_removed"), (ms + "/FIELD", "field_removed") })
            {
                var expected = dump.RootElement.GetProperty(path);
                using var table = CasaTable.Open(path);
                Assert.Equal(expected.GetProperty("nrows").GetInt64(), table.RowCount);
                foreach (var removed in made.RootElement.GetProperty(removedKey).EnumerateArray())
                    Assert.False(table.HasColumn(removed.GetString()!), $"{removed} was removed");
                int compared = 0;
                foreach (var col in expected.GetProperty("columns").EnumerateObject())
                {
                    var desc = table.GetColumnDesc(col.Name);
                    if (desc.DataManagerType != "StandardStMan") continue;
                    if (desc.IsArray) OracleComparer.AssertArrayColumn(col.Value.GetProperty("values"), table.GetArrayColumn(col.Name), path + ":" + col.Name);
                    else OracleComparer.AssertScalarColumn(col.Value.GetProperty("values"), table.GetColumn(col.Name), path + ":" + col.Name);
                    compared++;
                }
                Assert.True(compared >= 5, $"{path}: only {compared} StandardStMan columns compared");
            }

            // The MS summary (fields, rows per field, intents) equals the oracle's reading of the same MS.
            string cases = Path.Combine(temp, "cases.json");
            File.WriteAllText(cases, "[]");
            using var oracle = JsonDocument.Parse(CasaTestEnvironment.RunOracle("select_fields.py", new[] { ms, cases }));
            var info = MeasurementSetInfo.Read(ms);
            var fields = oracle.RootElement.GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(fields.Count, info.Fields.Count);
            Assert.Equal(fields.Sum(f => f.GetProperty("rows").GetInt64()), info.Rows);
            for (int i = 0; i < fields.Count; i++)
            {
                Assert.Equal(fields[i].GetProperty("name").GetString(), info.Fields[i].Name);
                Assert.Equal(fields[i].GetProperty("rows").GetInt64(), info.Fields[i].Rows);
                Assert.Equal(fields[i].GetProperty("intents").EnumerateArray().Select(x => x.GetString()!), info.Fields[i].Intents);
            }
        }
        finally
        {
            Directory.Delete(temp, true);
        }
    }
}
