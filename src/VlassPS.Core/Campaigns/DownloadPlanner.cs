using VlassPS.Core.Archive;
using VlassPS.Core.Targets;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// Groups plan rows by execution block and orders the downloads by greedy set cover: repeatedly take the EB that
/// completes the most rows not yet complete (a row is complete when all its EBs are taken), ties broken by the
/// number of rows it serves, then by name. Every EB a row needs is downloaded eventually (an EB has no substitute),
/// so the order is what matters: the most targets imageable after the fewest downloads. O((E + R) log E).
/// Keeps only EB indices per row, not the rows themselves, so streaming callers stay small.
/// </summary>
public sealed class DownloadPlanner
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<ExecutionBlock> _blocks = [];
    private readonly List<List<int>> _rowsOfBlock = [];
    private readonly List<List<VlassTarget>> _targetsOfBlock = [];
    private readonly List<int[]> _blocksOfRow = [];

    public void Add(CampaignPlanEntry entry)
    {
        if (entry.ExecutionBlocks.Count == 0) return;
        int row = _blocksOfRow.Count;
        var ids = new int[entry.ExecutionBlocks.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            var eb = entry.ExecutionBlocks[i];
            if (!_index.TryGetValue(eb.Name, out int id))
            {
                id = _blocks.Count;
                _index[eb.Name] = id;
                _blocks.Add(eb);
                _rowsOfBlock.Add([]);
                _targetsOfBlock.Add([]);
            }
            ids[i] = id;
            _rowsOfBlock[id].Add(row);
            var targets = _targetsOfBlock[id];
            if (targets.Count == 0 || !targets[^1].Equals(entry.Target)) targets.Add(entry.Target);
        }
        _blocksOfRow.Add(ids);
    }

    public IReadOnlyList<CampaignDownload> Order()
    {
        int n = _blocks.Count;
        var remaining = new int[_blocksOfRow.Count];
        for (int r = 0; r < remaining.Length; r++) remaining[r] = _blocksOfRow[r].Length;
        var completes = new int[n];
        for (int r = 0; r < remaining.Length; r++)
            if (remaining[r] == 1) completes[_blocksOfRow[r][0]]++;
        var taken = new bool[n];
        var queue = new PriorityQueue<int, (int, int, string)>(n, Comparer<(int Completes, int Serves, string Name)>.Create((a, b) =>
        {
            int c = b.Completes.CompareTo(a.Completes);
            if (c != 0) return c;
            c = b.Serves.CompareTo(a.Serves);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        }));
        for (int i = 0; i < n; i++) queue.Enqueue(i, (completes[i], _rowsOfBlock[i].Count, _blocks[i].Name));

        var result = new List<CampaignDownload>(n);
        int cumulative = 0;
        while (queue.TryDequeue(out int id, out var key))
        {
            if (taken[id] || key.Item1 != completes[id]) continue;   // stale entry: a fresher one is queued
            taken[id] = true;
            int completed = 0;
            foreach (int r in _rowsOfBlock[id])
            {
                int left = --remaining[r];
                if (left == 0) completed++;
                else if (left == 1)
                    foreach (int other in _blocksOfRow[r])
                        if (!taken[other])
                        {
                            completes[other]++;
                            queue.Enqueue(other, (completes[other], _rowsOfBlock[other].Count, _blocks[other].Name));
                        }
            }
            cumulative += completed;
            result.Add(new CampaignDownload(result.Count + 1, _blocks[id], _targetsOfBlock[id].Distinct().ToArray(), completed, cumulative));
        }
        return result;
    }
}
