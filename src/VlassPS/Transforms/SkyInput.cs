using System.Collections;
using System.Management.Automation;
using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Tiling;

namespace VlassPS.Transforms;

/// <summary>
/// One pipeline input of the tile-based cmdlets, resolved the same way everywhere: a tile (object or name such
/// as "T12t13"), an observation or execution block (its tile, epoch and target), or anything that is a position
/// (a target, a geometry's centre, a pasted string, an IAU name, a CSV row with Ra/Dec or RAJ2000/DEJ2000).
/// </summary>
public sealed record SkyInput(string? TileName, SkyPosition? Position, VlassTarget? Target, string? Epoch)
{
    /// <summary>Resolves <paramref name="input"/>; a string that is neither a tile nor a position throws a PositionFormatException.</summary>
    public static SkyInput Resolve(object? input, RaUnit raUnit = RaUnit.Auto)
    {
        object? value = input is PSObject p ? p.BaseObject : input;
        switch (value)
        {
            case null: throw new PositionFormatException("The input is empty.", "");
            case VlassTile t: return new SkyInput(t.Name, null, t.Target, null);
            case VlassObservation o: return new SkyInput(o.TileName, null, o.Target, o.Epoch);
            case ExecutionBlock eb when eb.Tile is not null: return new SkyInput(eb.Tile, null, eb.Target, eb.Epoch);
            case ImageGeometry g when g.Center is not null: return FromPosition(g.Center);
            case VlassTarget { Position: not null } target: return FromPosition(target.Position);
            case SkyPosition position: return FromPosition(position);
            case string s when IsTileName(s): return new SkyInput(s.Trim(), null, null, null);
            case string s: return FromPosition(SkyPosition.Parse(s, raUnit));
            case IList list when list.Count == 2: return FromPosition(SkyPositionTransformationAttribute.Convert(list));
        }
        var o2 = PSObject.AsPSObject(input!);
        string? tileName = (o2.Properties["TileName"]?.Value ?? o2.Properties["Tile"]?.Value)?.ToString();
        var carried = (o2.Properties["Target"]?.Value is PSObject tp ? tp.BaseObject : o2.Properties["Target"]?.Value) as VlassTarget;
        if (!string.IsNullOrWhiteSpace(tileName)) return new SkyInput(tileName.Trim(), null, carried, o2.Properties["Epoch"]?.Value?.ToString());
        try
        {
            return FromPosition(SkyPositionTransformationAttribute.Convert(input));
        }
        catch (ArgumentTransformationMetadataException ex)
        {
            throw new PositionFormatException(ex.Message, value.ToString() ?? "");
        }
    }

    private static SkyInput FromPosition(SkyPosition position) => new(null, position, position.Target, null);

    /// <summary>T12t13 (or a wildcard pattern of tile names such as T12t1*).</summary>
    public static bool IsTileName(string s)
    {
        string t = s.Trim();
        return TileGrid.Get(t) is not null
               || (WildcardPattern.ContainsWildcardCharacters(t) && t.Length > 0 && (t[0] == 'T' || t[0] == 't') && !t.Contains(' '));
    }
}
