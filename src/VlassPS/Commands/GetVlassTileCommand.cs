using System.Management.Automation;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;
using VlassPS.Core.Tiling;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// VLASS tiles by position (the containing tile), by search region (every tile the science image plus R_g
/// touches), by name, or all 899.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VlassTile", DefaultParameterSetName = ByPosition)]
[OutputType(typeof(VlassTile))]
public sealed class GetVlassTileCommand : VlassCmdlet
{
    private const string ByPosition = "ByPosition";
    private const string ByCoordinates = "ByCoordinates";
    private const string ByGeometry = "ByGeometry";
    private const string ByName = "ByName";
    private const string AllTiles = "All";

    /// <summary>
    /// A position in any pasted form (degrees, sexagesimal, CASA, IAU name), a target, a CSV row with Ra/Dec or
    /// RAJ2000/DEJ2000 columns, or a tile name such as T12t13 (then that tile).
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByPosition)]
    [Alias("PhaseCenter")]
    public object? Position { get; set; }

    /// <summary>Right ascension: decimal degrees, or sexagesimal hours (08:07:57.538); see -RaUnit.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [Alias("RaDeg", "RAJ2000")]
    public string Ra { get; set; } = "";

    /// <summary>Declination: decimal degrees or sexagesimal (+04:32:34.55).</summary>
    // Also a second positional argument of the default set, so that "Get-VlassTile 121.98974 4.54293" binds
    // (PowerShell binds the first positional argument in the default set before it considers the others).
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [Parameter(Position = 1, ParameterSetName = ByPosition)]
    [Alias("DecDeg", "DEJ2000")]
    public string Dec { get; set; } = "";

    /// <summary>How to read a bare RA: Auto (decimal = degrees, sexagesimal = hours), Hours or Degrees.</summary>
    [Parameter(ParameterSetName = ByPosition)]
    [Parameter(ParameterSetName = ByCoordinates)]
    public RaUnit RaUnit { get; set; } = RaUnit.Auto;

    /// <summary>Target label carried on the output (binds from a Name column).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    public string? Name { get; set; }

    /// <summary>Science image size (arcsec; one value or width and height): return every tile of the search region.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [ValidateCount(1, 2)]
    public double[]? ScienceSize { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByGeometry)]
    public ImageGeometry? Geometry { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByName)]
    [Alias("Tile")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.TileNameCompleter))]
    public string[] TileName { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = AllTiles)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByName: EmitNames(TileName); return;
            case AllTiles: WriteObject(TileGrid.All, enumerateCollection: true); return;
            case ByGeometry: EmitGeometry(Geometry!); return;
        }
        SkyPosition position;
        try
        {
            if (ParameterSetName == ByCoordinates)
                position = SkyPositionParser.FromParts(Ra, Dec, RaUnit);
            else if (Dec.Length > 0)
                position = SkyPositionParser.FromParts(System.Convert.ToString(Position is PSObject pr ? pr.BaseObject : Position, System.Globalization.CultureInfo.InvariantCulture) ?? "", Dec, RaUnit);
            else
            {
                if ((Position is PSObject ps ? ps.BaseObject : Position) is ImageGeometry geometry)
                {
                    EmitGeometry(geometry);
                    return;
                }
                var input = SkyInput.Resolve(Position, RaUnit);
                if (input.TileName is not null && input.Position is null)
                {
                    EmitNames(new[] { input.TileName });
                    return;
                }
                position = input.Position!;
            }
        }
        catch (PositionFormatException ex)
        {
            WriteItemError(ex, "PositionUnreadable", ErrorCategory.InvalidArgument, (object?)Position ?? $"{Ra} {Dec}");
            return;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            WriteItemError(ex, "PositionOutOfRange", ErrorCategory.InvalidArgument, (object?)Position ?? $"{Ra} {Dec}");
            return;
        }
        if (Name is not null) position = position.WithName(Name);
        if (ScienceSize is { Length: > 0 })
        {
            ImageGeometry g;
            try { g = ImageGeometry.Create(ScienceSize[0], ScienceSize.Length > 1 ? ScienceSize[1] : null, center: position); }
            catch (ArgumentException ex)
            {
                WriteItemError(ex, "GeometryInvalid", ErrorCategory.InvalidArgument, ScienceSize);
                return;
            }
            EmitGeometry(g);
            return;
        }
        try
        {
            WriteObject(TileGrid.Find(position));
        }
        catch (OutsideSurveyException ex)
        {
            WriteItemError(ex, "PositionOutsideSurvey", ErrorCategory.InvalidArgument, position);
        }
    }

    private void EmitGeometry(ImageGeometry g)
    {
        if (g.Center is null)
        {
            WriteItemError(new ArgumentException("The image geometry has no centre: give Get-VlassImageGeometry a -Position."),
                "GeometryWithoutCenter", ErrorCategory.InvalidArgument, g);
            return;
        }
        try
        {
            var tiles = TileGrid.Overlapping(g.Center, g.SearchHalfWidthXArcsec / 3600.0, g.SearchHalfWidthYArcsec / 3600.0);
            WriteVerbose(FormattableString.Invariant(
                $"Search region {2 * g.SearchHalfWidthXArcsec:0.#}\"x{2 * g.SearchHalfWidthYArcsec:0.#}\" around {g.Center} meets {tiles.Count} tile(s): {string.Join(", ", tiles)}."));
            WriteObject(tiles, enumerateCollection: true);
        }
        catch (OutsideSurveyException ex)
        {
            WriteItemError(ex, "PositionOutsideSurvey", ErrorCategory.InvalidArgument, g.Center);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            WriteItemError(ex, "SearchRegionTooLarge", ErrorCategory.InvalidArgument, g);
        }
    }

    private void EmitNames(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            if (IsValidWildcard(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = TileGrid.All.Where(t => pattern.IsMatch(t.Name)).ToList();
                WriteObject(matches, enumerateCollection: true);
                continue;
            }
            var tile = TileGrid.Get(name);
            if (tile is null)
                WriteItemError(new ItemNotFoundException($"'{name}' is not a VLASS tile: names look like T12t13 (tier 01-32, tile 01-48 within the tier's count)."),
                    "TileNotFound", ErrorCategory.ObjectNotFound, name);
            else
                WriteObject(tile);
        }
    }
}
