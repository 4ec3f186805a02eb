using System.Management.Automation;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>Science image → search region → full image → efficient tclean imsize (Memo 20 §1).</summary>
[Cmdlet(VerbsCommon.Get, "VlassImageGeometry")]
[OutputType(typeof(ImageGeometry))]
public sealed class GetVlassImageGeometryCommand : VlassCmdlet
{
    /// <summary>Science image side in arcsec: one value (square) or width and height.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateCount(1, 2)]
    public double[] ScienceSize { get; set; } = Array.Empty<double>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.001, 3600.0)]
    public double Cell { get; set; } = ImageGeometry.DefaultCellArcsec;

    [Parameter]
    [ValidateRange(1e-6, 0.999999)]
    public double SensitivityFraction { get; set; } = double.NaN;

    /// <summary>Frequency in GHz at which the search radius is evaluated (beam model).</summary>
    [Parameter]
    [ValidateRange(0.05, 100.0)]
    public double Frequency { get; set; } = double.NaN;

    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Center", "PhaseCenter")]
    [SkyPositionTransformation]
    public SkyPosition? Position { get; set; }

    protected override void ProcessRecord()
    {
        ImageGeometry g;
        try
        {
            g = ImageGeometry.Create(ScienceSize[0], ScienceSize.Length > 1 ? ScienceSize[1] : null, Cell,
                double.IsNaN(SensitivityFraction) ? null : SensitivityFraction,
                double.IsNaN(Frequency) ? null : Frequency, Position);
        }
        catch (ArgumentException ex)
        {
            WriteItemError(ex, "GeometryInvalid", ErrorCategory.InvalidArgument, ScienceSize);
            return;
        }
        WriteVerbose(FormattableString.Invariant(
            $"Science {g.ScienceWidthArcsec}\"x{g.ScienceHeightArcsec}\", R_g {g.SearchRadiusArcsec:0.#}\", margin {g.AliasingMarginArcsec:0.#}\" -> full {g.FullWidthArcsec:0.#}\"x{g.FullHeightArcsec:0.#}\" -> {g.RawPixelsX}x{g.RawPixelsY} px at {g.CellArcsec}\" -> efficient imsize [{g.ImsizeX},{g.ImsizeY}]."));
        if (g.ExceedsStandardImage)
            WriteWarning($"The full image ({g.ImsizeX}x{g.ImsizeY} px) is larger than the standard {ImageSizing.StandardSeImsize} px SE image: the official SE images may serve better, or use a smaller science size.");
        WriteObject(g);
    }
}
