using System.Collections;
using System.Management.Automation;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;

namespace VlassPS.Transforms;

/// <summary>
/// Lets a <see cref="SkyPosition"/> parameter take a pasted string ("08:07:57.5 +04:32:34"), a pair of
/// numbers, or any object with Ra/Dec (or RaDeg/DecDeg, or Position) properties such as CSV rows.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SkyPositionTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is null) return null;
        if (inputData is IList list && inputData is not string)
        {
            // Arrays of positions (polygons) and a bare "ra, dec" number pair both arrive as lists.
            if (list.Count == 2 && IsNumber(Unwrap(list[0])) && IsNumber(Unwrap(list[1])))
                return Convert(list);
            var result = new SkyPosition[list.Count];
            for (int i = 0; i < list.Count; i++) result[i] = Convert(list[i]);
            return result;
        }
        // Objects that are not positions at all (an image geometry, a tile) pass through unchanged, so the
        // binder can try the cmdlet's other pipeline parameters instead of failing here.
        if (Unwrap(inputData) is not string && !LooksLikePosition(inputData)) return inputData;
        return Convert(inputData);
    }

    private static bool LooksLikePosition(object input)
    {
        object? value = Unwrap(input);
        if (value is SkyPosition or IList) return true;
        if (value is Core.Targets.VlassTarget) return true;
        var o = PSObject.AsPSObject(input);
        return First(o, TargetListReader.RaColumns) is not null && First(o, TargetListReader.DecColumns) is not null
            || First(o, TargetListReader.PositionColumns) is not null;
    }

    internal static SkyPosition Convert(object? input)
    {
        object? value = Unwrap(input);
        try
        {
            return value switch
            {
                SkyPosition p => p,
                Core.Targets.VlassTarget t when t.Position is not null => t.Position,
                string s => SkyPosition.Parse(s),
                IList l when l.Count == 2 => new SkyPosition(ToDouble(Unwrap(l[0])), ToDouble(Unwrap(l[1]))),
                _ when input is PSObject pso => FromProperties(pso),
                _ => FromProperties(PSObject.AsPSObject(value!)),
            };
        }
        catch (PositionFormatException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }

    private static SkyPosition FromProperties(PSObject o)
    {
        // Any pipeline output that carries a located target (tile, geometry, selection) stands for that target.
        if (Property(o, "Target") is VlassTarget { Position: not null } carried) return carried.Position;
        // The same column names as Import-VlassTarget (Ra/RaDeg/RAJ2000..., Dec/DEJ2000..., Position/PhaseCenter...).
        object? ra = First(o, TargetListReader.RaColumns);
        object? dec = First(o, TargetListReader.DecColumns);
        string? name = First(o, TargetListReader.NameColumns) is { } n and not SkyPosition and not Core.Targets.VlassTarget ? n.ToString() : null;
        if (ra is not null && dec is not null)
            return SkyPositionParser.FromParts(ToText(ra), ToText(dec)).WithName(name);
        if (First(o, TargetListReader.PositionColumns) is { } position)
            return Convert(position).WithName(name ?? (position as SkyPosition)?.Name);
        throw new ArgumentTransformationMetadataException(
            $"Cannot read a sky position from '{o}': give a string such as '08:07:57.5 +04:32:34' or an object with Ra and Dec properties.");
    }

    private static object? Property(PSObject o, string name) => Unwrap(o.Properties[name]?.Value);

    private static object? First(PSObject o, IReadOnlyList<string> names)
    {
        foreach (string n in names)
            if (Property(o, n) is { } v) return v;
        return null;
    }

    private static string ToText(object o) => o is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : o.ToString() ?? "";

    private static object? Unwrap(object? o) => o is PSObject p ? p.BaseObject : o;

    private static bool IsNumber(object? o) => o is double or float or int or long or decimal or short or byte;

    private static double ToDouble(object? o) => o switch
    {
        string s => double.Parse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        _ => System.Convert.ToDouble(o, System.Globalization.CultureInfo.InvariantCulture),
    };
}
