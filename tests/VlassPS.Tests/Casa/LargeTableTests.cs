using System.Text.Json;
using VlassPS.Core.Casa;

namespace VlassPS.Tests.Casa;

/// <summary>
/// The large tables (100k-row FIELD with a 13-bucket SSM index; 2M-row MAIN in IncrementalStMan) are generated at
/// test time with python-casacore, read by our reader and compared with python-casacore.
/// </summary>
public sealed class LargeTableTests
{
    [SkippableFact]
    public void GeneratedLargeTablesEqualPythonCasacore()
    {
        CasaTestEnvironment.RequireOracle();
        string dir = CasaTestEnvironment.NewTempDir("casa-large");
        try
        {
            string large = Path.Combine(dir, "large");
            CasaTestEnvironment.RunOracle("make_fixtures.py", new[] { "--large", large });
            using var doc = JsonDocument.Parse(CasaTestEnvironment.RunOracle("large_summary.py", new[] { large }));
            var root = doc.RootElement;

            using (var field = CasaTable.Open(Path.Combine(large, "f100k.ms", "FIELD")))
            {
                Assert.Equal(0, field.TableDatRowCount);               // stale; the lock has 100000
                var names = (string[])field.GetColumn("NAME");
                Assert.Equal(root.GetProperty("names").EnumerateArray().Select(n => n.GetString()), names);
                var dirs = field.GetDoubleArrayPrefix("PHASE_DIR", 2);
                Assert.Equal(root.GetProperty("phase_dir").EnumerateArray().Select(v => v.GetDouble()), dirs);
            }

            using var main = CasaTable.Open(Path.Combine(large, "main_2m.tab"));
            Assert.Equal(root.GetProperty("main_rows").GetInt64(), main.RowCount);
            var runs = main.GetColumnRuns("FIELD_ID");
            Assert.True(runs.Count < main.RowCount / 1000, $"{runs.Count} runs: the ISM column was expanded");
            var counts = new Dictionary<int, long>();
            var ids = (int[])runs.Values;
            for (int i = 0; i < runs.Count; i++) counts[ids[i]] = counts.GetValueOrDefault(ids[i]) + runs.Length[i];
            var expected = root.GetProperty("field_counts").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetInt64());
            Assert.Equal(expected.OrderBy(kv => kv.Key), counts.OrderBy(kv => kv.Key));

            // FIELD_ID and STATE_ID live in different IncrementalStMans: the run merge must match row-by-row pairs.
            var state = main.GetColumnRuns("STATE_ID");
            var pairs = new Dictionary<string, long>();
            var sv = (int[])state.Values;
            int a = 0, b = 0;
            while (a < runs.Count && b < state.Count)
            {
                long s = Math.Max(runs.Start[a], state.Start[b]);
                long ea = runs.Start[a] + runs.Length[a], eb = state.Start[b] + state.Length[b];
                long e = Math.Min(ea, eb);
                if (e > s) pairs[$"{ids[a]},{sv[b]}"] = pairs.GetValueOrDefault($"{ids[a]},{sv[b]}") + (e - s);
                if (ea <= eb) a++; else b++;
            }
            var expectedPairs = root.GetProperty("field_state_counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
            Assert.Equal(expectedPairs.OrderBy(kv => kv.Key), pairs.OrderBy(kv => kv.Key));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
