using VlassPS.Core.Casa;

namespace VlassPS.Tests.Casa;

/// <summary>
/// Mutated and truncated fixture bytes must only ever produce <see cref="CasaTableException"/>s: no IndexOutOfRange,
/// no hang, no huge allocation. Bounded: a fixed number of mutations and a time budget.
/// </summary>
public sealed class CasaTableFuzzTests
{
    private static readonly string[] Targets =
    {
        "f3k.ms/FIELD", "field_big.tab", "main_ism.tab", "main_big.tab", "strings.tab", "field_mod.tab", "field_ref.tab",
        "field_concat.tab", "vlass_otf.ms/STATE", "vlass_otf.ms/FIELD",
    };

    [Fact]
    public async Task MutatedTablesFailOnlyWithTypedErrors()
    {
        string temp = CasaTestEnvironment.NewTempDir("casa-fuzz");
        try
        {
            CasaTestEnvironment.CopyFixtures(temp);
            var rnd = new Random(20260124);
            var budget = System.Diagnostics.Stopwatch.StartNew();
            int iterations = 0, typed = 0;
            while (iterations < 1500 && budget.Elapsed < TimeSpan.FromSeconds(40))
            {
                string table = Path.Combine(temp, Targets[rnd.Next(Targets.Length)]);
                var files = Directory.GetFiles(table).Where(f => !f.EndsWith("table.info")).ToArray();
                string file = files[rnd.Next(files.Length)];
                byte[] original = File.ReadAllBytes(file);
                byte[] mutated = Mutate(original, rnd);
                File.WriteAllBytes(file, mutated);
                try
                {
                    var work = Task.Run(() => ReadEverything(table));
                    var done = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(20)));
                    Assert.True(done == work, $"reading {file} mutated (iteration {iterations}) hung");
                    if (await work) typed++;
                }
                catch (Exception ex) when (ex is not CasaTableException and not Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"iteration {iterations}, {Path.GetRelativePath(temp, file)}: untyped {ex.GetType().Name}: {ex}");
                }
                finally
                {
                    File.WriteAllBytes(file, original);
                }
                iterations++;
            }
            Assert.True(iterations >= 100, $"only {iterations} iterations ran");
            Assert.True(typed > 0, "no mutation was detected at all");
        }
        finally
        {
            Directory.Delete(temp, true);
        }
    }

    private static byte[] Mutate(byte[] b, Random rnd)
    {
        if (b.Length == 0) return b;
        switch (rnd.Next(5))
        {
            case 0: return b[..rnd.Next(b.Length)];                           // truncation
            case 1:                                                             // a length/count field in a header
            {
                var m = (byte[])b.Clone();
                int at = rnd.Next(Math.Min(m.Length, 700)) & ~3;
                var v = rnd.Next(3) switch { 0 => 0xFFFFFFFFu, 1 => 0x7FFFFFFFu, _ => (uint)rnd.Next() };
                for (int k = 0; k < 4 && at + k < m.Length; k++) m[at + k] = (byte)(v >> (8 * (3 - k)));
                return m;
            }
            default:                                                            // random byte flips
            {
                var m = (byte[])b.Clone();
                int n = 1 + rnd.Next(8);
                for (int k = 0; k < n; k++)
                {
                    int at = rnd.Next(2) == 0 ? rnd.Next(Math.Min(m.Length, 600)) : rnd.Next(m.Length);
                    m[at] = (byte)rnd.Next(256);
                }
                return m;
            }
        }
    }

    /// <summary>Returns true when a typed error was raised, false when the table still read.</summary>
    private static bool ReadEverything(string table)
    {
        try
        {
            using var t = CasaTable.Open(table);
            foreach (var c in t.Columns)
            {
                if (c.IsArray) t.GetArrayColumn(c.Name);
                else { t.GetColumn(c.Name); t.GetColumnRuns(c.Name); }
            }
            return false;
        }
        catch (CasaTableException)
        {
            return true;
        }
    }
}
