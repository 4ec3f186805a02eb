// Fits bench, VlassPS side: image statistics and polygon flux on one large FITS image.
// Usage: VlassPS.Bench.Fits <image.fits> <polygon.json> <stats|polygon>
// Prints one JSON line; peak memory is measured outside (/usr/bin/time -v in run.sh).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VlassPS.Core.Fits;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;

var image = args[0];
var polygon = JsonDocument.Parse(File.ReadAllText(args[1])).RootElement.GetProperty("vertices")
    .EnumerateArray().Select(v => new SkyPosition(v[0].GetDouble(), v[1].GetDouble())).ToList();
var what = args[2];
var sw = Stopwatch.StartNew();
using var f = FitsFile.Open(image);
var img = f.GetImage();
string result;
if (what == "stats")
{
    var s = ImageStatistics.Compute(img);
    result = string.Create(CultureInfo.InvariantCulture, $"\"count\": {s.FiniteCount}, \"mean\": {s.Mean:R}, \"std\": {s.StandardDeviation:R}, \"min\": {s.Minimum:R}, \"max\": {s.Maximum:R}");
}
else
{
    var m = FluxMeasurer.Measure(img, new SkyPolygonRegion(polygon));
    result = string.Create(CultureInfo.InvariantCulture, $"\"pixels\": {m.PixelCount}, \"sum\": {m.PixelSum:R}, \"flux_jy\": {m.FluxJy:R}, \"peak\": {m.Peak:R}");
}
var seconds = sw.Elapsed.TotalSeconds;
// Anonymous (private) resident memory: what the process itself allocated, as opposed to the file pages
// of the memory map that RSS also counts (shared page cache, reclaimable).
var status = File.ReadAllLines("/proc/self/status");
string Kb(string key) => status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"tool\": \"VlassPS\", \"task\": \"{what}\", \"seconds\": {seconds:F3}, {result}, \"rss_anon\": \"{Kb("RssAnon")}\", \"rss_file\": \"{Kb("RssFile")}\", \"gc_heap_mb\": {GC.GetTotalMemory(false) / 1048576.0:F1}}}"));
