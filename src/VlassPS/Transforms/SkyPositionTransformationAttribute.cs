using System.Collections;
using System.Management.Automation;
using VlassPS.Core.Sky;

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
        var o = PSObject.AsPSObject(input);
        return (o.Properties["Ra"] ?? o.Properties["RaDeg"]) is not null && (o.Properties["Dec"] ?? o.Properties["DecDeg"]) is not null
            || o.Properties["Position"] is not null;
    }

    internal static SkyPosition Convert(object? input)
    {
        object? value = Unwrap(input);
        try
        {
            return value switch
            {
                SkyPosition p => p,
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
        object? ra = Property(o, "RaDeg") ?? Property(o, "Ra") ?? Property(o, "RA");
        object? dec = Property(o, "DecDeg") ?? Property(o, "Dec");
        string? name = Property(o, "Name")?.ToString();
        if (ra is not null && dec is not null)
        {
            return ra is string rs && dec is string ds && !double.TryParse(rs, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? SkyPosition.Parse($"{rs} {ds}").WithName(name)
                : new SkyPosition(ToDouble(ra), ToDouble(dec), "J2000", name);
        }
        if (Property(o, "Position") is { } position)
            return Convert(position).WithName(name);
        throw new ArgumentTransformationMetadataException(
            $"Cannot read a sky position from '{o}': give a string such as '08:07:57.5 +04:32:34' or an object with Ra and Dec properties.");
    }

    private static object? Property(PSObject o, string name) => Unwrap(o.Properties[name]?.Value);

    private static object? Unwrap(object? o) => o is PSObject p ? p.BaseObject : o;

    private static bool IsNumber(object? o) => o is double or float or int or long or decimal or short or byte;

    private static double ToDouble(object? o) => o switch
    {
        string s => double.Parse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        _ => System.Convert.ToDouble(o, System.Globalization.CultureInfo.InvariantCulture),
    };
}
