namespace VlassPS.Core.Seip;

/// <summary>The keys <c>hif_editimlist</c> reads from a parameter list, per pipeline version (domain.md §9.2).</summary>
public static class SeipKeys
{
    public const string ImageName = "imagename";
    public const string PhaseCenter = "phasecenter";
    public const string ImagingMode = "imaging_mode";
    public const string Imsize = "imsize";
    public const string Cell = "cell";
    public const string CycleNiter = "cycleniter";
    public const string CycleNiterFinalImageNoMask = "cycleniter_final_image_nomask";
    public const string PbLimit = "pblimit";
    public const string SearchRadiusArcsec = "search_radius_arcsec";
    public const string Field = "field";
    public const string Spw = "spw";
    public const string NSigma = "nsigma";
    public const string Robust = "robust";
    public const string CutoutImsize = "cutout_imsize";
    public const string WProjPlanes = "wprojplanes";

    /// <summary>Keys read by 2022.1.1.5 and every later version.</summary>
    public static IReadOnlySet<string> Common { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "search_radius_arcsec", "cell", "cfcache", "conjbeams", "cyclefactor", "cycleniter", "datacolumn",
        "deconvolver", "editmode", "field", "imaging_mode", "imagename", "imsize", "intent", "gridder", "mask",
        "nbin", "nchan", "niter", "nterms", "pblimit", "phasecenter", "reffreq", "restfreq", "robust", "scales",
        "specmode", "spw", "start", "stokes", "threshold", "nsigma", "uvtaper", "uvrange", "width", "sensitivity",
        "clean_no_mask_selfcal_image", "cycleniter_final_image_nomask",
    };

    /// <summary>Keys added after 2022.1.1.5 (read by current releases).</summary>
    public static IReadOnlySet<string> AddedAfter2022 { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "nmajor", "datatype", "pbmask", "vlass_plane_reject_ms",
    };

    /// <summary>
    /// Whether <paramref name="version"/> reads <paramref name="key"/>; null when the version is unknown
    /// (then any key the newest pipeline reads counts as known).
    /// </summary>
    public static bool IsRead(string key, PipelineVersion? version)
    {
        if (Common.Contains(key)) return true;
        if (AddedAfter2022.Contains(key)) return version is null || version >= PipelineVersion.NewerEditimlistKeysSince;
        if (key == CutoutImsize) return version is null || version.SupportsCutoutImsize;
        if (key == WProjPlanes) return version is null || version.SupportsWprojplanes;
        return false;
    }
}
