using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;
using VlassPS.Core.Geometry;
using VlassPS.Core.Tiling;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// Plans a campaign without side effects: for every target × epoch the overlapping tiles (TileGrid), their
/// observations (SurveyCatalog) and execution blocks (an <see cref="IExecutionBlockLookup"/>, asked once per
/// tile × epoch and memoized), and the geometry. <see cref="PlanEntries"/> streams rows; feed them to a
/// <see cref="DownloadPlanner"/> for the per-EB view.
/// </summary>
public sealed class CampaignPlanner
{
    private readonly SurveyCatalog _catalog;
    private readonly IExecutionBlockLookup _lookup;
    private readonly Dictionary<(string Tile, string Epoch), IReadOnlyList<ExecutionBlock>?> _memo = new();
    private readonly Dictionary<(double, double, double), ImageGeometry> _geometries = new();

    public CampaignPlanner(SurveyCatalog catalog, IExecutionBlockLookup lookup)
    {
        _catalog = catalog;
        _lookup = lookup;
    }

    /// <summary>Number of distinct tile × epoch EB lookups made so far (each asked once).</summary>
    public int LookupCount => _memo.Count;

    public CampaignPlan Plan(CampaignDefinition definition)
    {
        var downloads = new DownloadPlanner();
        var entries = new List<CampaignPlanEntry>();
        foreach (var e in PlanEntries(definition.Targets))
        {
            entries.Add(e);
            downloads.Add(e);
        }
        return new CampaignPlan(definition, entries, downloads.Order());
    }

    public IEnumerable<CampaignPlanEntry> PlanEntries(IEnumerable<CampaignTarget> targets)
    {
        foreach (var t in targets)
            foreach (var e in PlanTarget(t))
                yield return e;
    }

    /// <summary>The rows of one target: one per requested epoch (or per observed epoch when none is requested).</summary>
    public IReadOnlyList<CampaignPlanEntry> PlanTarget(CampaignTarget target)
    {
        var settings = target.Settings;
        var geometry = Geometry(settings).WithCenter(target.Position);
        var tiles = TileGrid.Overlapping(target.Position, geometry.SearchHalfWidthXArcsec / 3600.0, geometry.SearchHalfWidthYArcsec / 3600.0);
        var labelled = new VlassTile[tiles.Count];
        // The tile containing the target first, then the neighbours in grid order.
        int at = 0;
        foreach (var t in tiles) if (t.ContainsPosition) labelled[at++] = t;
        foreach (var t in tiles) if (!t.ContainsPosition) labelled[at++] = t;

        IEnumerable<string> epochs = settings.Epochs.Count > 0 ? settings.Epochs : ObservedEpochs(labelled);
        var rows = new List<CampaignPlanEntry>();
        foreach (var epoch in epochs)
            rows.Add(PlanEpoch(target, epoch, labelled, geometry));
        return rows;
    }

    // Sizing (imsize search) depends only on the sizes: computed once per distinct (width, height, cell).
    private ImageGeometry Geometry(CampaignSettings s)
    {
        var key = (s.ScienceWidthArcsec, s.ScienceHeightArcsec, s.CellArcsec);
        if (!_geometries.TryGetValue(key, out var g))
            _geometries[key] = g = ImageGeometry.Create(s.ScienceWidthArcsec, s.ScienceHeightArcsec, s.CellArcsec);
        return g;
    }

    private List<string> ObservedEpochs(IReadOnlyList<VlassTile> tiles)
    {
        var epochs = new List<string>();
        foreach (var tile in tiles)
            foreach (var o in _catalog.ForTile(tile.Name))
                if (o.IsObserved && !epochs.Contains(o.Epoch, StringComparer.OrdinalIgnoreCase)) epochs.Add(o.Epoch);
        epochs.Sort(SurveyCatalog.CompareEpochs);
        return epochs;
    }

    // Called once per target × epoch (300,000 times for a 100,000-target campaign): no closures, no lists that stay
    // empty (notes are allocated only when there is something to say), pre-sized lists.
    private CampaignPlanEntry PlanEpoch(CampaignTarget target, string epoch, VlassTile[] tiles, Geometry.ImageGeometry geometry)
    {
        var observations = new List<VlassObservation>(tiles.Length);
        List<string>? notes = null;
        foreach (var tile in tiles)
        {
            var row = _catalog.Find(tile.Name, epoch);
            if (row is { IsObserved: true }) observations.Add(row.For(target.Target));
            else
                (notes ??= []).Add(row is null ? $"{tile.Name} is not in the survey table for {epoch}." : $"{tile.Name} has no observation date in {epoch} yet.");
        }
        if (observations.Count == 0)
            return new CampaignPlanEntry(target, epoch, tiles, observations, [], geometry, PlanStatus.NotObserved, notes);

        var blocks = new List<ExecutionBlock>(observations.Count);
        bool unknown = false;
        foreach (var o in observations)
        {
            var found = Lookup(o.TileName, o.Epoch);
            if (found is null)
            {
                unknown = true;
                (notes ??= []).Add($"Execution blocks of {o.TileName} in {o.Epoch} are unknown (not cached, or the archive did not answer).");
                continue;
            }
            int usable = 0;
            foreach (var eb in found)
            {
                if (eb.QaRejected) continue;
                usable++;
                if (!Contains(blocks, eb.Name)) blocks.Add(eb.For(target.Target));
            }
            if (usable == 0)
            {
                unknown = true;
                (notes ??= []).Add($"The archive lists no usable (not QA-rejected) execution block for {o.TileName} in {o.Epoch}.");
            }
        }
        if (blocks.Count > 1) blocks.Sort(ByName);
        var status = unknown ? PlanStatus.ExecutionBlocksUnknown
            : blocks.Count > 1 ? PlanStatus.MultipleMeasurementSets : PlanStatus.Ready;
        if (status == PlanStatus.MultipleMeasurementSets)
            (notes ??= []).Add($"The region spans {blocks.Count} measurement sets: split each MS (one split per MS), then image them together.");
        return new CampaignPlanEntry(target, epoch, tiles, observations, blocks, geometry, status, notes);
    }

    private static readonly Comparison<ExecutionBlock> ByName = (a, b) => string.CompareOrdinal(a.Name, b.Name);

    private static bool Contains(List<ExecutionBlock> blocks, string name)
    {
        foreach (var b in blocks) if (b.Name == name) return true;
        return false;
    }

    private IReadOnlyList<ExecutionBlock>? Lookup(string tile, string epoch)
    {
        var key = (tile, epoch);
        if (_memo.TryGetValue(key, out var cached)) return cached;
        var found = _lookup.Find(tile, epoch);
        _memo[key] = found;
        return found;
    }
}
