using System.Management.Automation;
using VlassPS.Core.Errors;
using VlassPS.Core.Fits;
using VlassPS.Core.Photometry;
using VlassPS.Core.Sky;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// Aperture flux density in sky regions: sum of the pixels whose centres lie inside, divided by the beam
/// area (Jy/beam images), with peak, pixel count, rms and uncertainty.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "VlassFlux", DefaultParameterSetName = ByRegion)]
[OutputType(typeof(FluxMeasurement))]
public sealed class MeasureVlassFluxCommand : VlassCmdlet
{
    private const string ByRegion = "Region";
    private const string ByPolygon = "Polygon";
    private const string ByCircle = "Circle";
    private const string ByBox = "Box";
    private const string ByRegionFile = "RegionFile";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath", "ImagePath")]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByRegion)]
    [SkyRegionTransformation]
    public SkyRegion[] Region { get; set; } = Array.Empty<SkyRegion>();

    [Parameter(Mandatory = true, ParameterSetName = ByPolygon)]
    [SkyPositionTransformation]
    public SkyPosition[] Polygon { get; set; } = Array.Empty<SkyPosition>();

    [Parameter(Mandatory = true, ParameterSetName = ByCircle)]
    [SkyPositionTransformation]
    public SkyPosition Circle { get; set; } = null!;

    /// <summary>Circle radius, arcsec.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByCircle)]
    [ValidateRange(1e-6, 1e7)]
    public double Radius { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByBox)]
    [SkyPositionTransformation]
    public SkyPosition Box { get; set; } = null!;

    /// <summary>Box width along RA at Angle 0, arcsec.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByBox)]
    [ValidateRange(1e-6, 1e7)]
    public double Width { get; set; }

    /// <summary>Box height along Dec at Angle 0, arcsec.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByBox)]
    [ValidateRange(1e-6, 1e7)]
    public double Height { get; set; }

    /// <summary>Box rotation, degrees counter-clockwise (DS9 convention).</summary>
    [Parameter(ParameterSetName = ByBox)]
    public double Angle { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByRegionFile)]
    public string RegionFile { get; set; } = "";

    /// <summary>Rms image on the same grid as every measured image (per-pixel noise).</summary>
    [Parameter]
    public string? RmsImage { get; set; }

    /// <summary>For VLASS products, use the pipeline rms image next to each image (…tt0.rms.subim.fits).</summary>
    [Parameter]
    public SwitchParameter AutoRms { get; set; }

    /// <summary>Inner and outer radius (arcsec) of a background annulus around the region centre.</summary>
    [Parameter]
    [ValidateCount(2, 2)]
    public double[]? BackgroundAnnulus { get; set; }

    private List<SkyRegion> _regions = new();
    private string? _rmsPath;

    protected override void BeginProcessing()
    {
        if (new[] { RmsImage is not null, BackgroundAnnulus is not null, AutoRms.IsPresent }.Count(b => b) > 1)
            ThrowInvocationError(new ArgumentException("Give only one of -RmsImage, -AutoRms and -BackgroundAnnulus."), "RmsSourceAmbiguous", ErrorCategory.InvalidArgument, null);
        if (BackgroundAnnulus is { } a && !(a[0] >= 0 && a[1] > a[0]))
            ThrowInvocationError(new ArgumentException("-BackgroundAnnulus needs inner >= 0 and outer > inner (arcsec)."), "AnnulusInvalid", ErrorCategory.InvalidArgument, a);
        if (RmsImage is not null)
        {
            _rmsPath = ResolvePath(RmsImage);
            if (!File.Exists(_rmsPath))
                ThrowInvocationError(new FileNotFoundException($"Rms image '{RmsImage}' was not found.", _rmsPath), "RmsImageNotFound", ErrorCategory.ObjectNotFound, RmsImage);
        }
        try
        {
            _regions = ParameterSetName switch
            {
                ByPolygon => new List<SkyRegion> { new SkyPolygonRegion(Polygon) },
                ByCircle => new List<SkyRegion> { new SkyCircleRegion(Circle, Radius) },
                ByBox => new List<SkyRegion> { new SkyBoxRegion(Box, Width, Height, Angle) },
                ByRegionFile => ReadRegionFile(),
                _ => Region.ToList(),
            };
        }
        catch (ArgumentException ex)
        {
            ThrowInvocationError(ex, "RegionInvalid", ErrorCategory.InvalidArgument, null);
        }
        if (_regions.Count == 0)
            ThrowInvocationError(new ArgumentException(ParameterSetName == ByRegionFile ? $"The region file '{RegionFile}' has no region to measure." : "No region to measure."),
                "RegionMissing", ErrorCategory.InvalidArgument, ParameterSetName == ByRegionFile ? RegionFile : Path);
    }

    private List<SkyRegion> ReadRegionFile()
    {
        var path = ResolvePath(RegionFile);
        if (!File.Exists(path))
            ThrowInvocationError(new FileNotFoundException($"Region file '{RegionFile}' was not found.", path), "RegionFileNotFound", ErrorCategory.ObjectNotFound, RegionFile);
        try
        {
            var p = RegionFileParser.ParseFile(path);
            foreach (var s in p.Skipped) WriteVerbose($"{System.IO.Path.GetFileName(path)}: {s}");
            return p.Regions;
        }
        catch (RegionFormatException ex)
        {
            ThrowInvocationError(ex, "RegionFileMalformed", ErrorCategory.InvalidData, RegionFile);
            throw;
        }
        catch (VlassException ex)
        {
            ThrowInvocationError(ex);
            throw;
        }
    }

    /// <summary>The target a region was centred on: -Circle/-Box given a named target or position.</summary>
    private Core.Targets.VlassTarget? TargetOf(SkyRegion region) => ParameterSetName switch
    {
        ByCircle when Circle.Name is not null => Circle.Target,
        ByBox when Box.Name is not null => Box.Target,
        _ => region.Label is { Length: > 0 } label ? new Core.Targets.VlassTarget(label) : null,
    };

    protected override void ProcessRecord()
    {
        foreach (var input in Path)
        {
            IReadOnlyList<string> files;
            try { files = ResolveExistingPaths(input, literal: false); }
            catch (VlassException ex)
            {
                WriteItemError(ex);
                continue;
            }
            if (files.Count == 0)
            {
                WriteItemError(new FileNotFoundException($"Image '{input}' was not found.", input), "ImageNotFound", ErrorCategory.ObjectNotFound, input);
                continue;
            }
            foreach (var file in files) MeasureFile(file);
        }
    }

    private void MeasureFile(string file)
    {
        FitsFile? rms = null;
        try
        {
            using var f = FitsFile.Open(file);
            var image = f.GetImage();
            BackgroundSpec? bg = null;
            var rmsPath = _rmsPath;
            if (AutoRms)
            {
                var name = VlassProductName.TryParse(file)?.RmsFileName();
                rmsPath = name is null ? null : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, name);
                if (rmsPath is null || !File.Exists(rmsPath))
                {
                    WriteItemError(new FileNotFoundException(name is null
                        ? $"'{System.IO.Path.GetFileName(file)}' is not a VLASS image product name, so -AutoRms cannot find its rms image."
                        : $"The rms image '{name}' of '{System.IO.Path.GetFileName(file)}' was not found.", rmsPath), "RmsImageNotFound", ErrorCategory.ObjectNotFound, file);
                    return;
                }
                WriteVerbose($"Noise from {name}.");
            }
            if (rmsPath is not null)
            {
                rms = FitsFile.Open(rmsPath);
                bg = BackgroundSpec.FromRmsImage(rms.GetImage());
            }
            else if (BackgroundAnnulus is { } a) bg = BackgroundSpec.Annulus(a[0], a[1]);
            foreach (var region in _regions)
            {
                CancellationToken.ThrowIfCancellationRequested();
                WriteVerbose($"Measuring {region} on {System.IO.Path.GetFileName(file)} (pixel centres inside the region count).");
                try
                {
                    var m = FluxMeasurer.Measure(image, region, bg, 0, CancellationToken);
                    m = m.WithTarget(TargetOf(region));
                    if (m.OffImagePixelCount < 0)
                        WriteWarning($"{m.ImageName}: the region reaches far outside the image (too far to count its pixels there); the flux covers only the part inside.");
                    else if (m.OffImagePixelCount > 0)
                        WriteWarning(FormattableString.Invariant($"{m.ImageName}: {100 * m.OffImageFraction:0.#} % of the region ({m.OffImagePixelCount} of {m.PixelCount + m.MissingPixelCount} pixels) lies outside the image; the flux covers only the part inside."));
                    if (!m.FluxUnitKnown) WriteWarning($"{m.ImageName}: BUNIT '{m.Unit}' is not Jy/beam or Jy/pixel; FluxJy is NaN, PixelSum holds the sum.");
                    if (m.MissingPixelCount > 0) WriteVerbose($"{m.MissingPixelCount} pixels of the region are blank or off the image.");
                    WriteObject(m);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
                {
                    WriteItemError(ex, "RegionNotMeasurable", ErrorCategory.InvalidArgument, region);
                }
            }
        }
        catch (Exception ex) when (FitsErrorKinds.Classify(ex) is { } kind)
        {
            WriteItemError(ex, kind.Id, kind.Category, file);
        }
        finally
        {
            rms?.Dispose();
        }
    }
}
