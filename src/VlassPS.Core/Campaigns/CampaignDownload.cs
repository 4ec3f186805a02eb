using VlassPS.Core.Archive;
using VlassPS.Core.Targets;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// One measurement set to download for a campaign: a unique execution block, with its archive link and every
/// target it serves. Downloads come in greedy set-cover order (<see cref="Rank"/> 1 first): each next download is
/// the one that completes the most still-incomplete target × epoch rows, then serves the most rows, then by name.
/// Downloading in this order makes the most targets imageable after the fewest downloads.
/// </summary>
public sealed class CampaignDownload
{
    public CampaignDownload(int rank, ExecutionBlock executionBlock, IReadOnlyList<VlassTarget> targets,
        int completesTargets, int cumulativeCompleted)
    {
        Rank = rank;
        ExecutionBlock = executionBlock;
        Targets = targets;
        CompletesTargets = completesTargets;
        CumulativeCompleted = cumulativeCompleted;
    }

    /// <summary>1-based download order.</summary>
    public int Rank { get; }
    public ExecutionBlock ExecutionBlock { get; }
    public string Name => ExecutionBlock.Name;
    public string MsName => ExecutionBlock.MsName;
    public string Epoch => ExecutionBlock.Epoch;
    public string? Tile => ExecutionBlock.Tile;
    public string? ArchiveSearchUrl => ExecutionBlock.ArchiveSearchUrl;
    /// <summary>Every target with a row in this EB's epoch that needs this MS (distinct, in plan order).</summary>
    public IReadOnlyList<VlassTarget> Targets { get; }
    public int TargetCount => Targets.Count;
    /// <summary>Target × epoch rows that become complete (all their MSs downloaded) with this download.</summary>
    public int CompletesTargets { get; }
    /// <summary>Rows complete after downloads 1..<see cref="Rank"/>.</summary>
    public int CumulativeCompleted { get; }
    public override string ToString() => $"{Rank} {Name} ({Targets.Count} targets)";
}
