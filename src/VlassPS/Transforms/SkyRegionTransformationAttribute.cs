using System.Collections;
using System.Management.Automation;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;

namespace VlassPS.Transforms;

/// <summary>
/// Lets a SkyRegion[] parameter take region objects, or a list of positions (strings, SkyPosition, objects
/// with Ra/Dec) which becomes one polygon: <c>-Region '08:07:57 +04:32:00','08:07:59 +04:32:00','08:07:58 +04:33:00'</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SkyRegionTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is null) return null;
        var value = inputData is PSObject pso ? pso.BaseObject : inputData;
        if (value is SkyRegion r) return new[] { r };
        if (value is IList list && value is not string)
        {
            var items = list.Cast<object?>().Select(o => o is PSObject p ? p.BaseObject : o).ToList();
            if (items.All(o => o is SkyRegion)) return items.Cast<SkyRegion>().ToArray();
            if (items.Any(o => o is SkyRegion))
                throw new ArgumentTransformationMetadataException("Give either region objects or the positions of one polygon, not both.");
            var positions = new SkyPositionTransformationAttribute().Transform(engineIntrinsics, inputData);
            if (positions is SkyPosition[] vertices)
            {
                if (vertices.Length < 3) throw new ArgumentTransformationMetadataException($"A polygon needs at least 3 vertices; {vertices.Length} given.");
                return new SkyRegion[] { new SkyPolygonRegion(vertices) };
            }
        }
        throw new ArgumentTransformationMetadataException($"Cannot use '{inputData}' as a region: give SkyRegion objects or a list of at least 3 positions.");
    }
}
