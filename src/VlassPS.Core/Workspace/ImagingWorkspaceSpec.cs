using VlassPS.Core.Seip;

namespace VlassPS.Core.Workspace;

/// <summary>Everything that determines the files of an imaging workspace (same spec -> same bytes).</summary>
public sealed class ImagingWorkspaceSpec
{
    public const string DefaultQlDatabase = "/home/vlass/packages/VLASS1Q.fits";

    /// <summary>The user's name for the run (kept verbatim inside command_script.py).</summary>
    public required string Name { get; init; }
    /// <summary>Absolute folder that receives &lt;SafeName&gt;/.</summary>
    public required string Root { get; init; }
    public required SeipParameterList ParameterList { get; init; }
    /// <summary>Absolute paths of the (split) measurement sets.</summary>
    public required IReadOnlyList<string> MeasurementSets { get; init; }
    public PipelineProfile Profile { get; init; } = PipelineProfile.Default;
    public required CasaLocation Casa { get; init; }
    public BatchScheduler Scheduler { get; init; } = BatchScheduler.Slurm;
    public BatchResources Resources { get; init; } = new();
    /// <summary>Tier-1 mask catalogue for hifv_vlassmasking (NRAO path by default).</summary>
    public string QlDatabase { get; init; } = DefaultQlDatabase;
    /// <summary>'data' after a user split, 'corrected' for an unsplit archive MS (domain.md §12).</summary>
    public string DataColumn { get; init; } = "data";
    /// <summary>Run hifv_exportvlassdata (and export the science cutouts as FITS into products/).</summary>
    public bool ExportProducts { get; init; } = true;
    /// <summary>Science image side in arcsec (x, y); null = from cutout_imsize × cell, or no science cutout.</summary>
    public (double X, double Y)? ScienceSizeArcsec { get; init; }

    public ScienceCutoutMethod CutoutMethod { get; init; } = ScienceCutoutMethod.Auto;

    /// <summary>Folder name: the target id of <see cref="Name"/>, collision-free ("A B" and "A_B" differ).</summary>
    public string SafeName => Targets.VlassTarget.IdFor(Name);
    public string WorkspaceDirectory => Path.Combine(Root, SafeName);
    public string WorkingDirectory => Path.Combine(WorkspaceDirectory, "working");
    public string ProductsDirectory => Path.Combine(WorkspaceDirectory, "products");
    public string BatchScriptName => $"run_SE.{SafeName}.sh";
}
