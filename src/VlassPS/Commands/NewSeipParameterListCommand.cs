using System.Collections;
using System.Management.Automation;
using VlassPS.Core.Geometry;
using VlassPS.Core.IO;
using WriteStatus = VlassPS.Core.IO.WriteStatus;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// Builds a SEIP_parameter.list for hif_editimlist from a position and a geometry (or explicit values),
/// validates it against what the pipeline needs, and writes it atomically (or returns it).
/// </summary>
[Cmdlet(VerbsCommon.New, "SeipParameterList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SeipParameterList))]
public sealed class NewSeipParameterListCommand : VlassCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Center", "PhaseCenter")]
    [SkyPositionTransformation]
    public SkyPosition? Position { get; set; }

    /// <summary>Image geometry from Get-VlassImageGeometry: imsize, cell and science size come from it.</summary>
    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ImageGeometry? Geometry { get; set; }

    /// <summary>Target name used for the default imagename (VLASS_SE_&lt;name&gt;).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("TargetName", "SourceName")]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ImageName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]

    [ArgumentCompleter(typeof(Completion.ImagingModeCompleter))]
    public string? ImagingMode { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateCount(1, 2)]
    [ValidateRange(2, Core.Geometry.ImageSizing.MaxImsize)]
    public int[]? Imsize { get; set; }

    /// <summary>Cell size in arcsec (a number, as everywhere in VlassPS); default from the geometry, else 0.6.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.001, 3600.0)]
    public double? Cell { get; set; }

    [Parameter] public int? CycleNiter { get; set; }
    [Parameter] public int? CycleNiterFinalImageNoMask { get; set; }
    [Parameter] public double? PbLimit { get; set; }
    [Parameter] public double? SearchRadiusArcsec { get; set; }
    [Parameter] public double? NSigma { get; set; }
    [Parameter] public double? Robust { get; set; }

    /// <summary>
    /// Field selection (ids or names); several values are joined with commas. Deliberately not bound from a
    /// piped field selection: split renumbers the fields, so ids of the original MS would be wrong in the
    /// split MS (the pipeline selects fields itself). A piped selection contributes its PhaseCenter.
    /// </summary>
    [Parameter]
    public string[]? Field { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Spw { get; set; }

    [Parameter]
    [ValidateCount(1, 2)]
    [ValidateRange(2, Core.Geometry.ImageSizing.MaxImsize)]
    public int[]? CutoutImsize { get; set; }

    [Parameter] public int? WProjPlanes { get; set; }

    /// <summary>Any other hif_editimlist key: a hashtable of key = value (strings, numbers, booleans, arrays, hashtables, $null).</summary>
    [Parameter] public Hashtable? Parameter { get; set; }

    /// <summary>Pipeline version the list is for (e.g. 2023.1.1.8); drives version warnings and cutout_imsize.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.PipelineVersionCompleter))]
    [Transforms.ValidatePipelineVersion]
    public string? PipelineVersion { get; set; }

    /// <summary>
    /// File to write; default &lt;target id&gt;/SEIP_parameter.list in the current location (one folder per target,
    /// the folder New-VlassImagingWorkspace creates for it), so lists of different targets never collide.
    /// </summary>
    [Parameter]
    public string? Path { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        SeipParameterList list;
        try
        {
            list = Build();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            WriteItemError(ex, "SeipParameterInvalid", ErrorCategory.InvalidArgument, (object?)Position ?? Geometry);
            return;
        }

        var issues = list.Validate(list.PipelineVersion);
        foreach (var w in issues.Where(i => i.Severity == SeipIssueSeverity.Warning)) WriteWarning(w.Message);
        var errors = issues.Where(i => i.Severity == SeipIssueSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var e in errors)
                WriteItemError(new ArgumentException(e.Message), e.Id, Core.Errors.VlassErrors.Find(e.Id) is { } known ? Category(known.Kind) : ErrorCategory.InvalidData, list);
            return;
        }

        // The action always happens (the file is written); -PassThru also emits the list.
        string path = ResolvePath(Path ?? System.IO.Path.Combine(list.Target!.Id, SeipParameterList.DefaultFileName));
        string text;
        try
        {
            text = list.ToText();
        }
        catch (ArgumentException ex)
        {
            // A value Python cannot read back (NaN, ∞ from -Parameter): refused before anything is written.
            WriteItemError(new ArgumentException($"A parameter value cannot be written as a Python literal: {ex.Message}", ex), "SeipParameterInvalid", ErrorCategory.InvalidArgument, list);
            return;
        }
        var status = WriteOutputFile(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)), null, "Write SEIP parameter list");
        if (status is null or WriteStatus.Conflict or WriteStatus.Planned) return;
        list.Path = path;
        list.Status = status.Value;
        if (PassThru) WriteObject(list);
    }

    private SeipParameterList Build()
    {
        PipelineVersion? version = PipelineVersion is null ? null : Core.Seip.PipelineVersion.Parse(PipelineVersion);
        var center = Position ?? Geometry?.Center
            ?? throw new ArgumentException("A position is needed: give -Position (or pipe a target or a geometry with a Center).");
        if (Name is not null) center = center.WithName(Name);
        if (Imsize is null && Geometry is not null)
            WriteVerbose($"imsize [{Geometry.ImsizeX},{Geometry.ImsizeY}] from the geometry ({Geometry}).");
        var list = SeipParameterListFactory.Create(center, Geometry, ImageName, Imsize?.Length == 1 ? new[] { Imsize[0], Imsize[0] } : Imsize, ImagingMode, version);
        list.Target = center.Target;
        if (Cell is not null) list.Cell = PyLiteralWriter.FormatFloat(Cell.Value).TrimEnd('0').TrimEnd('.') + "arcsec";
        if (CycleNiter is not null) list.CycleNiter = CycleNiter;
        if (CycleNiterFinalImageNoMask is not null) list.CycleNiterFinalImageNoMask = CycleNiterFinalImageNoMask;
        if (PbLimit is not null) list.PbLimit = PbLimit;
        if (SearchRadiusArcsec is not null) list.SearchRadiusArcsec = SearchRadiusArcsec;
        if (NSigma is not null) list.NSigma = NSigma;
        if (Robust is not null) list.Robust = Robust;
        if (Field is { Length: > 0 }) list.Field = string.Join(",", Field);
        if (Spw is not null) list.Spw = Spw;
        if (CutoutImsize is not null) list.CutoutImsize = CutoutImsize.Length == 1 ? new[] { CutoutImsize[0], CutoutImsize[0] } : CutoutImsize;
        if (WProjPlanes is not null) list.WProjPlanes = WProjPlanes;
        if (Parameter is not null)
            foreach (DictionaryEntry e in Parameter)
            {
                string key = e.Key?.ToString() ?? "";
                list.Set(key, PyValue.FromObject(e.Value is PSObject pso ? pso.BaseObject : e.Value));
            }
        return list;
    }
}
