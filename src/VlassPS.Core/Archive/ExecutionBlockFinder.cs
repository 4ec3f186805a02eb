namespace VlassPS.Core.Archive;

/// <summary>
/// Finds the EBs of a tile × epoch in the quick-look archive: tile listing and the epoch's QA_REJECTED listing
/// -> every image directory of the tile (all versions, any epoch in the name, hrefs used as listed) ->
/// <c>casa_pipescript.py</c>, else <c>casa_commands.log</c> -> the <c>hifv_importdata</c> vis list.
/// Nothing is carried between tiles except the per-epoch QA_REJECTED listing.
/// </summary>
public sealed class ExecutionBlockFinder
{
    public const string PipelineScript = "casa_pipescript.py";
    public const string CommandsLog = "casa_commands.log";

    /// <summary>
    /// Most image folders read per tile × epoch. A tile has a handful (versions, QA re-imaging); a listing naming
    /// thousands is hostile or broken and must not turn into thousands of requests.
    /// </summary>
    public const int MaxImageDirectories = 32;

    /// <summary>Consecutive image folders that may fail before the rest of the tile × epoch is abandoned.</summary>
    public const int MaxConsecutiveFailures = 3;

    private readonly ArchiveHttpClient _http;
    private readonly IListingLinkReader _links;
    private readonly ExecutionBlockCache? _cache;
    private readonly Dictionary<string, IReadOnlyList<string>?> _qaListings = new(StringComparer.OrdinalIgnoreCase);

    public ExecutionBlockFinder(ArchiveOptions options, ArchiveHttpClient http, IListingLinkReader links, ExecutionBlockCache? cache)
    {
        Options = options;
        _http = http;
        _links = links;
        _cache = cache;
    }

    public ArchiveOptions Options { get; }

    /// <summary>Called with one line per decision, for verbose output.</summary>
    public Action<string>? Trace { get; set; }

    public async Task<ExecutionBlockSearch> FindAsync(string tile, string epoch, bool bypassCache, CancellationToken ct)
    {
        if (!bypassCache && _cache?.TryGet(Options, epoch, tile) is { } cached)
        {
            Trace?.Invoke($"{tile} {epoch}: {cached.Count} EB(s) from the cache {_cache.PathFor(Options, epoch, tile)}");
            return new ExecutionBlockSearch(tile, epoch, cached, [], fromCache: true, tileListed: true, cached.Select(b => b.ImageDirectories.Count).DefaultIfEmpty().Max());
        }

        var problems = new List<ArchiveProblem>();
        var listingUri = Options.TileListingUri(epoch, tile);
        Trace?.Invoke($"{tile} {epoch}: reading {listingUri}");
        var listing = await _http.GetTextAsync(listingUri, ct).ConfigureAwait(false);   // failure here fails the tile
        var directories = new List<ListedImageDirectory>();
        if (listing is not null)
            directories.AddRange(ListingFilter.ImageDirectories(_links.ReadHrefs(listing), listingUri, tile, qaRejected: false, Options.QuickLookRoot));
        else
            Trace?.Invoke($"{tile} {epoch}: no folder {listingUri} (not imaged yet?)");

        var qaUri = Options.QaRejectedListingUri(epoch);
        try
        {
            var qaHrefs = await QaListingAsync(epoch, qaUri, ct).ConfigureAwait(false);
            if (qaHrefs is not null)
                directories.AddRange(ListingFilter.ImageDirectories(qaHrefs, qaUri, tile, qaRejected: true, Options.QuickLookRoot));
        }
        catch (ArchiveRequestException ex)
        {
            problems.Add(new ArchiveProblem(ArchiveProblemKind.RequestFailed, qaUri,
                $"{tile} {epoch}: could not read the QA_REJECTED listing, rejected images are missing: {ex.Message}", ex));
        }
        Trace?.Invoke($"{tile} {epoch}: {directories.Count} image folder(s): {string.Join(", ", directories.Select(d => d.Name.Name + (d.QaRejected ? " (QA rejected)" : "")))}");

        if (directories.Count > MaxImageDirectories)
        {
            problems.Add(new ArchiveProblem(ArchiveProblemKind.ListingTooLarge, listingUri,
                $"{tile} {epoch}: the listings name {directories.Count} image folders for this tile; only the first {MaxImageDirectories} were read."));
            directories = directories.OrderBy(d => d.QaRejected).Take(MaxImageDirectories).ToList();
        }

        // EB name -> (rejected in every image so far, image folders, first source)
        var found = new Dictionary<string, (ExecutionBlockName Name, bool AllRejected, List<string> Images, string Source)>(StringComparer.Ordinal);
        var order = new List<string>();
        int consecutiveFailures = 0;
        foreach (var dir in directories.OrderBy(d => d.QaRejected))
        {
            ct.ThrowIfCancellationRequested();
            if (consecutiveFailures >= MaxConsecutiveFailures)
            {
                problems.Add(new ArchiveProblem(ArchiveProblemKind.GaveUpAfterFailures, dir.Uri,
                    $"{tile} {epoch}: {consecutiveFailures} image folders in a row failed; the remaining ones were not asked."));
                break;
            }
            VisListResult? vis = null;
            Uri? source = null;
            try
            {
                foreach (var file in new[] { PipelineScript, CommandsLog })
                {
                    var uri = ArchiveOptions.FileUri(dir.Uri, file);
                    var text = await _http.GetTextAsync(uri, ct).ConfigureAwait(false);
                    if (text is null) { Trace?.Invoke($"{tile} {epoch}: {uri} not found"); continue; }
                    var result = VisListExtractor.Extract(text, includeCommentedCalls: file == CommandsLog);
                    if (result.ExecutionBlocks.Count > 0 || result.RejectedEntries.Count > 0) { vis = result; source = uri; break; }
                    Trace?.Invoke($"{tile} {epoch}: {uri} has no hifv_importdata vis list");
                }
            }
            catch (ArchiveRequestException ex)
            {
                problems.Add(new ArchiveProblem(ArchiveProblemKind.RequestFailed, ex.Uri, $"{tile} {epoch}: {ex.Message}", ex));
                consecutiveFailures++;
                continue;
            }
            consecutiveFailures = 0;
            if (vis is null || source is null)
            {
                problems.Add(new ArchiveProblem(ArchiveProblemKind.NoExecutionBlockInImage, dir.Uri,
                    $"{tile} {epoch}: neither {PipelineScript} nor {CommandsLog} in {dir.Uri} names an input measurement set."));
                continue;
            }
            foreach (var entry in vis.RejectedEntries)
                problems.Add(new ArchiveProblem(ArchiveProblemKind.UnrecognisedVisEntry, source,
                    $"{tile} {epoch}: '{entry}' in {source} is not a VLASS execution block name; ignored."));
            foreach (var eb in vis.ExecutionBlocks)
            {
                if (found.TryGetValue(eb.Name, out var seen))
                {
                    seen.Images.Add(dir.Name.Name);
                    found[eb.Name] = seen with { AllRejected = seen.AllRejected && dir.QaRejected };
                }
                else
                {
                    found[eb.Name] = (eb, dir.QaRejected, [dir.Name.Name], source.AbsoluteUri);
                    order.Add(eb.Name);
                }
            }
        }

        var blocks = order.Select(n => found[n])
            .Select(f => new ExecutionBlock(f.Name, tile, f.AllRejected, f.Images, f.Source, Options.ArchiveSearchUrl(f.Name.Name)))
            .ToList();

        // Cache only complete answers: a tile that is not imaged yet, or a partial failure, must be asked again.
        if (_cache is not null && problems.Count == 0 && blocks.Count > 0)
        {
            _cache.Put(Options, epoch, tile, blocks, DateTimeOffset.UtcNow);
            Trace?.Invoke($"{tile} {epoch}: saved {blocks.Count} EB(s) to {_cache.PathFor(Options, epoch, tile)}");
        }
        return new ExecutionBlockSearch(tile, epoch, blocks, problems, fromCache: false, tileListed: listing is not null, directories.Count);
    }

    /// <summary>The QA_REJECTED listing of an epoch, read once per finder (it covers every tile).</summary>
    private async Task<IReadOnlyList<string>?> QaListingAsync(string epoch, Uri uri, CancellationToken ct)
    {
        var key = Options.EpochDirectory(epoch);
        if (_qaListings.TryGetValue(key, out var hrefs)) return hrefs;
        Trace?.Invoke($"{epoch}: reading {uri}");
        var html = await _http.GetTextAsync(uri, ct).ConfigureAwait(false);
        hrefs = html is null ? null : _links.ReadHrefs(html);
        _qaListings[key] = hrefs;
        return hrefs;
    }
}
