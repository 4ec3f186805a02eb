using System.Management.Automation;
using VlassPS.Core.Catalog;
using VlassPS.Core.Sky;
using VlassPS.Core.Tiling;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// Which epochs observed a tile, and when: one object per tile × epoch from the cached survey table.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VlassObservation", DefaultParameterSetName = ByTile)]
[OutputType(typeof(VlassObservation))]
public sealed class GetVlassObservationCommand : VlassCmdlet
{
    private const string ByTile = "ByTile";
    private const string ByPosition = "ByPosition";
    private const string ByCoordinates = "ByCoordinates";

    // No "Name" alias: SkyPosition objects carry a Name (the target label), which must not bind as a tile.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTile)]
    [Alias("Tile")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.TileNameCompleter))]
    public string[] TileName { get; set; } = [];

    // Not from the pipeline by value: a transformation on a by-value parameter rejects every other input object
    // (tiles, CSV rows) before by-property-name binding is tried. Pipe Ra/Dec objects or tiles instead.
    [Parameter(Mandatory = true, ParameterSetName = ByPosition)]
    [Alias("PhaseCenter")]
    [SkyPositionTransformation]
    [ValidateNotNull]
    public SkyPosition? Position { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [Alias("RaDeg")]
    public double Ra { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [Alias("DecDeg")]
    public double Dec { get; set; }

    /// <summary>Epoch names to keep; wildcards allowed (VLASS3.*).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.EpochCompleter))]
    public string[]? Epoch { get; set; }

    /// <summary>Only rows with an observation date.</summary>
    [Parameter]
    public SwitchParameter ObservedOnly { get; set; }

    /// <summary>Folder of the cached table (default: the per-user data folder, or $env:VLASSPS_DATA).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CacheDirectory { get; set; }

    /// <summary>Read this table file instead of the cache.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    private SurveyCatalog _catalog = null!;
    private WildcardPattern[]? _epochs;

    protected override void BeginProcessing()
    {
        var catalog = CatalogAccess.TryLoad(CatalogPath is null ? null : ResolvePath(CatalogPath),
            VlassDirectories.DataDirectory(CacheDirectory is null ? null : ResolvePath(CacheDirectory)), out var error);
        if (catalog is null)
            ThrowInvocationError(error!, CatalogAccess.MissingErrorId, ErrorCategory.ObjectNotFound, CatalogPath ?? CacheDirectory);
        _catalog = catalog!;
        WriteVerbose($"Survey catalog: {_catalog.Count} rows from {_catalog.Source}, fetched {_catalog.FetchedAt:u}.");
        _epochs = Epoch?.Select(e => PatternOrLiteral(e, WildcardOptions.IgnoreCase)).ToArray();
    }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByTile:
                foreach (var name in TileName) EmitTileName(name);
                break;
            case ByPosition:
                EmitPosition(Position!);
                break;
            default:
                SkyPosition p;
                try { p = new SkyPosition(Ra, Dec); }
                catch (ArgumentOutOfRangeException ex)
                {
                    WriteItemError(ex, "PositionOutOfRange", ErrorCategory.InvalidArgument, $"{Ra} {Dec}");
                    return;
                }
                EmitPosition(p);
                break;
        }
    }

    private void EmitPosition(SkyPosition position)
    {
        VlassTile tile;
        try { tile = TileGrid.Find(position); }
        catch (OutsideSurveyException ex)
        {
            WriteItemError(ex, "PositionOutsideSurvey", ErrorCategory.InvalidArgument, position);
            return;
        }
        WriteVerbose($"{position} lies in tile {tile.Name}.");
        EmitTile(tile.Name, position);
    }

    private void EmitTileName(string name)
    {
        if (IsValidWildcard(name))
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            foreach (var t in _catalog.TileNames)
                if (pattern.IsMatch(t)) EmitTile(t, name);
            return;
        }
        var tile = TileGrid.Get(name);
        if (tile is null)
        {
            WriteItemError(new ItemNotFoundException($"'{name}' is not a VLASS tile: names look like T12t13."), "TileNotFound", ErrorCategory.ObjectNotFound, name);
            return;
        }
        EmitTile(tile.Name, name);
    }

    private void EmitTile(string tileName, object target)
    {
        var rows = _catalog.ForTile(tileName);
        if (rows.Count == 0)
        {
            WriteItemError(new ItemNotFoundException($"The survey catalog ({_catalog.Source}) has no rows for tile {tileName}."),
                "TileNotInCatalog", ErrorCategory.ObjectNotFound, target);
            return;
        }
        foreach (var row in rows)
        {
            if (ObservedOnly && !row.IsObserved) continue;
            if (_epochs is not null && !_epochs.Any(p => p.IsMatch(row.Epoch))) continue;
            WriteObject(row);
        }
    }
}
