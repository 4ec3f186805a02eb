using System.Management.Automation;
using VlassPS.Core.Sky;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>Parses pasted positions into typed sky positions, or formats them as CASA, sexagesimal or IAU text.</summary>
[Cmdlet(VerbsData.ConvertTo, "VlassPosition", DefaultParameterSetName = FromText)]
[OutputType(typeof(SkyPosition), typeof(string))]
public sealed class ConvertToVlassPositionCommand : VlassCmdlet
{
    private const string FromText = "FromText";
    private const string FromNumbers = "FromNumbers";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = FromText)]
    [AllowEmptyString]
    public object[] InputObject { get; set; } = Array.Empty<object>();

    [Parameter(Mandatory = true, ParameterSetName = FromNumbers, ValueFromPipelineByPropertyName = true)]
    public double Ra { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = FromNumbers, ValueFromPipelineByPropertyName = true)]
    public double Dec { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter]
    public RaUnit RaUnit { get; set; } = RaUnit.Auto;

    [Parameter]
    public PositionFormat As { get; set; } = PositionFormat.Object;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == FromNumbers)
        {
            double raDeg = RaUnit == RaUnit.Hours ? Ra * 15.0 : Ra;
            Emit(() => new SkyPosition(raDeg, Dec, "J2000", Name), $"{Ra} {Dec}");
            return;
        }
        foreach (var item in InputObject)
        {
            object? value = item is PSObject pso ? pso.BaseObject : item;
            if (value is string text)
                Emit(() => SkyPosition.Parse(text, RaUnit).WithName(Name), text);
            else
                Emit(() => WithLabel(SkyPositionTransformationAttribute.Convert(item)), item);
        }
    }

    private SkyPosition WithLabel(SkyPosition p) => Name is null ? p : p.WithName(Name);

    private void Emit(Func<SkyPosition> make, object? target)
    {
        SkyPosition p;
        try { p = make(); }
        catch (PositionFormatException ex)
        {
            WriteItemError(ex, "PositionUnreadable", ErrorCategory.InvalidArgument, target);
            return;
        }
        catch (ArgumentException ex)
        {
            WriteItemError(ex, "PositionOutOfRange", ErrorCategory.InvalidArgument, target);
            return;
        }
        catch (ArgumentTransformationMetadataException ex)
        {
            WriteItemError(ex, "PositionUnreadable", ErrorCategory.InvalidArgument, target);
            return;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or PSInvalidCastException)
        {
            // An object whose Ra/Dec do not convert ('abc'): this item only, the next one is read.
            WriteItemError(new FormatException($"Cannot read a position from {target}: {ex.Message}", ex), "PositionUnreadable", ErrorCategory.InvalidArgument, target);
            return;
        }
        WriteObject(As switch
        {
            PositionFormat.Casa => p.ToCasaString(),
            PositionFormat.Sexagesimal => p.ToSexagesimal(),
            PositionFormat.Iau => p.IauName,
            PositionFormat.Degrees => p.ToDegrees(),
            _ => (object)p,
        });
    }
}

/// <summary>Output forms of ConvertTo-VlassPosition.</summary>
public enum PositionFormat
{
    Object,
    Casa,
    Sexagesimal,
    Iau,
    Degrees,
}
