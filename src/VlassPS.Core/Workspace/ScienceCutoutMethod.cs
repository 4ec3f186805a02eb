namespace VlassPS.Core.Workspace;

/// <summary>How a workspace produces the science-size image (domain.md §1.1).</summary>
public enum ScienceCutoutMethod
{
    /// <summary>cutout_imsize where the pipeline reads it (2025.1.1.52 and later), otherwise imsubimage.</summary>
    Auto,
    /// <summary>
    /// cutout_imsize in the parameter list. The pipeline then also derives imsize itself and searches fields
    /// only within cell·cutout/2 of the centre (no R_g buffer), unlike the Memo 20 scheme.
    /// </summary>
    CutoutImsize,
    /// <summary>imsubimage after the pipeline, on the Memo 20 full image (every version).</summary>
    Imsubimage,
    /// <summary>Keep the pipeline's own cutout (3720" square for wider images).</summary>
    None,
}
