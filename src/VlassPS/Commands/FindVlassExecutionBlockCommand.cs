using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using VlassPS.Archive;
using VlassPS.Core.Archive;
using VlassPS.Core.Errors;
using VlassPS.Core.Catalog;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Tiling;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// The execution blocks (calibrated measurement sets) that hold a tile's data in an epoch, read from the
/// quick-look archive: every image folder of the tile, QA-rejected ones flagged, answers cached on disk.
/// Tile × epoch pairs are collected from the pipeline and queried in EndProcessing, with progress.
/// </summary>
[Cmdlet(VerbsCommon.Find, "VlassExecutionBlock", DefaultParameterSetName = ByInput)]
[OutputType(typeof(ExecutionBlock))]
public sealed class FindVlassExecutionBlockCommand : VlassCmdlet
{
    private const int ProgressId = 0x5C47;

    private const string ByInput = "ByInput";
    private const string ByTile = "ByTile";

    /// <summary>
    /// Tiles, tile names, observations, targets, positions (any pasted form) or geometries: each is turned into
    /// its tile, and the EBs found carry the target as <c>Target</c>.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByInput)]
    [ValidateNotNull]
    public object[] InputObject { get; set; } = [];

    // No "Name" alias: a target's Name is not a tile.
    [Parameter(Mandatory = true, ParameterSetName = ByTile)]
    [Alias("Tile")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.TileNameCompleter))]
    public string[] TileName { get; set; } = [];

    /// <summary>Epochs (wildcards allowed). Omitted: every observed epoch of the tile in the survey catalog.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.EpochCompleter))]
    public string[]? Epoch { get; set; }

    /// <summary>Quick-look archive root (archive-new.nrao.edu or vlass-dl.nrao.edu, or a mirror).</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Epoch-to-folder names overriding the defaults (VLASS1.1 = VLASS1.1v2, VLASS1.2 = VLASS1.2v2).</summary>
    [Parameter]
    public Hashtable? EpochDirectory { get; set; }

    /// <summary>
    /// The VlassPS data folder, as for Update-VlassSurveyCatalog and Get-VlassObservation: the survey table is
    /// read from it and archive answers are cached in its archive/ subfolder. Default: $env:VLASSPS_DATA (or the
    /// configuration's CacheDirectory) for the table and $env:VLASSPS_CACHE or the per-user cache folder for answers.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CacheDirectory { get; set; }

    /// <summary>Survey table file used to list a tile's epochs when -Epoch is not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    /// <summary>Ask the archive even when a cached answer exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    [Parameter]
    [ValidateRange(0, 10)]
    public int MaximumRetryCount { get; set; } = 3;

    private readonly List<(string Tile, string Epoch)> _work = [];
    // Each tile × epoch is asked once; every target that needs it gets the answer, labelled with that target.
    private readonly Dictionary<(string, string), List<VlassTarget?>> _targets = [];
    private SurveyCatalog? _catalog;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByTile)
        {
            foreach (var name in TileName) Queue(name, null, null, name);
            return;
        }
        foreach (var item in InputObject)
        {
            SkyInput input;
            try { input = SkyInput.Resolve(item); }
            catch (PositionFormatException ex)
            {
                WriteItemError(new ArgumentException($"'{item}' is neither a VLASS tile (T12t13) nor a position: {ex.Message}", ex),
                    "InputUnreadable", ErrorCategory.InvalidArgument, item);
                continue;
            }
            catch (ArgumentOutOfRangeException ex)
            {
                WriteItemError(ex, "PositionOutOfRange", ErrorCategory.InvalidArgument, item);
                continue;
            }
            string? tileName = input.TileName;
            if (tileName is null)
            {
                try { tileName = TileGrid.Find(input.Position!).Name; }
                catch (OutsideSurveyException ex)
                {
                    WriteItemError(ex, "PositionOutsideSurvey", ErrorCategory.InvalidArgument, item);
                    continue;
                }
            }
            Queue(tileName, input.Target, MyInvocation.BoundParameters.ContainsKey(nameof(Epoch)) ? null : input.Epoch, item);
        }
    }

    private void Queue(string name, VlassTarget? target, string? inputEpoch, object errorTarget)
    {
        var tile = TileGrid.Get(name);
        if (tile is null)
        {
            WriteItemError(new ItemNotFoundException($"'{name}' is not a VLASS tile: names look like T12t13."), "TileNotFound", ErrorCategory.ObjectNotFound, errorTarget);
            return;
        }
        foreach (var epoch in inputEpoch is not null ? [inputEpoch] : EpochsFor(tile.Name))
        {
            var key = (tile.Name, epoch.ToUpperInvariant());
            if (!_targets.TryGetValue(key, out var targets))
            {
                _targets[key] = targets = [];
                _work.Add((tile.Name, epoch));
            }
            if (!targets.Contains(target)) targets.Add(target);
        }
    }

    /// <summary>Literal epochs are used as given; wildcards and "no epoch" are expanded from the survey catalog.</summary>
    private List<string> EpochsFor(string tile)
    {
        var result = new List<string>();
        var patterns = new List<WildcardPattern>();
        foreach (var e in Epoch ?? [])
        {
            if (string.IsNullOrWhiteSpace(e)) continue;
            if (IsValidWildcard(e)) patterns.Add(new WildcardPattern(e, WildcardOptions.IgnoreCase));
            else if (VlassEpoch.IsValid(e)) result.Add(e);
            else WriteItemError(new ArgumentException($"'{e}' is not an epoch name like VLASS2.1."), "EpochInvalid", ErrorCategory.InvalidArgument, e);
        }
        bool expand = patterns.Count > 0 || !(Epoch ?? []).Any(e => !string.IsNullOrWhiteSpace(e));
        if (!expand) return result;

        var observed = Catalog().ForTile(tile).Where(o => o.IsObserved).ToList();
        if (observed.Count == 0) WriteVerbose($"The survey catalog lists no observed epoch for {tile}.");
        foreach (var o in observed)
            if ((patterns.Count == 0 || patterns.Any(p => p.IsMatch(o.Epoch))) && !result.Contains(o.Epoch, StringComparer.OrdinalIgnoreCase))
                result.Add(o.Epoch);
        return result;
    }

    private SurveyCatalog Catalog()
    {
        if (_catalog is not null) return _catalog;
        var catalog = CatalogAccess.TryLoad(CatalogPath is null ? null : ResolvePath(CatalogPath), DataDirectory(), out var error);
        if (catalog is null)
            ThrowInvocationError(new FileNotFoundException("Without -Epoch the survey catalog is needed to know which epochs observed a tile. " + error!.Message, error),
                CatalogAccess.MissingErrorId, ErrorCategory.ObjectNotFound, CatalogPath);
        return _catalog = catalog!;
    }

    protected override void EndProcessing()
    {
        if (_work.Count == 0) return;
        ArchiveOptions options;
        try
        {
            options = new ArchiveOptions(Setting(s => s.QuickLookRoot(BaseUri)), EpochDirectoryMap());
        }
        catch (ArgumentException ex)
        {
            ThrowInvocationError(ex, "ArchiveOptionsInvalid", ErrorCategory.InvalidArgument, BaseUri);
            return;
        }
        var cacheDir = Setting(s => s.ArchiveCacheDirectory(CacheDirectory is null ? null : ResolvePath(CacheDirectory)));
        var trace = new ConcurrentQueue<string>();
        // One breaker for the whole invocation: an unreachable archive fails fast, once, not per tile × epoch.
        var breaker = new ArchiveCircuitBreaker();
        using var handler = breaker.CreateHandler();
        using var http = new ArchiveHttpClient(TimeSpan.FromSeconds(TimeoutSec), ArchiveHttpClient.DefaultMaxResponseBytes,
            new RetryPolicy(MaximumRetryCount + 1), handler, breaker.Delay) { Trace = trace.Enqueue };
        var finder = new ExecutionBlockFinder(options, http, new AngleSharpListingLinkReader(), new ExecutionBlockCache(cacheDir)) { Trace = trace.Enqueue };
        WriteVerbose($"Archive {options.QuickLookRoot}; answer cache {cacheDir}{(Force ? " (bypassed: -Force)" : "")}.");

        var progress = new ProgressRecord(ProgressId, "Finding VLASS execution blocks", "Starting");
        try
        {
            for (int i = 0; i < _work.Count; i++)
            {
                if (breaker.IsOpen)
                {
                    var skipped = _work.Skip(i).Select(w => $"{w.Tile} {w.Epoch}").ToList();
                    WriteItemError(new IOException($"The archive {options.QuickLookRoot} is unreachable ({breaker.Reason}); {skipped.Count} further tile × epoch pair(s) were not asked: {string.Join(", ", skipped)}."),
                        "ArchiveUnreachable", ErrorCategory.ConnectionError, options.QuickLookRoot);
                    break;
                }
                var (tile, epoch) = _work[i];
                var target = $"{tile} {epoch}";
                progress.StatusDescription = $"{target} ({i + 1} of {_work.Count})";
                progress.PercentComplete = 100 * i / _work.Count;
                WriteProgress(progress);
                ExecutionBlockSearch result;
                try
                {
                    result = finder.FindAsync(tile, epoch, Force, CancellationToken).GetAwaiter().GetResult();
                }
                catch (ArchiveRequestException ex) when (ex.Kind == FailureKind.RedirectRefused)
                {
                    Flush(trace);
                    WriteItemError(new IOException($"{target}: {ex.Message}", ex), VlassErrors.ArchiveRedirectRefused, target);
                    continue;
                }
                catch (ArchiveRequestException ex)
                {
                    Flush(trace);
                    WriteItemError(new IOException($"{target}: the archive did not answer: {ex.Message}", ex),
                        "ArchiveRequestFailed", ErrorCategory.ConnectionError, target);
                    continue;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Flush(trace);
                    WriteItemError(ex, "ExecutionBlockCacheFailed", ErrorCategory.WriteError, target);
                    continue;
                }
                Flush(trace);
                Report(result, target);
                CheckDates(result);
                foreach (var t in _targets[(tile, epoch.ToUpperInvariant())])
                    foreach (var eb in result.ExecutionBlocks) WriteObject(eb.For(t));
            }
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            // Stopped by the user: PowerShell ends the pipeline.
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            progress.PercentComplete = 100;
            WriteProgress(progress);
        }
    }

    private void Report(ExecutionBlockSearch result, string target)
    {
        if (!result.TileListed)
            WriteWarning($"The archive has no quick-look folder for {result.Tile} in {result.Epoch} (not imaged yet?).");
        else if (result.ExecutionBlocks.Count == 0 && result.Problems.Count == 0)
            WriteWarning($"{target}: {result.ImageDirectoryCount} image folder(s) listed, no execution block found.");
        foreach (var p in result.Problems)
        {
            switch (p.Kind)
            {
                case ArchiveProblemKind.UnrecognisedVisEntry:
                    WriteWarning(p.Message);
                    break;
                case ArchiveProblemKind.ListingTooLarge:
                    WriteItemError(new InvalidDataException(p.Message), VlassErrors.ArchiveListingTooLarge, target);
                    break;
                case ArchiveProblemKind.RequestFailed when p.Exception is ArchiveRequestException { Kind: FailureKind.RedirectRefused }:
                    WriteItemError(new IOException(p.Message, p.Exception), VlassErrors.ArchiveRedirectRefused, target);
                    break;
                case ArchiveProblemKind.NoExecutionBlockInImage:
                    WriteItemError(new InvalidDataException(p.Message), "NoExecutionBlockInImage", ErrorCategory.ObjectNotFound, target);
                    break;
                default:
                    WriteItemError(new IOException(p.Message, p.Exception), "ArchiveRequestFailed", ErrorCategory.ConnectionError, target);
                    break;
            }
        }
        WriteVerbose($"{target}: {result.ExecutionBlocks.Count} execution block(s){(result.FromCache ? " (cached)" : "")}.");
    }

    /// <summary>
    /// An EB observed on another day than the survey table's date for its tile and epoch is suspicious (a wrong
    /// tile attribution, or a re-observation); warn, but report it. Checked only when a table is at hand.
    /// </summary>
    private void CheckDates(ExecutionBlockSearch result)
    {
        var catalog = _catalog ?? (_catalogLookedUp ? null : QuietCatalog());
        if (catalog is null) return;
        foreach (var eb in result.ExecutionBlocks)
        {
            var row = catalog.Find(result.Tile, eb.Epoch);
            if (row?.ObservationDate is not { } date) continue;
            int days = Math.Abs(eb.Date.DayNumber - date.DayNumber);
            if (days > 1)
                WriteWarning($"{eb.Name} was observed on {eb.Date:yyyy-MM-dd}, but the survey table dates {result.Tile} {eb.Epoch} {date:yyyy-MM-dd}.");
        }
    }

    private bool _catalogLookedUp;

    private SurveyCatalog? QuietCatalog()
    {
        _catalogLookedUp = true;
        return _catalog = CatalogAccess.TryLoad(CatalogPath is null ? null : ResolvePath(CatalogPath), DataDirectory(), out _);
    }

    private string DataDirectory() => DataDirectorySetting(CacheDirectory);

    protected override void BeginProcessing()
    {
        // An epoch the survey table does not know is a mistake, never a silent empty result.
        if (Epoch is null) return;
        var catalog = QuietCatalog();
        foreach (var e in Epoch.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            bool wildcard = WildcardPattern.ContainsWildcardCharacters(e);
            if (catalog is null)
            {
                if (!wildcard && !VlassEpoch.IsValid(e))
                    ThrowInvocationError(new ArgumentException($"-Epoch '{e}' is not an epoch name like VLASS2.1."), "EpochInvalid", ErrorCategory.InvalidArgument, e);
                continue;
            }
            var pattern = new WildcardPattern(e, WildcardOptions.IgnoreCase);
            if (!catalog.Epochs.Any(pattern.IsMatch))
                ThrowInvocationError(new ArgumentException($"-Epoch '{e}' matches no epoch of the survey catalog; it has: {string.Join(", ", catalog.Epochs)}."),
                    "EpochNotInCatalog", ErrorCategory.InvalidArgument, e);
        }
    }

    private void Flush(ConcurrentQueue<string> trace)
    {
        while (trace.TryDequeue(out var line)) WriteVerbose(line);
    }

    private Dictionary<string, string> EpochDirectoryMap()
    {
        var map = new Dictionary<string, string>(ArchiveOptions.DefaultEpochDirectories, StringComparer.OrdinalIgnoreCase);
        if (EpochDirectory is null) return map;
        foreach (DictionaryEntry e in EpochDirectory)
        {
            var key = e.Key?.ToString();
            var value = e.Value?.ToString();
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value) || value.Contains('/') || value.Contains('\\'))
                throw new ArgumentException($"-EpochDirectory entry '{key}' = '{value}' must map an epoch to a folder name.");
            map[key] = value;
        }
        return map;
    }
}
