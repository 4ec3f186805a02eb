using System.Management.Automation;
using VlassPS.Archive;
using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Catalog;

namespace VlassPS.Commands;

/// <summary>What planning cmdlets share (Get-VlassCampaignPlan, Invoke-VlassCampaign): one way to check -Epoch
/// against the survey table and to build the execution-block lookup, so both plan the same.</summary>
public abstract partial class VlassCmdlet
{
    /// <summary>Every -Epoch must be in the survey table; otherwise the call stops, naming the table's epochs.</summary>
    protected void RequireEpochsInTable(SurveyCatalog catalog, IEnumerable<string>? epochs)
    {
        foreach (var e in epochs ?? [])
            if (!catalog.Epochs.Contains(e, StringComparer.Ordinal))
                ThrowInvocationError(new ArgumentException($"-Epoch '{e}' is not in the survey table ({string.Join(", ", catalog.Epochs)})."), "EpochInvalid", ErrorCategory.InvalidArgument, e);
    }

    /// <summary>The execution-block lookup from the answer cache; <paramref name="online"/> also asks the archive
    /// (the finder that does is returned too, to dispose and drain warnings from).</summary>
    private protected IExecutionBlockLookup ExecutionBlockLookup(string? cacheDirectory, Uri? baseUri, TimeSpan? online, out FinderLookup? finder)
    {
        ArchiveOptions options;
        try { options = new ArchiveOptions(Setting(s => s.QuickLookRoot(baseUri)), ArchiveOptions.DefaultEpochDirectories); }
        catch (ArgumentException ex) { ThrowInvocationError(ex, "ArchiveOptionsInvalid", ErrorCategory.InvalidArgument, baseUri); throw; }
        var cache = new ExecutionBlockCache(Setting(s => s.ArchiveCacheDirectory(cacheDirectory is null ? null : ResolvePath(cacheDirectory))));
        IExecutionBlockLookup cached = new CachedExecutionBlockLookup(cache, options);
        finder = online is TimeSpan timeout ? new FinderLookup(cached, options, cache, timeout, CancellationToken) : null;
        return finder ?? cached;
    }
}
