using System.Management.Automation;
using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;
using VlassPS.Core.Errors;
using VlassPS.Core.IO;

namespace VlassPS.Commands;

/// <summary>
/// Refreshes the cached VLASS survey summary table from NRAO (or a saved file). The new table replaces the
/// cache only after it downloaded completely and parsed as a survey table; the replacement is atomic.
/// </summary>
[Cmdlet(VerbsData.Update, "VlassSurveyCatalog", DefaultParameterSetName = FromUri, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SurveyCatalog))]
public sealed class UpdateVlassSurveyCatalogCommand : VlassCmdlet
{
    private const string FromUri = "FromUri";
    private const string FromPath = "FromPath";
    public const string DefaultUri = "https://archive-new.nrao.edu/vlass/VLASS_dyn_summary.php";

    [Parameter(Position = 0, ParameterSetName = FromUri)]
    [ValidateNotNull]
    public Uri? Uri { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = FromPath)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Folder of the cached table (default: the per-user data folder, or $env:VLASSPS_DATA).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CacheDirectory { get; set; }

    [Parameter(ParameterSetName = FromUri)]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    [Parameter(ParameterSetName = FromUri)]
    [ValidateRange(0, 10)]
    public int MaximumRetryCount { get; set; } = 3;

    /// <summary>Replaces the cached table even when the new one lacks rows the cached one has.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the new catalog to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var store = new SurveyCatalogStore(DataDirectorySetting(CacheDirectory));
        var uri = Setting(s => s.SummaryTableUri(Uri));
        // -WhatIf asks before anything happens, so it makes no network call.
        if (!ShouldProcess(store.TablePath, $"Replace the VLASS survey catalog with the table from {(ParameterSetName == FromPath ? Path : uri.AbsoluteUri)}"))
            return;
        string text, source;
        try
        {
            (text, source) = ParameterSetName == FromPath ? ReadFile() : Download(uri);
        }
        catch (VlassException ex)
        {
            WriteItemError(ex);
            return;
        }
        catch (Exception ex) when (ex is ArchiveRequestException or IOException or UnauthorizedAccessException)
        {
            WriteItemError(new IOException($"The survey table could not be read: {ex.Message} The cached table (if any) was left unchanged.", ex),
                "SurveyCatalogDownloadFailed", ErrorCategory.ConnectionError, ParameterSetName == FromPath ? Path : uri);
            return;
        }

        SurveyCatalog catalog;
        var fetchedAt = DateTimeOffset.UtcNow;
        try
        {
            catalog = SurveyCatalogStore.Validate(text, source, fetchedAt);
            // Before -WhatIf and before any row error: an incomplete table is reported as such, once.
            SurveyCatalogCompleteness.Check(text, catalog, store.TryLoadCached(), Force, source);
        }
        catch (InvalidDataException ex)
        {
            WriteItemError(ex, "SurveyCatalogInvalid", ErrorCategory.InvalidData, source);
            return;
        }
        catch (VlassException ex)
        {
            WriteItemError(ex);
            return;
        }
        foreach (var rowError in catalog.Errors)
            WriteItemError(new InvalidDataException($"{source}, {rowError}: {rowError.LineText.Trim()}"),
                "CatalogRowMalformed", ErrorCategory.InvalidData, rowError);
        WriteVerbose($"Read {catalog.Count} rows for {catalog.TileNames.Count} tiles and epochs {string.Join(", ", catalog.Epochs)} from {source}.");

        try
        {
            catalog = store.Save(text, source, fetchedAt, Force);
        }
        catch (VlassException ex)
        {
            WriteItemError(ex);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "SurveyCatalogWriteFailed", ErrorCategory.WriteError, store.TablePath);
            return;
        }
        WriteVerbose($"Saved the survey catalog to {store.TablePath}.");
        if (PassThru) WriteObject(catalog);
    }

    private (string Text, string Source) ReadFile()
    {
        var path = ResolvePath(Path);
        // Regular files only, bounded (a FIFO would block, /dev/zero never ends); the table is ~270 kB.
        return (InputFile.ReadAllText(path, "Survey table", VlassErrors.SurveyCatalogDownloadFailed, VlassErrors.SurveyCatalogDownloadFailed, 64L << 20), path);
    }

    private (string Text, string Source) Download(Uri Uri)
    {
        if (!Uri.IsAbsoluteUri || (Uri.Scheme != Uri.UriSchemeHttp && Uri.Scheme != Uri.UriSchemeHttps))
            ThrowInvocationError(new ArgumentException($"'{Uri}' is not an http(s) URL; use -Path for files."), "UriNotHttp", ErrorCategory.InvalidArgument, Uri);
        using var http = new ArchiveHttpClient(TimeSpan.FromSeconds(TimeoutSec), 16L * 1024 * 1024, new RetryPolicy(MaximumRetryCount + 1));
        WriteVerbose($"Downloading {Uri}.");
        var text = http.GetTextAsync(Uri, CancellationToken).GetAwaiter().GetResult()
            ?? throw new IOException($"{Uri} answered 404 Not Found.");
        return (text, Uri.AbsoluteUri);
    }
}
