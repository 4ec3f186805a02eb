using VlassPS.Core.Sky;

namespace VlassPS.Core.Photometry;

/// <summary>
/// Result of Compare-VlassImage: image B ("compared") regridded onto image A ("reference"),
/// difference D = B' - A and percent difference 100 D / A, with statistics over pixels where both are
/// finite, and the flux density in one region measured on each image's own grid (Memo 20 Table 2 col. 8).
/// </summary>
public sealed class ImageComparison
{
    public string ReferencePath { get; init; } = "";
    public string ComparedPath { get; init; } = "";
    public string? DifferencePath { get; set; }
    public string? PercentDifferencePath { get; set; }

    /// <summary>What writing the difference image did (Created, Unchanged, Updated, Conflict); null when not written.</summary>
    public IO.WriteStatus? DifferenceStatus { get; set; }

    /// <summary>What writing the percent-difference image did.</summary>
    public IO.WriteStatus? PercentDifferenceStatus { get; set; }
    public string Unit { get; init; } = "";
    /// <summary>A pixels where both A and the regridded B are finite.</summary>
    public long OverlapPixelCount { get; init; }
    public double MeanDifference { get; init; }
    public double RmsDifference { get; init; }
    public double MaxAbsDifference { get; init; }
    public SkyPosition? MaxAbsDifferencePosition { get; init; }
    /// <summary>The +-x % band of <see cref="FractionWithinPercent"/>.</summary>
    public double WithinPercent { get; init; }
    /// <summary>Only pixels with |A| above this (image unit) enter the percent statistics.</summary>
    public double PercentThreshold { get; init; }
    public long PercentPixelCount { get; init; }
    /// <summary>Fraction of the percent pixels with |100 (B' - A) / A| &lt;= WithinPercent.</summary>
    public double FractionWithinPercent { get; init; }
    public string? Region { get; init; }
    public double ReferenceFluxJy { get; init; } = double.NaN;
    public double ComparedFluxJy { get; init; } = double.NaN;
    public double FluxRatio => ComparedFluxJy / ReferenceFluxJy;
    /// <summary>100 (S_B - S_A) / S_A.</summary>
    public double FluxPercentDifference => 100 * (ComparedFluxJy - ReferenceFluxJy) / ReferenceFluxJy;
    public FluxMeasurement? ReferenceFlux { get; init; }
    public FluxMeasurement? ComparedFlux { get; init; }
    /// <summary>The target compared: the region's label, else the workspace the compared image belongs to.</summary>
    public Targets.VlassTarget? Target { get; set; }
}
