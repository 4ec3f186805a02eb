using System.Management.Automation;
using VlassPS.Core.Catalog;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Tiling;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// Which epochs observed a tile, and when: one object per tile × epoch from the cached survey table.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VlassObservation", DefaultParameterSetName = ByInput)]
[OutputType(typeof(VlassObservation))]
public sealed class GetVlassObservationCommand : VlassCmdlet
{
    private const string ByInput = "ByInput";
    private const string ByTile = "ByTile";
    private const string ByPosition = "ByPosition";
    private const string ByCoordinates = "ByCoordinates";

    /// <summary>
    /// Tiles or tile names (wildcards allowed), targets, positions in any pasted form, geometries or CSV rows;
    /// a position stands for the tile that contains it, and its target is carried on every row.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByInput)]
    [ValidateNotNull]
    public object[] InputObject { get; set; } = [];

    // No "Name" alias: SkyPosition objects carry a Name (the target label), which must not bind as a tile.
    [Parameter(Mandatory = true, ParameterSetName = ByTile)]
    [Alias("Tile")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.TileNameCompleter))]
    public string[] TileName { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = ByPosition)]
    [Alias("PhaseCenter")]
    [SkyPositionTransformation]
    [ValidateNotNull]
    public SkyPosition? Position { get; set; }

    /// <summary>Right ascension: decimal degrees or sexagesimal hours; see -RaUnit.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByCoordinates)]
    [Alias("RaDeg", "RAJ2000")]
    public string Ra { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ByCoordinates)]
    [Alias("DecDeg", "DEJ2000")]
    public string Dec { get; set; } = "";

    /// <summary>How to read a bare RA: Auto (decimal = degrees, sexagesimal = hours), Hours or Degrees.</summary>
    [Parameter]
    public RaUnit RaUnit { get; set; } = RaUnit.Auto;

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
            DataDirectorySetting(CacheDirectory), out var error);
        if (catalog is null)
            ThrowInvocationError(error!, CatalogAccess.MissingErrorId, ErrorCategory.ObjectNotFound, CatalogPath ?? CacheDirectory);
        _catalog = catalog!;
        WriteVerbose($"Survey catalog: {_catalog.Count} rows from {_catalog.Source}, fetched {_catalog.FetchedAt:u}.");
        _epochs = Epoch?.Select(e => PatternOrLiteral(e, WildcardOptions.IgnoreCase)).ToArray();
        // An epoch the table does not know is a mistake, never a silent empty result.
        foreach (var (text, pattern) in (Epoch ?? []).Zip(_epochs ?? []))
            if (!_catalog.Epochs.Any(pattern.IsMatch))
                ThrowInvocationError(new ArgumentException($"-Epoch '{text}' matches no epoch of the survey catalog; it has: {string.Join(", ", _catalog.Epochs)}."),
                    "EpochNotInCatalog", ErrorCategory.InvalidArgument, text);
    }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByTile:
                foreach (var name in TileName) EmitTileName(name, null);
                break;
            case ByPosition:
                EmitPosition(Position!);
                break;
            case ByInput:
                foreach (var item in InputObject) EmitInput(item);
                break;
            default:
                SkyPosition p;
                try { p = SkyPositionParser.FromParts(Ra, Dec, RaUnit); }
                catch (Exception ex) when (ex is PositionFormatException or ArgumentOutOfRangeException)
                {
                    WriteItemError(ex, "PositionUnreadable", ErrorCategory.InvalidArgument, $"{Ra} {Dec}");
                    return;
                }
                EmitPosition(p);
                break;
        }
    }

    private void EmitInput(object item)
    {
        SkyInput input;
        try { input = SkyInput.Resolve(item, RaUnit); }
        catch (Exception ex) when (ex is PositionFormatException or ArgumentOutOfRangeException)
        {
            WriteItemError(new ArgumentException($"'{item}' is neither a VLASS tile (T12t13) nor a position: {ex.Message}", ex),
                "InputUnreadable", ErrorCategory.InvalidArgument, item);
            return;
        }
        if (input.TileName is not null) EmitTileName(input.TileName, input.Target);
        else EmitPosition(input.Position!);
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
        EmitTile(tile.Name, position, position.Target);
    }

    private void EmitTileName(string name, VlassTarget? target)
    {
        if (IsValidWildcard(name))
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            foreach (var t in _catalog.TileNames)
                if (pattern.IsMatch(t)) EmitTile(t, name, target);
            return;
        }
        var tile = TileGrid.Get(name);
        if (tile is null)
        {
            WriteItemError(new ItemNotFoundException($"'{name}' is not a VLASS tile: names look like T12t13."), "TileNotFound", ErrorCategory.ObjectNotFound, name);
            return;
        }
        EmitTile(tile.Name, name, target);
    }

    private void EmitTile(string tileName, object errorTarget, VlassTarget? target)
    {
        var rows = _catalog.ForTile(tileName);
        if (rows.Count == 0)
        {
            WriteItemError(new ItemNotFoundException($"The survey catalog ({_catalog.Source}) has no rows for tile {tileName}."),
                "TileNotInCatalog", ErrorCategory.ObjectNotFound, errorTarget);
            return;
        }
        foreach (var row in rows)
        {
            if (ObservedOnly && !row.IsObserved) continue;
            if (_epochs is not null && !_epochs.Any(p => p.IsMatch(row.Epoch))) continue;
            WriteObject(row.For(target));
        }
    }
}
