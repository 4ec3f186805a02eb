namespace VlassPS.Core.Archive;

/// <summary>The answer for one tile × epoch: the EBs found and anything that went wrong on the way.</summary>
public sealed class ExecutionBlockSearch
{
    public ExecutionBlockSearch(string tile, string epoch, IReadOnlyList<ExecutionBlock> executionBlocks,
        IReadOnlyList<ArchiveProblem> problems, bool fromCache, bool tileListed, int imageDirectoryCount)
    {
        Tile = tile;
        Epoch = epoch;
        ExecutionBlocks = executionBlocks;
        Problems = problems;
        FromCache = fromCache;
        TileListed = tileListed;
        ImageDirectoryCount = imageDirectoryCount;
    }

    public string Tile { get; }
    public string Epoch { get; }
    public IReadOnlyList<ExecutionBlock> ExecutionBlocks { get; }

    /// <summary>Failures and oddities; the EBs above are still valid but may be incomplete when this is non-empty.</summary>
    public IReadOnlyList<ArchiveProblem> Problems { get; }
    public bool FromCache { get; }

    /// <summary>False when the archive has no folder for the tile in this epoch (not imaged yet).</summary>
    public bool TileListed { get; }
    public int ImageDirectoryCount { get; }
}

/// <summary>Stable identifiers of archive problems (used as PowerShell error ids).</summary>
public enum ArchiveProblemKind
{
    /// <summary>A request failed after retries (server down, timeout, oversized answer).</summary>
    RequestFailed,
    /// <summary>An image directory has neither a script nor a log naming its input EBs.</summary>
    NoExecutionBlockInImage,
    /// <summary>A vis entry that is not a VLASS EB name.</summary>
    UnrecognisedVisEntry,
    /// <summary>A listing names more image folders than a tile × epoch can have; the rest were not read.</summary>
    ListingTooLarge,
    /// <summary>Several image folders in a row failed; the others were not asked (the archive is failing).</summary>
    GaveUpAfterFailures,
}

public sealed class ArchiveProblem
{
    public ArchiveProblem(ArchiveProblemKind kind, Uri uri, string message, Exception? exception = null)
    {
        Kind = kind;
        Uri = uri;
        Message = message;
        Exception = exception;
    }

    public ArchiveProblemKind Kind { get; }
    public Uri Uri { get; }
    public string Message { get; }
    public Exception? Exception { get; }
    public override string ToString() => Message;
}
