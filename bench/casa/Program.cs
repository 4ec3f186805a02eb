using System.Diagnostics;
using System.Globalization;
using VlassPS.Core.Casa;

// Times the Casa reader on the cases python-casacore is timed on (bench_casacore.py), same tables, same run.
// Usage: VlassPS.Bench.Casa <small fixtures dir> <large fixtures dir> [iterations]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string small = args[0], large = args[1];
int iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;

// What MeasurementSetInfo does: NAME + PHASE_DIR term 0 as one flat double[2n].
double Field(string table)
{
    using var t = CasaTable.Open(table);
    var names = (string[])t.GetColumn("NAME");
    var dirs = t.GetDoubleArrayPrefix("PHASE_DIR", 2);
    double sum = names.Length;
    for (int i = 0; i < names.Length; i++) sum += dirs[2 * i] + dirs[2 * i + 1];
    return sum;
}

// The general API: one CasaArray (shape + values) per cell.
double FieldCells(string table)
{
    using var t = CasaTable.Open(table);
    var names = (string[])t.GetColumn("NAME");
    var dirs = t.GetArrayColumn("PHASE_DIR");
    double sum = names.Length;
    foreach (var d in dirs) sum += ((double[])d!.Values)[0] + ((double[])d.Values)[1];
    return sum;
}

double Counts(string table)
{
    using var t = CasaTable.Open(table);
    var runs = t.GetColumnRuns("FIELD_ID");
    var ids = (int[])runs.Values;
    var counts = new Dictionary<int, long>();
    for (int i = 0; i < runs.Count; i++) counts[ids[i]] = counts.GetValueOrDefault(ids[i]) + runs.Length[i];
    return counts.Count;
}

var cases = new (string Name, Func<double> Run)[]
{
    ("field_3k", () => Field(Path.Combine(small, "f3k.ms", "FIELD"))),
    ("field_3k_bigendian", () => Field(Path.Combine(small, "field_big.tab"))),
    ("field_100k", () => Field(Path.Combine(large, "f100k.ms", "FIELD"))),
    ("field_3k_cells", () => FieldCells(Path.Combine(small, "f3k.ms", "FIELD"))),
    ("field_100k_cells", () => FieldCells(Path.Combine(large, "f100k.ms", "FIELD"))),
    ("main_2m_ism_counts", () => Counts(Path.Combine(large, "main_2m.tab"))),
    ("ms_info_vlass_otf", () => MeasurementSetInfo.Read(Path.Combine(small, "vlass_otf.ms")).Fields.Count),
};

foreach (var (name, run) in cases)
{
    var sw = Stopwatch.StartNew();
    double check = run();
    double first = sw.Elapsed.TotalMilliseconds;
    for (int i = 0; i < 3; i++) run();
    var times = new double[iterations];
    var cpu = new double[iterations];
    var proc = Process.GetCurrentProcess();
    long alloc0 = GC.GetAllocatedBytesForCurrentThread();
    for (int i = 0; i < iterations; i++)
    {
        proc.Refresh();
        var c0 = proc.TotalProcessorTime;
        sw.Restart();
        run();
        times[i] = sw.Elapsed.TotalMilliseconds;
        proc.Refresh();
        cpu[i] = (proc.TotalProcessorTime - c0).TotalMilliseconds;   // all threads (GC included): robust to a loaded host
    }
    long alloc = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / iterations;
    Array.Sort(times);
    Array.Sort(cpu);
    Console.WriteLine($"csharp{Environment.GetEnvironmentVariable("BENCH_TAG")} {name} min_ms={times[0]:0.000} median_ms={times[iterations / 2]:0.000} cpu_median_ms={cpu[iterations / 2]:0.0} first_call_ms={first:0.0} alloc_mb_per_op={alloc / 1048576.0:0.00} check={check:R}");
}
Console.WriteLine($"csharp{Environment.GetEnvironmentVariable("BENCH_TAG")} peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.0}");
