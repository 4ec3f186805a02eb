using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;
using VlassPS.Core.Tiling;

// Plans N random positions (tile lookup + every overlapping tile + geometry for a 500" science image) with
// VlassPS.Core, writes the positions for the Python reference, and measures Get-VlassTile through the
// PowerShell pipeline. Usage: dotnet run -c Release -- <positions.csv> <N> <moduleManifest>
string positionsFile = args[0];
int n = int.Parse(args[1], CultureInfo.InvariantCulture);
string manifest = args[2];

var rng = new Random(42);
var positions = new (double Ra, double Dec)[n];
for (int i = 0; i < n; i++)
{
    // Uniform on the sphere north of −40°.
    double z = Math.Sin(-40 * Math.PI / 180) + rng.NextDouble() * (1 - Math.Sin(-40 * Math.PI / 180));
    positions[i] = (rng.NextDouble() * 360, Math.Asin(z) * 180 / Math.PI);
}
File.WriteAllLines(positionsFile, positions.Select(p => FormattableString.Invariant($"{p.Ra:R},{p.Dec:R}")));

// Warm up the JIT, then time the plan.
Plan(positions.AsSpan(0, Math.Min(2000, n)));
var sw = Stopwatch.StartNew();
long tiles = Plan(positions);
sw.Stop();
Console.WriteLine(FormattableString.Invariant($"core_plan positions={n} seconds={sw.Elapsed.TotalSeconds:0.000} per_position_us={sw.Elapsed.TotalMilliseconds * 1000 / n:0.00} tiles={tiles}"));

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

static long Plan(ReadOnlySpan<(double Ra, double Dec)> positions)
{
    long count = 0;
    foreach (var (ra, dec) in positions)
    {
        var p = new SkyPosition(ra, dec);
        var home = TileGrid.Find(p);
        var g = ImageGeometry.Create(500, center: p);
        var region = TileGrid.Overlapping(p, g.SearchHalfWidthXArcsec / 3600, g.SearchHalfWidthYArcsec / 3600);
        count += region.Count + (home.Name.Length > 0 ? 0 : 1) + (g.ImsizeX > 0 ? 0 : 1);
    }
    return count;
}
