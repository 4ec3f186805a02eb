using System.Management.Automation;
using VlassPS.Core.IO;
using VlassPS.Core.Fits;
using VlassPS.Core.Photometry;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// Regrids an image onto a reference image's grid (bilinear, through the WCS), writes the difference
/// B - A and percent difference 100 (B - A) / A as FITS, and returns statistics plus the flux density in
/// one region measured on both images (Memo 20 Table 2, column 8).
/// </summary>
[Cmdlet(VerbsData.Compare, "VlassImage", SupportsShouldProcess = true, DefaultParameterSetName = ByRegion)]
[OutputType(typeof(ImageComparison))]
public sealed class CompareVlassImageCommand : VlassCmdlet
{
    private const string ByRegion = "Region";
    private const string ByRegionFile = "RegionFile";

    /// <summary>Image A: its grid is the output grid.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Reference { get; set; } = "";

    /// <summary>Image B, compared with A (regridded onto A).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "FullName", "PSPath", "Image")]
    public string Difference { get; set; } = "";

    /// <summary>Output path of B - A; default: next to B, "&lt;B&gt;.difference.fits".</summary>
    [Parameter]
    public string? DifferencePath { get; set; }

    /// <summary>Output path of 100 (B - A) / A; default: next to B, "&lt;B&gt;.percent-difference.fits".</summary>
    [Parameter]
    public string? PercentDifferencePath { get; set; }

    /// <summary>Only compute statistics; write no files.</summary>
    [Parameter]
    public SwitchParameter StatisticsOnly { get; set; }

    /// <summary>The +-x % band for FractionWithinPercent.</summary>
    [Parameter]
    [ValidateRange(0.0, 1e6)]
    public double WithinPercent { get; set; } = 1.0;

    /// <summary>Pixels with |A| at or below this (image unit) are left out of the percent statistics and percent image.</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double PercentThreshold { get; set; }

    [Parameter(ParameterSetName = ByRegion)]
    [SkyRegionTransformation]
    public SkyRegion[]? Region { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByRegionFile)]
    public string RegionFile { get; set; } = "";

    /// <summary>Overwrite existing output files.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private SkyRegion? _region;
    private string _referencePath = "";

    protected override void BeginProcessing()
    {
        _referencePath = ResolvePath(Reference);
        if (!File.Exists(_referencePath))
            ThrowInvocationError(new FileNotFoundException($"Reference image '{Reference}' was not found.", _referencePath), "ImageNotFound", ErrorCategory.ObjectNotFound, Reference);
        var regions = Region?.ToList() ?? new List<SkyRegion>();
        if (ParameterSetName == ByRegionFile)
        {
            try { regions = RegionFileParser.ParseFile(ResolvePath(RegionFile)).Regions; }
            catch (VlassPS.Core.Errors.VlassException ex)
            {
                ThrowInvocationError(ex);
            }
            catch (Exception ex) when (ex is RegionFormatException or IOException)
            {
                ThrowInvocationError(ex, "RegionFileMalformed", ErrorCategory.InvalidData, RegionFile);
            }
        }
        if (regions.Count > 1) WriteWarning($"{regions.Count} regions given; the comparison measures the first ({regions[0]}).");
        _region = regions.FirstOrDefault();
    }

    protected override void ProcessRecord()
    {
        var other = ResolvePath(Difference);
        if (!File.Exists(other))
        {
            WriteItemError(new FileNotFoundException($"Image '{Difference}' was not found.", other), "ImageNotFound", ErrorCategory.ObjectNotFound, Difference);
            return;
        }
        string? diffPath = null, pctPath = null;
        if (!StatisticsOnly)
        {
            var stem = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(other)!, StripFits(System.IO.Path.GetFileName(other)));
            diffPath = DifferencePath is null ? stem + ".difference.fits" : ResolvePath(DifferencePath);
            pctPath = PercentDifferencePath is null ? stem + ".percent-difference.fits" : ResolvePath(PercentDifferencePath);
            if (string.Equals(diffPath, pctPath, StringComparison.Ordinal))
            {
                WriteItemError(new ArgumentException("The difference and percent-difference paths are the same."), "OutputPathsCollide", ErrorCategory.InvalidArgument, diffPath);
                return;
            }
            // Never over an input image, never over anything but a regular file (the one write rule).
            try
            {
                foreach (var p in new[] { diffPath, pctPath }) OutputFile.CheckDestination(p, [_referencePath, other]);
            }
            catch (OutputPathException ex)
            {
                WriteItemError(ex, "OutputPathRefused", ErrorCategory.InvalidArgument, ex.Path);
                return;
            }
            if (!ShouldProcess($"{diffPath} and {pctPath}", $"Write B - A and 100 (B - A) / A of {System.IO.Path.GetFileName(other)} against {System.IO.Path.GetFileName(_referencePath)}"))
                return;
        }
        // Reading failures are mapped as in every image cmdlet (FitsErrorKinds); only the comparison has its own ids.
        if (OpenImage(_referencePath, Reference) is not { } a) return;
        using var fa = a.File;
        if (OpenImage(other, Difference) is not { } b) return;
        using var fb = b.File;
        try
        {
            const string activity = "Compare-VlassImage";
            var progress = new ProgressRecord(1, activity, $"Regridding {System.IO.Path.GetFileName(other)} onto {System.IO.Path.GetFileName(_referencePath)}");
            WriteVerbose("B is resampled at each A pixel centre through both WCSs with bilinear interpolation (reproject_interp order='bilinear' rules).");
            var lastPercent = -1;
            // Staged next to the destinations, then committed: identical output is Unchanged, other content a Conflict without -Force.
            string? diffTemp = diffPath is null ? null : OutputFile.TempNameFor(diffPath);
            string? pctTemp = pctPath is null ? null : OutputFile.TempNameFor(pctPath);
            ImageComparison result;
            try
            {
            result = ImageComparer.Compare(a.Image, b.Image, new ComparisonOptions
            {
                DifferencePath = diffTemp,
                PercentDifferencePath = pctTemp,
                Overwrite = false,
                WithinPercent = WithinPercent,
                PercentThreshold = PercentThreshold,
                Region = _region,
                Progress = pct =>
                {
                    // Progress comes from the pipeline thread (the comparison runs synchronously).
                    if (pct == lastPercent) return;
                    lastPercent = pct;
                    progress.PercentComplete = pct;
                    WriteProgress(progress);
                },
            }, CancellationToken);
            }
            catch
            {
                if (diffTemp is not null) OutputFile.Discard(diffTemp);
                if (pctTemp is not null) OutputFile.Discard(pctTemp);
                throw;
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            if (diffTemp is not null)
            {
                result.DifferencePath = diffPath;
                result.DifferenceStatus = ReportWrite(diffPath!, OutputFile.Commit(diffTemp, diffPath!, Force));
            }
            if (pctTemp is not null)
            {
                result.PercentDifferencePath = pctPath;
                result.PercentDifferenceStatus = ReportWrite(pctPath!, OutputFile.Commit(pctTemp, pctPath!, Force));
            }
            if (result.DifferenceStatus == WriteStatus.Conflict || result.PercentDifferenceStatus == WriteStatus.Conflict) return;
            result.Target = _region?.Label is { Length: > 0 } label ? new Core.Targets.VlassTarget(label) : WorkspaceTargetOf(other);
            WriteObject(result);
        }
        catch (FitsFormatException ex)
        {
            WriteItemError(ex, "FitsMalformed", ErrorCategory.InvalidData, ex.FilePath ?? other);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            WriteItemError(ex, "ImagesNotComparable", ErrorCategory.InvalidArgument, other);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "ComparisonWriteFailed", ErrorCategory.WriteError, other);
        }
    }

    // A product of an imaging workspace (<workspace>/products/x.fits) belongs to that workspace's target.
    private static Core.Targets.VlassTarget? WorkspaceTargetOf(string image)
    {
        string? workspace = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(image));
        if (workspace is null || !Core.Workspace.WorkspaceManifestStore.Exists(workspace)) return null;
        try { return Core.Workspace.ImagingWorkspace.Load(workspace).Target; }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or Core.Errors.VlassException) { return null; }
    }

    private (FitsFile File, FitsImage Image)? OpenImage(string path, string asGiven)
    {
        FitsFile? file = null;
        try
        {
            file = FitsFile.Open(path);
            return (file, file.GetImage());
        }
        catch (Exception ex) when (FitsErrorKinds.Classify(ex) is { } kind)
        {
            file?.Dispose();
            WriteItemError(ex, kind.Id, kind.Category, asGiven);
            return null;
        }
    }

    private static string StripFits(string name)
        => name.EndsWith(".fits", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
}
