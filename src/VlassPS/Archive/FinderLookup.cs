using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;

namespace VlassPS.Archive;

/// <summary>
/// EB lookup for planning: the cache first (no network), else the archive through <see cref="ExecutionBlockFinder"/>
/// (which caches its answers). One circuit breaker per invocation: an unreachable archive is reported once and
/// every further tile × epoch is "unknown" without more requests.
/// </summary>
internal sealed class FinderLookup : IExecutionBlockLookup, IDisposable
{
    private readonly IExecutionBlockLookup _cached;
    private readonly ArchiveCircuitBreaker _breaker = new();
    private readonly HttpMessageHandler _handler;
    private readonly ArchiveHttpClient _http;
    private readonly ExecutionBlockFinder _finder;
    private readonly CancellationToken _ct;
    private readonly List<string> _warnings = [];
    private bool _reportedOpen;

    public FinderLookup(IExecutionBlockLookup cached, ArchiveOptions options, ExecutionBlockCache cache, TimeSpan timeout, CancellationToken ct)
    {
        _cached = cached;
        _ct = ct;
        _handler = _breaker.CreateHandler();
        _http = new ArchiveHttpClient(timeout, ArchiveHttpClient.DefaultMaxResponseBytes, new RetryPolicy(2), _handler, _breaker.Delay);
        _finder = new ExecutionBlockFinder(options, _http, new AngleSharpListingLinkReader(), cache);
    }

    public IReadOnlyList<ExecutionBlock>? Find(string tile, string epoch)
    {
        var cached = _cached.Find(tile, epoch);
        if (cached is not null) return cached;
        if (_breaker.IsOpen)
        {
            if (!_reportedOpen) _warnings.Add($"The archive is unreachable ({_breaker.Reason}); further execution blocks are reported as unknown.");
            _reportedOpen = true;
            return null;
        }
        try
        {
            var result = _finder.FindAsync(tile, epoch, false, _ct).GetAwaiter().GetResult();
            foreach (var p in result.Problems) _warnings.Add($"{tile} {epoch}: {p.Message}");
            return result.Problems.Count > 0 && result.ExecutionBlocks.Count == 0 ? null : result.ExecutionBlocks;
        }
        catch (Exception ex) when (ex is ArchiveRequestException or IOException or UnauthorizedAccessException)
        {
            _warnings.Add($"{tile} {epoch}: the archive did not answer: {ex.Message}");
            return null;
        }
    }

    public IReadOnlyList<string> DrainWarnings()
    {
        var w = _warnings.ToArray();
        _warnings.Clear();
        return w;
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }
}
