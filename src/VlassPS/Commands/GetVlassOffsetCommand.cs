using System.Management.Automation;
using VlassPS.Core.Sky;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>Separation and offsets of positions from a reference position (e.g. fields from a phase centre).</summary>
[Cmdlet(VerbsCommon.Get, "VlassOffset")]
[OutputType(typeof(SkyOffset))]
public sealed class GetVlassOffsetCommand : VlassCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("PhaseCenter", "Reference")]
    [SkyPositionTransformation]
    public SkyPosition From { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Position")]
    [SkyPositionTransformation]
    public SkyPosition To { get; set; } = null!;

    protected override void ProcessRecord() => WriteObject(new SkyOffset(From, To));
}
