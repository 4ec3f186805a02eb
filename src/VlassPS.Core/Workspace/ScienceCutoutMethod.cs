namespace VlassPS.Core.Workspace;

/// <summary>How a workspace produces the science-size image (domain.md §1.1).</summary>
public enum ScienceCutoutMethod
{
    /// <summary>
    /// The Memo 20 scheme on every version: imsubimage after the pipeline. (cutout_imsize is never chosen
    /// automatically: it would shrink the pipeline's field search to cell·cutout/2.)
    /// </summary>
    Auto,
    /// <summary>
    /// cutout_imsize in the parameter list (pipeline 2025.1.1.52 and later; explicit choice only). The pipeline then
    /// also derives imsize itself and searches fields only within cell·cutout/2 of the centre (no R_g buffer): for a
    /// 500″ science image 250″ instead of the memo's 1250″, so fewer fields are imaged than were split out.
    /// </summary>
    CutoutImsize,
    /// <summary>imsubimage after the pipeline, on the Memo 20 full image (every version).</summary>
    Imsubimage,
    /// <summary>Keep the pipeline's own cutout (3720" square for wider images).</summary>
    None,
}
