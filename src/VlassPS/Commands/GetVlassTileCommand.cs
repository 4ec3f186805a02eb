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

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPosition)]
    [Alias("PhaseCenter")]
    [SkyPositionTransformation]
    public SkyPosition? Position { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [Alias("RaDeg")]
    public double Ra { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCoordinates)]
    [Alias("DecDeg")]
    public double Dec { get; set; }

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
            case ByName: EmitByName(); return;
            case AllTiles: WriteObject(TileGrid.All, enumerateCollection: true); return;
            case ByGeometry: EmitGeometry(Geometry!); return;
        }
        SkyPosition position;
        try
        {
            position = ParameterSetName == ByCoordinates ? new SkyPosition(Ra, Dec) : Position!;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            WriteItemError(ex, "PositionOutOfRange", ErrorCategory.InvalidArgument, $"{Ra} {Dec}");
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

    private void EmitByName()
    {
        foreach (string name in TileName)
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
