using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VlassPS.Core.Catalog;
using VlassPS.Core.Tiling;

// Catalog benchmark: parse the full survey table, then answer "which epochs observed this position" for
// random positions, through the Core API and through Get-VlassObservation in a real PowerShell engine.
// Usage: VlassPS.Bench <table> <positions-out.csv> <count> <module-manifest>
var table = args[0];
var positionsFile = args[1];
int count = int.Parse(args[2], CultureInfo.InvariantCulture);
var manifest = args[3];
var inv = CultureInfo.InvariantCulture;

var text = File.ReadAllText(table);
// Parse: the first (cold, JIT included: what one command pays) run, then steady state after tiered JIT warm-up.
var swCold = Stopwatch.StartNew();
SurveyCatalogParser.Parse(text);
double coldMs = swCold.Elapsed.TotalMilliseconds;
for (int i = 0; i < 200; i++) SurveyCatalogParser.Parse(text);
var parseMs = new List<double>();
for (int i = 0; i < 50; i++)
{
    var sw = Stopwatch.StartNew();
    var c = SurveyCatalogParser.Parse(text);
    parseMs.Add(sw.Elapsed.TotalMilliseconds);
    if (c.Count != 2697) throw new InvalidOperationException("unexpected row count " + c.Count);
}
parseMs.Sort();
var catalog = SurveyCatalogParser.Parse(text);

// Positions uniform on the sphere north of Dec -40 (the survey area), fixed seed; written for the Python side.
var rng = new Random(20240524);
var ra = new double[count];
var dec = new double[count];
double zMin = Math.Sin(-40 * Math.PI / 180);
for (int i = 0; i < count; i++)
{
    ra[i] = rng.NextDouble() * 360.0;
    dec[i] = Math.Asin(zMin + rng.NextDouble() * (1 - zMin)) * 180 / Math.PI;
}
using (var w = new StreamWriter(positionsFile))
{
    w.WriteLine("ra,dec");
    for (int i = 0; i < count; i++) w.WriteLine(string.Create(inv, $"{ra[i]:R},{dec[i]:R}"));
}

// Core API: exact tile lookup + dictionary access to the tile's rows.
// Best of 5 (the machine is shared; the minimum is the least disturbed run).
long rows = 0;
double coreMs = double.MaxValue;
for (int rep = 0; rep < 5; rep++)
{
    rows = 0;
    var swCore = Stopwatch.StartNew();
    for (int i = 0; i < count; i++)
        rows += catalog.ForTile(TileGrid.Find(ra[i], dec[i]).Name).Count;
    coreMs = Math.Min(coreMs, swCore.Elapsed.TotalMilliseconds);
}

// The cmdlet, fed the positions as Ra/Dec objects by property name, in one pipeline.
_ = typeof(SurveyCatalog).Assembly;
using var ps = PowerShell.Create(InitialSessionState.CreateDefault2());
ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop").Invoke();
var objects = new List<PSObject>(count);
for (int i = 0; i < count; i++)
{
    var o = new PSObject();
    o.Properties.Add(new PSNoteProperty("Ra", ra[i]));
    o.Properties.Add(new PSNoteProperty("Dec", dec[i]));
    objects.Add(o);
}
ps.Commands.Clear();
ps.AddScript("param($p, $t) $p | Get-VlassObservation -CatalogPath $t").AddArgument(objects.Take(1000).ToList()).AddArgument(table);
ps.Invoke();   // warm-up (JIT, catalog load)
ps.Commands.Clear();
ps.AddScript("param($p, $t) $p | Get-VlassObservation -CatalogPath $t").AddArgument(objects).AddArgument(table);
var swCmdlet = Stopwatch.StartNew();
var output = ps.Invoke();
double cmdletMs = swCmdlet.Elapsed.TotalMilliseconds;
if (ps.HadErrors) throw new InvalidOperationException("cmdlet errors: " + string.Join("; ", ps.Streams.Error.Take(3)));
if (output.Count != rows) throw new InvalidOperationException($"cmdlet gave {output.Count} rows, the Core API {rows}");

Console.WriteLine(string.Create(inv, $"csharp_parse_ms_cold {coldMs:0.000}"));
Console.WriteLine(string.Create(inv, $"csharp_parse_ms_median {parseMs[parseMs.Count / 2]:0.000}"));
Console.WriteLine(string.Create(inv, $"csharp_parse_ms_min {parseMs[0]:0.000}"));
Console.WriteLine(string.Create(inv, $"csharp_core_positions {count}"));
Console.WriteLine(string.Create(inv, $"csharp_core_ms {coreMs:0.0}"));
Console.WriteLine(string.Create(inv, $"csharp_rows {rows}"));
Console.WriteLine(string.Create(inv, $"cmdlet_ms {cmdletMs:0.0}"));
