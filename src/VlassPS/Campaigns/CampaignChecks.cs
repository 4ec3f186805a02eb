using System.Globalization;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Errors;
using VlassPS.Core.Fits;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;

namespace VlassPS.Campaigns;

/// <summary>
/// The check after an imaging unit completes (campaign file: <c>checks: { flux: { radius_arcsec: r } }</c> and per
/// target <c>official_image:</c>): aperture flux in a circle around the target on the science cutout
/// (*.image.pbcor.tt0.science.subim.fits), as Measure-VlassFlux -Circle does, and with an official image the flux in
/// the same circle there and the ratio ours / official, as Compare-VlassImage -StatisticsOnly does (the same Core
/// engines). Runs once per completed unit (again only when its settings change); a failure is recorded with its
/// reason and never stops the pass.
/// </summary>
public static class CampaignChecks
{
    public const string ScienceProductPattern = "*.image.pbcor.tt0.science.subim.fits";

    /// <summary>Called by the pass for a unit whose imaging job completed.</summary>
    public static void AfterCompletion(CampaignLedger ledger, CampaignPassSettings settings, ICampaignHost host, string unit, string workspace, CancellationToken ct)
    {
        string targetName = unit[..unit.LastIndexOf('@')];
        if (!settings.CampaignSettingsByTarget.TryGetValue(targetName, out var s) || !s.ChecksFlux) return;
        var target = settings.Targets.FirstOrDefault(t => t.Name == targetName);
        if (target?.Position is null) return;
        double radius = s.FluxRadiusArcsec ?? CampaignSettings.DefaultFluxRadiusArcsec;
        string config = string.Create(CultureInfo.InvariantCulture, $"radius={radius};official={s.OfficialImage}");
        if (ledger.Check(unit) is { } done && done.Settings == config) return;   // once per unit and settings
        if (!host.ShouldProcess(workspace, $"Measure the flux within {radius}\" of {targetName}" + (s.OfficialImage is null ? "" : $" and compare with {s.OfficialImage}"))) return;
        CampaignCheckResult result;
        try { result = Run(workspace, target.Position, radius, s.OfficialImage, config, ct); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException
            or ArgumentException or NotSupportedException or VlassException or OverflowException)
        {
            result = new CampaignCheckResult { State = "Failed", RadiusArcsec = radius, OfficialImage = s.OfficialImage, Reason = ex.Message, Settings = config };
        }
        ledger.RecordCheck(unit, result);
        if (result.State == "Failed") host.Warning($"{unit}: flux check failed: {result.Reason}");
        else host.Verbose(string.Create(CultureInfo.InvariantCulture,
            $"{unit}: {result.State}: peak {result.PeakJyPerBeam:G4} Jy/beam, flux {result.FluxJy:G4} Jy, ratio to the official image {result.FluxRatio?.ToString("G4", CultureInfo.InvariantCulture) ?? "-"}"));
    }

    private static CampaignCheckResult Run(string workspace, SkyPosition position, double radius, string? official, string config, CancellationToken ct)
    {
        string products = Path.Combine(workspace, "products");
        var found = Directory.Exists(products) ? Directory.GetFiles(products, ScienceProductPattern) : [];
        Array.Sort(found, StringComparer.Ordinal);
        if (found.Length == 0)
            return Failed($"no science cutout ({ScienceProductPattern}) in {products}");
        string image = found[0];
        var region = new SkyCircleRegion(position, radius);
        FluxMeasurement flux;
        using (var f = FitsFile.Open(image))
            flux = FluxMeasurer.Measure(f.GetImage(), region, null, 0, ct);
        var measured = new CampaignCheckResult
        {
            State = "Measured", Image = image, RadiusArcsec = radius, PeakJyPerBeam = flux.Peak, FluxJy = flux.FluxJy,
            FluxUncertaintyJy = flux.UncertaintyJy, OfficialImage = official, Settings = config,
        };
        if (official is null) return measured;
        if (!File.Exists(official)) return Failed($"the official image '{official}' does not exist", measured);
        ImageComparison cmp;
        using (var a = FitsFile.Open(official))
        using (var b = FitsFile.Open(image))
            cmp = ImageComparer.Compare(a.GetImage(), b.GetImage(), new ComparisonOptions { Region = region }, ct);
        return new CampaignCheckResult
        {
            State = "Compared", Image = image, RadiusArcsec = radius, PeakJyPerBeam = flux.Peak, FluxJy = flux.FluxJy,
            FluxUncertaintyJy = flux.UncertaintyJy, OfficialImage = official, OfficialFluxJy = cmp.ReferenceFluxJy, FluxRatio = cmp.FluxRatio, Settings = config,
        };

        CampaignCheckResult Failed(string reason, CampaignCheckResult? partial = null) => new()
        {
            State = "Failed", Image = partial?.Image, RadiusArcsec = radius, PeakJyPerBeam = partial?.PeakJyPerBeam, FluxJy = partial?.FluxJy,
            FluxUncertaintyJy = partial?.FluxUncertaintyJy, OfficialImage = official, Reason = reason, Settings = config,
        };
    }
}
