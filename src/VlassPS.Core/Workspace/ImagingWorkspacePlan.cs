using System.Globalization;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Workspace;

/// <summary>
/// The files a workspace consists of, computed from an <see cref="ImagingWorkspaceSpec"/> without touching
/// the disk: working/SEIP_parameter.list, working/command_script.py, working/run_SE.&lt;name&gt;.sh and the
/// products/ folder (Memo 20 appendix layout).
/// </summary>
public sealed class ImagingWorkspacePlan
{
    public const string ParameterFileName = SeipParameterList.DefaultFileName;
    public const string CommandScriptName = "command_script.py";

    private ImagingWorkspacePlan(ImagingWorkspaceSpec spec, SeipParameterList list, ScienceCutout? cutout, ScienceCutoutMethod method,
        TimeSpan wallTime, IReadOnlyDictionary<string, string> files, IReadOnlyList<string> warnings)
    {
        Spec = spec; ParameterList = list; Cutout = cutout; Method = method; WallTime = wallTime; Files = files; Warnings = warnings;
    }

    public ScienceCutoutMethod Method { get; }

    public ImagingWorkspaceSpec Spec { get; }
    /// <summary>The list as written (with cutout_imsize added where the pipeline supports it).</summary>
    public SeipParameterList ParameterList { get; }
    public ScienceCutout? Cutout { get; }
    public TimeSpan WallTime { get; }
    /// <summary>Relative path (with '/') -> file content.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>"cutout_imsize", "imsubimage" or "none".</summary>
    public string ScienceCutoutName => Cutout is null ? "none" : Method == ScienceCutoutMethod.CutoutImsize ? "cutout_imsize" : "imsubimage";

    /// <summary>True when command_script.py runs imsubimage after the pipeline.</summary>
    public bool RunsImsubimage => Cutout is not null && Method == ScienceCutoutMethod.Imsubimage;

    public static ImagingWorkspacePlan Create(ImagingWorkspaceSpec spec, string vlassPsVersion)
    {
        var warnings = new List<string>();
        var profile = spec.Profile;
        if (spec.MeasurementSets.Count == 0) throw new ArgumentException("A workspace needs at least one measurement set.", nameof(spec));
        if (spec.MeasurementSets.Count > 1 && !profile.SupportsMultipleMeasurementSets)
            throw new ArgumentException($"Pipeline {profile.Version} images only the first measurement set; joint imaging of {spec.MeasurementSets.Count} needs pipeline {PipelineVersion.MultiMsSince} or later (or one workspace per MS).", nameof(spec));
        if (spec.DataColumn is not ("data" or "corrected"))
            throw new ArgumentException($"DataColumn must be 'data' (split MS) or 'corrected' (unsplit archive MS), not '{spec.DataColumn}'.", nameof(spec));
        spec.Resources.Validate(Scheduling.BatchSystems.For(spec.Scheduler));

        var list = spec.ParameterList.Clone();
        list.PipelineVersion = profile.Version;

        double? cellArcsec = CellArcsec(list.Cell);
        (double X, double Y)? science = spec.ScienceSizeArcsec;
        if (science is null && list.ScienceWidthArcsec is double w)
            science = (w, list.ScienceHeightArcsec ?? w);
        if (science is null && list.CutoutImsize is int[] cut && cellArcsec is double c0)
            science = (cut[0] * c0, cut[^1] * c0);

        // Auto is the Memo 20 scheme on every version: cutout_imsize would shrink the pipeline's field search to
        // cell·cutout/2 (no R_g buffer), so it is used only when asked for.
        var method = spec.CutoutMethod == ScienceCutoutMethod.Auto ? ScienceCutoutMethod.Imsubimage : spec.CutoutMethod;
        if (method == ScienceCutoutMethod.CutoutImsize && !profile.UsesCutoutImsize)
            throw new ArgumentException($"Pipeline {profile.Version} does not read cutout_imsize (needs {PipelineVersion.CutoutImsizeSince} or later); use the imsubimage method.", nameof(spec));

        ScienceCutout? cutout = null;
        if (method == ScienceCutoutMethod.None)
        {
            warnings.Add("No science cutout: the final images are the pipeline's own cutout (3720\" square for images wider than that).");
        }
        else if (science is (double sx, double sy))
        {
            if (list.PhaseCenter is null || !SkyPosition.TryParse(list.PhaseCenter, out var center, out _))
                throw new ArgumentException("The parameter list needs a valid phasecenter for the science cutout.", nameof(spec));
            cutout = new ScienceCutout(center!, sx, sy);
            if (method == ScienceCutoutMethod.CutoutImsize)
            {
                if (list.CutoutImsize is null && cellArcsec is double c)
                    list.CutoutImsize = new[] { EvenPixels(sx, c), EvenPixels(sy, c) };
                if (list.CutoutImsize is int[] ci)
                    warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"cutout_imsize [{string.Join(", ", ci)}]: pipeline {profile.Version} then derives imsize itself and selects only fields within cell*cutout/2 of the centre (no R_g buffer), not the Memo 20 search region; use the Imsubimage method to keep the Memo 20 scheme."));
                else
                {
                    warnings.Add($"cell '{list.Cell}' is not an angle, so cutout_imsize cannot be derived; the pipeline will cut its default size.");
                    cutout = null;
                }
            }
        }
        else
        {
            warnings.Add("The science image size is unknown (no geometry, no cutout_imsize): the final images are the pipeline's own cutout (3720\" square for images wider than that).");
        }

        if (list.ImagingMode is string mode && !ImagingModes.IsSingleEpoch(mode))
            warnings.Add($"imaging_mode '{mode}' is not a single-epoch mode; the hifv_vlassSEIP recipe is meant for VLASS-SE-* modes.");
        var issues = list.Validate(profile.Version);
        var errors = issues.Where(i => i.Severity == SeipIssueSeverity.Error).ToList();
        if (errors.Count > 0) throw new SeipParameterListException(list.Path, errors);
        warnings.AddRange(issues.Select(i => i.Message));

        var imsize = list.Imsize;
        int nx = imsize?[0] ?? 12500, ny = imsize?[^1] ?? 12500;
        TimeSpan wall = spec.Resources.WallTime ?? RunTimeEstimate.Request(nx, ny);

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["working/" + ParameterFileName] = list.ToText(validate: false),
            ["working/" + CommandScriptName] = CommandScriptWriter.Write(spec, list, method == ScienceCutoutMethod.Imsubimage ? cutout : null, cutout is not null, vlassPsVersion),
            ["working/" + spec.BatchScriptName] = BatchScriptWriter.Write(spec, wall, vlassPsVersion),
        };
        return new ImagingWorkspacePlan(spec, list, cutout, method, wall, files, warnings);
    }

    /// <summary>Arcsec per pixel from a cell like '0.6arcsec' or ['0.6arcsec']; null for 'ppb' forms.</summary>
    public static double? CellArcsec(string? cell) => PipelineFieldSearch.CellArcsec(cell);

    private static int EvenPixels(double arcsec, double cell)
    {
        int n = (int)Math.Ceiling(arcsec / cell - 1e-9);
        return n % 2 == 0 ? n : n + 1;
    }
}
