using System.Management.Automation;
using VlassPS.Core.Configuration;
using VlassPS.Core.Seip;
using VlassPS.Core.Workspace;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// Creates &lt;Root&gt;/&lt;SafeName&gt;/working/{SEIP_parameter.list, command_script.py, run_SE.&lt;SafeName&gt;.sh}
/// and &lt;SafeName&gt;/products/ (Memo 20 appendix layout), ready to submit. Re-running with the same inputs
/// changes nothing; changed inputs are refused without -Force, listing what differs.
/// </summary>
[Cmdlet(VerbsCommon.New, "VlassImagingWorkspace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ImagingWorkspace))]
public sealed class NewVlassImagingWorkspaceCommand : VlassCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public SeipParameterList ParameterList { get; set; } = null!;

    /// <summary>The (split) measurement set(s); paths relative to the current location are resolved.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Vis", "OutputVis", "MeasurementSetPath")]
    public string[] MeasurementSet { get; set; } = Array.Empty<string>();

    /// <summary>Run name; its target id is the folder name (the original is kept in command_script.py). Default: the list's target name, else the imagename.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>Folder that receives the workspace folder; default the current location.</summary>
    [Parameter]
    public string? Root { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.PipelineVersionCompleter))]
    [Transforms.ValidatePipelineVersion]
    public string? PipelineVersion { get; set; }

    [Parameter]
    public BatchScheduler? Scheduler { get; set; }

    [Parameter] [ValidateRange(1, 1024)] public int Cores { get; set; } = BatchResources.DefaultCores;
    [Parameter] [ValidateRange(1, 65536)] public int MemoryGB { get; set; } = BatchResources.DefaultMemoryGB;
    [Parameter] public TimeSpan? WallTime { get; set; }
    [Parameter] [Alias("Queue")] public string? Partition { get; set; }
    [Parameter] public string? Account { get; set; }
    [Parameter] public string? MailUser { get; set; }
    [Parameter] public string? MailType { get; set; }

    /// <summary>CASA installation folder or casa executable; default $VLASSPS_CASA, the configuration, or the profile's NRAO path.</summary>
    [Parameter] public string? CasaPath { get; set; }

    /// <summary>Tier-1 mask catalogue (hifv_vlassmasking vlass_ql_database).</summary>
    [Parameter] public string? QlDatabase { get; set; }

    /// <summary>data or corrected; default from the first MS's columns (CORRECTED_DATA present: corrected), else data.</summary>
    [Parameter]
    [ValidateSet("data", "corrected")]
    public string? DataColumn { get; set; }

    /// <summary>Science image side in arcsec (one value or width, height); default from the parameter list.</summary>
    [Parameter]
    [ValidateCount(1, 2)]
    public double[]? ScienceSize { get; set; }

    /// <summary>
    /// How the science image is made: Auto (= Imsubimage, the Memo 20 scheme, on every version), CutoutImsize
    /// (explicit only: the pipeline then searches fields within cell·cutout/2 only), Imsubimage or None.
    /// </summary>
    [Parameter] public ScienceCutoutMethod ScienceCutout { get; set; } = ScienceCutoutMethod.Auto;

    /// <summary>Do not run hifv_exportvlassdata or export the science cutouts.</summary>
    [Parameter] public SwitchParameter NoExport { get; set; }

    [Parameter] public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        ImagingWorkspacePlan plan;
        try
        {
            plan = ImagingWorkspacePlan.Create(BuildSpec(), ModuleVersion);
        }
        catch (SeipParameterListException ex)
        {
            WriteItemError(ex, "SeipParameterListInvalid", ErrorCategory.InvalidData, ParameterList);
            return;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            WriteItemError(ex, "WorkspaceInvalid", ErrorCategory.InvalidArgument, ParameterList);
            return;
        }

        foreach (var w in plan.Warnings) WriteWarning(w);
        WriteVerbose($"Pipeline {plan.Spec.Profile}; science image by {plan.ScienceCutoutName}; {plan.Spec.Resources.Cores} cores, {plan.Spec.Resources.MemoryGB} GB, {plan.WallTime} wall time; CASA {plan.Spec.Casa.Casa} (from {plan.Spec.Casa.Source}).");
        foreach (var ms in plan.Spec.MeasurementSets.Where(m => !Directory.Exists(m)))
            WriteWarning($"Measurement set '{ms}' does not exist here; the run needs it at this path.");

        IReadOnlyList<WorkspaceDifference> diffs;
        try { diffs = WorkspaceWriter.Compare(plan); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "WorkspaceUnreadable", ErrorCategory.ReadError, plan.Spec.WorkspaceDirectory);
            return;
        }
        if (diffs.Count > 0 && !Force)
        {
            WriteItemError(new WorkspaceConflictException(plan.Spec.WorkspaceDirectory, diffs), "WorkspaceDiffers", ErrorCategory.ResourceExists, plan.Spec.WorkspaceDirectory);
            return;
        }
        if (!ShouldProcess(plan.Spec.WorkspaceDirectory, diffs.Count > 0 ? "Replace imaging workspace files" : "Create imaging workspace"))
            return;
        try
        {
            var status = WorkspaceWriter.Write(plan, Force);
            WriteVerbose($"Workspace {plan.Spec.WorkspaceDirectory}: {status}.");
            WriteObject(new ImagingWorkspace(plan, status));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "WorkspaceWriteFailed", ErrorCategory.WriteError, plan.Spec.WorkspaceDirectory);
        }
    }

    private static string ModuleVersion => typeof(NewVlassImagingWorkspaceCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private ImagingWorkspaceSpec BuildSpec()
    {
        var version = PipelineVersion is not null ? Core.Seip.PipelineVersion.Parse(PipelineVersion)
            : ParameterList.PipelineVersion ?? Core.Seip.PipelineVersion.Current2025;
        var profile = PipelineProfile.For(version);
        // One resolver: parameter > environment > configuration file > default; invalid values stop here.
        BatchScheduler scheduler = Setting(s => s.Scheduler(Scheduler));
        var casa = Setting(s => s.Resolve(nameof(VlassConfiguration.CasaPath), CasaPath is null ? null
            : CasaPath.Contains('/') || CasaPath.StartsWith('~') || CasaPath.StartsWith('.') ? ResolvePath(CasaPath) : CasaPath));
        var msPaths = MeasurementSet.Select(ResolvePath).ToArray();
        string dataColumn = DataColumn ?? DataColumnDetector.Detect(msPaths[0]) ?? "data";
        if (DataColumn is null)
            WriteVerbose($"datacolumn '{dataColumn}' ({(DataColumnDetector.Detect(msPaths[0]) is null ? "MS not readable here; a split MS has DATA only" : "from the columns of " + msPaths[0])}).");
        // Default: the target's name, so the folder is the target id (J0807+0432/), the same for every step.
        string name = Name ?? ParameterList.Target?.Name ?? ParameterList.ImageName ?? throw new ArgumentException("Give -Name (the parameter list has no imagename).");
        return new ImagingWorkspaceSpec
        {
            Name = name,
            Root = ResolvePath(Root ?? "."),
            ParameterList = ParameterList,
            MeasurementSets = msPaths,
            Profile = profile,
            // A bare word (casa) is a command found on PATH at run time; anything path-like is resolved here.
            Casa = CasaLocation.FromSetting(null, casa, profile),
            Scheduler = scheduler,
            Resources = new BatchResources
            {
                Cores = Cores, MemoryGB = MemoryGB, WallTime = WallTime,
                Partition = Setting(s => s.Partition(Partition)), Account = Setting(s => s.Account(Account)),
                MailUser = MailUser, MailType = MailType,
            },
            QlDatabase = QlDatabase ?? ImagingWorkspaceSpec.DefaultQlDatabase,
            DataColumn = dataColumn,
            ExportProducts = !NoExport,
            CutoutMethod = ScienceCutout,
            ScienceSizeArcsec = ScienceSize is null ? null : (ScienceSize[0], ScienceSize.Length > 1 ? ScienceSize[1] : ScienceSize[0]),
        };
    }
}
