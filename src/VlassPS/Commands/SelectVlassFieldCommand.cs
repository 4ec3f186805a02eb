using System.Management.Automation;
using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>Chooses the fields of one or more MSs that a target image needs (Pipeline or Memo20 rule).</summary>
[Cmdlet(VerbsCommon.Select, "VlassField", DefaultParameterSetName = SizeSet)]
[OutputType(typeof(SelectedField), ParameterSetName = new[] { SizeSet, GeometrySet })]
[OutputType(typeof(string))]
[OutputType(typeof(FieldRuleDifference))]
public sealed class SelectVlassFieldCommand : VlassCmdlet
{
    private const string SizeSet = "ScienceSize";
    private const string GeometrySet = "Geometry";

    /// <summary>MS objects from Get-VlassMeasurementSet, or MS directory paths (read here).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [MeasurementSetTransformation]
    [Alias("MS", "Vis")]
    public MeasurementSetInfo[] MeasurementSet { get; set; } = Array.Empty<MeasurementSetInfo>();

    /// <summary>The target image centre; piped targets (strings, objects with Ra/Dec) bind here.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Position")]           // not "Center": a piped geometry's Center must not pull binding into the -ScienceSize set
    [SkyPositionTransformation]
    public SkyPosition? PhaseCenter { get; set; }

    /// <summary>Science image side in arcsec: one value or width and height.</summary>
    /// <remarks>Not from the pipeline: a mandatory pipeline parameter in the default set would latch binding to
    /// that set, and a piped geometry could then never bind to -Geometry.</remarks>
    [Parameter(Mandatory = true, ParameterSetName = SizeSet)]
    [ValidateCount(1, 2)]
    public double[] ScienceSize { get; set; } = Array.Empty<double>();

    /// <summary>R_g in arcsec (with -ScienceSize; a geometry carries its own).</summary>
    [Parameter(ParameterSetName = SizeSet)]
    [ValidateRange(0.0, 36000.0)]
    public double SearchRadius { get; set; } = FieldSelector.DefaultSearchRadiusArcsec;

    /// <summary>An image geometry from Get-VlassImageGeometry: science size, R_g, and (when set) the centre.</summary>
    [Parameter(Mandatory = true, ParameterSetName = GeometrySet, ValueFromPipeline = true)]
    public ImageGeometry? Geometry { get; set; }

    [Parameter]
    public FieldSelectionMethod Method { get; set; } = FieldSelectionMethod.Pipeline;

    /// <summary>Shell-style name patterns replacing the method's defaults.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NamePattern { get; set; }

    /// <summary>Output the CASA selection string (0~45,47,52~60) per MS instead of field objects.</summary>
    [Parameter]
    public SwitchParameter AsSelection { get; set; }

    /// <summary>
    /// Output the fields the Pipeline and Memo20 rules disagree on (FieldRuleDifference: which rule selects each one
    /// and whether the other rejects it for its name, intent or position) instead of a selection.
    /// </summary>
    [Parameter]
    public SwitchParameter Compare { get; set; }

    protected override void ProcessRecord()
    {
        var center = PhaseCenter ?? Geometry?.Center;
        if (center is null)
        {
            ThrowInvocationError(new ArgumentException("No phase centre: give -PhaseCenter, pipe targets, or pipe a geometry made with -Position."),
                "PhaseCenterMissing", ErrorCategory.InvalidArgument, (object?)Geometry ?? MeasurementSet);
            return;
        }
        double width = Geometry?.ScienceWidthArcsec ?? ScienceSize[0];
        double height = Geometry?.ScienceHeightArcsec ?? (ScienceSize.Length > 1 ? ScienceSize[1] : ScienceSize[0]);
        double rg = Geometry?.SearchRadiusArcsec ?? SearchRadius;
        foreach (var ms in MeasurementSet)
        {
            FieldSelection sel;
            IReadOnlyList<FieldRuleDifference> differences;
            try
            {
                sel = FieldSelector.Select(ms, center, width, height, Method, rg, NamePattern);
                differences = FieldSelector.Compare(ms, center, width, height, rg, NamePattern);
            }
            catch (ArgumentException ex)
            {
                WriteItemError(ex, "FieldSelectionInvalid", ErrorCategory.InvalidArgument, ms);
                continue;
            }
            WriteVerbose(FormattableString.Invariant(
                $"{ms.Path}: {Method} rule, half-widths {sel.HalfWidthXArcsec:0.#}\" x {sel.HalfWidthYArcsec:0.#}\" around {center.ToSexagesimal()}: {sel.Fields.Count} of {ms.Fields.Count} fields, {sel.SelectedRows} of {sel.TotalRows} rows."));
            if (Compare)
            {
                WriteObject(differences, enumerateCollection: true);
                continue;
            }
            if (differences.Count > 0)
                WriteVerbose($"{ms.Path}: {differences.Count} field(s) are selected by only one of the Pipeline and Memo20 rules (list them with -Compare).");
            foreach (var w in sel.Warnings) WriteWarning(w);
            if (AsSelection)
            {
                if (sel.Fields.Count > 0) WriteObject(sel.Selection);
            }
            else WriteObject(sel.Fields, enumerateCollection: true);
        }
    }

    /// <summary>
    /// Reads MS paths given as strings (or directories) relative to the PowerShell location; anything else passes
    /// through unchanged so that piped targets bind to -PhaseCenter instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class MeasurementSetTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is null) return null;
            if (inputData is System.Collections.IList list)
            {
                var result = new object?[list.Count];
                bool all = true;
                for (int i = 0; i < list.Count; i++)
                {
                    result[i] = TransformOne(engineIntrinsics, list[i]);
                    all &= result[i] is MeasurementSetInfo;
                }
                return all ? result.Cast<MeasurementSetInfo>().ToArray() : inputData;
            }
            return TransformOne(engineIntrinsics, inputData);
        }

        private static object? TransformOne(EngineIntrinsics engine, object? input)
        {
            object? value = input is PSObject pso ? pso.BaseObject : input;
            string? path = value switch
            {
                string s => s,
                DirectoryInfo d => d.FullName,
                _ => null,
            };
            if (path is null) return input;
            string full = engine.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!Directory.Exists(full)) return input;        // not an MS path: let the binder try other parameters
            try
            {
                return MeasurementSetInfo.Read(full);
            }
            catch (CasaTableException ex)
            {
                throw new ArgumentTransformationMetadataException($"'{path}' is not a readable Measurement Set: {ex.Message}", ex);
            }
        }
    }
}
