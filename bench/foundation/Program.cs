using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VlassPS.Bench;

// Plans N random positions (tile lookup + every overlapping tile + geometry for a 500" science image) with
// VlassPS.Core (CorePlanBenchmark.cs, reusable), plans 100,000 named targets keeping the plans (time and
// memory), writes the positions for the Python reference, and measures Get-VlassTile through the PowerShell
// pipeline. Usage: dotnet run -c Release -- <positions.csv> <N> <moduleManifest>
string positionsFile = args[0];
int n = int.Parse(args[1], CultureInfo.InvariantCulture);
string manifest = args[2];

var positions = CorePlanBenchmark.RandomPositions(n);
File.WriteAllLines(positionsFile, positions.Select(p => FormattableString.Invariant($"{p.Ra:R},{p.Dec:R}")));

// Warm up the JIT, then time the plan: best of three passes over all positions (the machine is shared).
CorePlanBenchmark.PlanPositions(positions.AsSpan(0, Math.Min(2000, n)));
double best = double.MaxValue;
long tiles = 0;
for (int pass = 0; pass < 3; pass++)
{
    var sw = Stopwatch.StartNew();
    tiles = CorePlanBenchmark.PlanPositions(positions);
    sw.Stop();
    Console.WriteLine(FormattableString.Invariant($"core_plan_pass pass={pass + 1} seconds={sw.Elapsed.TotalSeconds:0.000} per_position_us={sw.Elapsed.TotalMilliseconds * 1000 / n:0.000}"));
    best = Math.Min(best, sw.Elapsed.TotalSeconds);
}
Console.WriteLine(FormattableString.Invariant($"core_plan positions={n} seconds={best:0.000} per_position_us={best * 1e6 / n:0.000} tiles={tiles} (best of 3)"));

// Plan 100,000 named targets and keep the plans, before the PowerShell runspace exists (so peak RSS is the plan's).
var (plans, measured) = CorePlanBenchmark.PlanTargets(CorePlanBenchmark.RandomPositions(100_000, seed: 7));
Console.WriteLine("core_plan_targets " + measured);
GC.KeepAlive(plans);
plans = null;

// Get-VlassTile through the PowerShell pipeline: objects per second.
using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using (var ps = PowerShell.Create(runspace))
{
    ps.AddScript("Import-Module $args[0]").AddArgument(manifest).Invoke();
}
int m = Math.Min(n, 100_000);
var rows = positions.Take(m).Select(p => (object)FormattableString.Invariant($"{p.Ra:R} {p.Dec:R}")).ToList();
foreach (int round in new[] { 0, 1 })
{
    using var ps = PowerShell.Create(runspace);
    ps.AddScript("$args[0] | Get-VlassTile | Out-Null; $args[0].Count").AddArgument(round == 0 ? rows.Take(2000).ToList() : rows);
    var t = Stopwatch.StartNew();
    var result = ps.Invoke();
    t.Stop();
    if (round == 1)
        Console.WriteLine(FormattableString.Invariant($"pipeline_get_vlasstile objects={result[0]} seconds={t.Elapsed.TotalSeconds:0.000} objects_per_second={m / t.Elapsed.TotalSeconds:0}"));
}
