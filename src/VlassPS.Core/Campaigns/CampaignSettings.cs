using VlassPS.Core.Geometry;
using VlassPS.Core.Seip;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// The settings a campaign applies to a target: the file's <c>defaults:</c> block, or those defaults with one
/// target's overrides applied (<see cref="CampaignTarget.Settings"/>). Immutable; copy with <c>with</c>.
/// Null means "not set here": the module's settings resolver (VlassSettings) fills it at run time.
/// </summary>
public sealed record CampaignSettings
{
    /// <summary>Default science image side (arcsec) when a campaign file does not set one: Memo 20's 1 arcmin.</summary>
    public const double DefaultScienceSizeArcsec = 60.0;

    /// <summary>Science (final) image width, arcsec.</summary>
    public double ScienceWidthArcsec { get; init; } = DefaultScienceSizeArcsec;

    /// <summary>Science (final) image height, arcsec; equal to the width for square images.</summary>
    public double ScienceHeightArcsec { get; init; } = DefaultScienceSizeArcsec;

    /// <summary>Pixel size, arcsec.</summary>
    public double CellArcsec { get; init; } = ImageGeometry.DefaultCellArcsec;

    /// <summary>Epochs to image (VLASSn.m); empty = every epoch in which the target's tiles were observed.</summary>
    public IReadOnlyList<string> Epochs { get; init; } = Array.Empty<string>();

    /// <summary>SEIP imaging mode (see <see cref="ImagingModes"/>).</summary>
    public string ImagingMode { get; init; } = ImagingModes.SeContMosaic;

    /// <summary>Pipeline version the workspaces are written for; null = the module default.</summary>
    public PipelineVersion? PipelineVersion { get; init; }

    /// <summary>CASA installation (path to casa or its folder); null = configuration / VLASSPS_CASA.</summary>
    public string? CasaPath { get; init; }

    /// <summary>Batch system; null = the configured one.</summary>
    public BatchScheduler? Scheduler { get; init; }

    /// <summary>Slurm job arrays: at most this many imaging jobs of one array run at once; null = Invoke-VlassCampaign's default.</summary>
    public int? ArrayThrottle { get; init; }

    /// <summary>Resources per imaging job (cores, memory, wall time, partition, account).</summary>
    public BatchResources Resources { get; init; } = new();

    /// <summary>Where downloaded calibrated MSs land (one &lt;EB&gt;.ms folder per execution block); null = configured data directory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Root under which one workspace per target × epoch is created; null = current directory.</summary>
    public string? WorkRoot { get; init; }

    /// <summary>Flux check after a unit completes (<c>checks: { flux: { radius_arcsec: r } }</c>): radius of the
    /// circle around the target, arcsec; null = no flux measurement (unless <see cref="OfficialImage"/> is set).</summary>
    public double? FluxRadiusArcsec { get; init; }

    /// <summary>The radius used when only <see cref="OfficialImage"/> asks for a check.</summary>
    public const double DefaultFluxRadiusArcsec = 10.0;

    /// <summary>The official VLASS SE image of the target (<c>official_image:</c>, absolute path): a completed unit's
    /// science cutout is compared with it (flux in the same circle on both, ratio ours / official).</summary>
    public string? OfficialImage { get; init; }

    /// <summary>True when a completed unit of a target with these settings gets a flux check.</summary>
    public bool ChecksFlux => FluxRadiusArcsec is not null || OfficialImage is not null;

    /// <summary>The imaging geometry these settings give around <paramref name="center"/> (pipeline search radius and margin defaults).</summary>
    public ImageGeometry GeometryAt(Sky.SkyPosition center) =>
        ImageGeometry.Create(ScienceWidthArcsec, ScienceHeightArcsec, CellArcsec).WithCenter(center);
}
