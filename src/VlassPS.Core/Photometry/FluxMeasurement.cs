using VlassPS.Core.Sky;

namespace VlassPS.Core.Photometry;

/// <summary>
/// Result of an aperture sum (Measure-VlassFlux). Flux density is the sum of the pixels whose centres
/// lie in the region divided by the beam area in pixels (for Jy/beam images). Uncertainty:
/// sqrt(max(sum of rms_i^2, mean(rms^2) * A_beam) / A_beam), i.e. rms times sqrt(number of beams in the
/// region, at least one), with rms_i from a background annulus (constant) or an rms image (per pixel).
/// </summary>
public sealed class FluxMeasurement
{
    public string ImagePath { get; init; } = "";
    public string ImageName => System.IO.Path.GetFileName(ImagePath);
    public string RegionShape { get; init; } = "";
    public string? RegionLabel { get; init; }
    public string Region { get; init; } = "";
    /// <summary>Integrated flux density in Jy.</summary>
    public double FluxJy { get; init; }
    /// <summary>1-sigma uncertainty in Jy (NaN when no rms source was given).</summary>
    public double UncertaintyJy { get; init; }
    /// <summary>Highest pixel value in the region, in the image unit (Jy/beam for VLASS).</summary>
    public double Peak { get; init; }
    public SkyPosition? PeakPosition { get; init; }
    /// <summary>0-based pixel of the peak.</summary>
    public int PeakX { get; init; }
    public int PeakY { get; init; }
    /// <summary>Pixels counted (centre inside the region, inside the image, finite).</summary>
    public long PixelCount { get; init; }
    /// <summary>Pixels inside the region that are blank (NaN/BLANK) or fall outside the image.</summary>
    /// <remarks>-1 when the region reaches so far past the image that its outside pixels were not counted.</remarks>
    public long MissingPixelCount { get; init; }

    /// <summary>Pixels of the region that lie outside the image (part of <see cref="MissingPixelCount"/>).</summary>
    public long OffImagePixelCount { get; init; }

    /// <summary>Fraction of the region's pixels that lie outside the image (0 when the region is inside it).</summary>
    public double OffImageFraction => OffImagePixelCount < 0 || MissingPixelCount < 0 ? double.NaN : PixelCount + MissingPixelCount > 0 ? (double)OffImagePixelCount / (PixelCount + MissingPixelCount) : 0;

    /// <summary>The target measured (the region's centre target when it was given as a target), else null.</summary>
    public Targets.VlassTarget? Target { get; private set; }

    /// <summary>This measurement labelled with <paramref name="target"/>.</summary>
    public FluxMeasurement WithTarget(Targets.VlassTarget? target)
    {
        if (target is null) return this;
        var copy = (FluxMeasurement)MemberwiseClone();
        copy.Target = target;
        return copy;
    }
    /// <summary>Sum of the counted pixel values, image unit.</summary>
    public double PixelSum { get; init; }
    public double BeamAreaPixels { get; init; }
    public string Unit { get; init; } = "";
    /// <summary>False when BUNIT is neither Jy/beam nor Jy/pixel: FluxJy and UncertaintyJy are NaN then.</summary>
    public bool FluxUnitKnown { get; init; }
    /// <summary>The noise per pixel used for the uncertainty (annulus rms, or mean of the rms image in the region), image unit.</summary>
    public double Rms { get; init; }
    /// <summary>"Annulus", "RmsImage" or "None".</summary>
    public string RmsSource { get; init; } = "None";
    public long BackgroundPixelCount { get; init; }
    public double SignalToNoise => UncertaintyJy > 0 ? FluxJy / UncertaintyJy : double.NaN;
}
