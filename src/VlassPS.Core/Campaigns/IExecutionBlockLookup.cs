using VlassPS.Core.Archive;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// Where the planner gets a tile's execution blocks in an epoch: the EB cache (offline) or the EB finder
/// (cache first, then the archive). Null means "unknown" (not cached offline, or the archive failed).
/// </summary>
public interface IExecutionBlockLookup
{
    IReadOnlyList<ExecutionBlock>? Find(string tile, string epoch);
}

/// <summary>Answers from <see cref="ExecutionBlockCache"/> only: never touches the network.</summary>
public sealed class CachedExecutionBlockLookup : IExecutionBlockLookup
{
    private readonly ExecutionBlockCache _cache;
    private readonly ArchiveOptions _options;

    public CachedExecutionBlockLookup(ExecutionBlockCache cache, ArchiveOptions options)
    {
        _cache = cache;
        _options = options;
    }

    public IReadOnlyList<ExecutionBlock>? Find(string tile, string epoch) => _cache.TryGet(_options, epoch, tile);
}
