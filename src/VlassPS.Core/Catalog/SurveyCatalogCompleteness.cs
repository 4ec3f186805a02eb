using VlassPS.Core.Errors;
using VlassPS.Core.Tiling;

namespace VlassPS.Core.Catalog;

/// <summary>
/// Decides whether a freshly read survey table may replace the cached one: a download cut short (with or
/// without Content-Length, mid-row or at a line end) or a partial copy must never become the catalog.
/// The table must end with a line break, name every tile of the tiling (so every tier), and, unless forced,
/// keep every tile × epoch row of the cached table.
/// </summary>
public static class SurveyCatalogCompleteness
{
    public static void Check(string text, SurveyCatalog candidate, SurveyCatalog? cached, bool force, string source)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            var lastLine = text[(text.LastIndexOf('\n') + 1)..];
            throw new VlassException(VlassErrors.SurveyCatalogIncomplete,
                $"{source} ends in the middle of a line ('{Excerpt(lastLine)}'): the table was cut short. The cached table was left unchanged.", source);
        }

        var missing = TileGrid.All.Where(t => !candidate.ContainsTile(t.Name)).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            var tiers = missing.Select(n => n[..3]).Distinct().Count();
            throw new VlassException(VlassErrors.SurveyCatalogIncomplete,
                $"{source} lacks {missing.Count} of the {TileGrid.All.Count} VLASS tiles (in {tiers} tier(s), first {string.Join(", ", missing.Take(5))}): " +
                "the table is incomplete or was cut short. The cached table was left unchanged.", source);
        }

        if (cached is null || force) return;
        var now = candidate.Observations.Select(o => (o.TileName, o.Epoch)).ToHashSet();
        var lost = cached.Observations.Where(o => !now.Contains((o.TileName, o.Epoch))).ToList();
        if (lost.Count > 0)
            throw new VlassException(VlassErrors.SurveyCatalogShrinks,
                $"{source} has no row for {lost.Count} tile × epoch pair(s) of the cached table (first {lost[0].TileName} {lost[0].Epoch}); " +
                "use -Force to replace the cached table with a smaller one.", source);
    }

    private static string Excerpt(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
