using VlassPS.Core.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VlassPS.Core.Catalog;

namespace VlassPS.Core.Archive;

/// <summary>
/// On-disk answers of the archive per tile × epoch (EB lists do not change once a tile is imaged), so that
/// re-runs and campaigns do not query NRAO again. One JSON file per tile × epoch × archive layout.
/// </summary>
public sealed class ExecutionBlockCache
{
    private const int FormatVersion = 1;

    public ExecutionBlockCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public string PathFor(ArchiveOptions options, string epoch, string tile)
    {
        var identity = options.CacheIdentity(epoch, tile);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12].ToLowerInvariant();
        return Path.Combine(Directory, "executionblocks", Safe(epoch), $"{Safe(tile)}-{hash}.json");
    }

    /// <summary>The cached EBs, or null when there is no (readable, matching) entry.</summary>
    public IReadOnlyList<ExecutionBlock>? TryGet(ArchiveOptions options, string epoch, string tile)
    {
        var path = PathFor(options, epoch, tile);
        if (!File.Exists(path)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path), JsonOptions);
            if (entry?.Blocks is null || entry.Version != FormatVersion || entry.Identity != options.CacheIdentity(epoch, tile)) return null;
            var blocks = new List<ExecutionBlock>(entry.Blocks.Count);
            foreach (var b in entry.Blocks)
            {
                if (b?.ImageDirectories is null || !ExecutionBlockName.TryParse(b.Name, out var name)) return null;
                blocks.Add(new ExecutionBlock(name, tile, b.QaRejected, b.ImageDirectories, b.SourceUrl, options.ArchiveSearchUrl(b.Name)));
            }
            return blocks;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;   // a damaged entry is treated as absent and rewritten on the next complete answer
        }
    }

    public void Put(ArchiveOptions options, string epoch, string tile, IReadOnlyList<ExecutionBlock> blocks, DateTimeOffset savedAt)
    {
        var entry = new Entry(FormatVersion, options.CacheIdentity(epoch, tile), savedAt,
            blocks.Select(b => new Block(b.Name, b.QaRejected, b.ImageDirectories.ToList(), b.SourceUrl)).ToList());
        AtomicFile.WriteAllText(PathFor(options, epoch, tile), JsonSerializer.Serialize(entry, JsonOptions));
    }

    private static string Safe(string s)
    {
        // Epochs and tiles are validated before they get here; this only guards the file system.
        var invalid = Path.GetInvalidFileNameChars();
        return new string(s.Select(c => invalid.Contains(c) || c == '/' || c == '\\' ? '_' : c).ToArray());
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record Entry(int Version, string Identity, DateTimeOffset SavedAt, List<Block> Blocks);

    private sealed record Block(string Name, bool QaRejected, List<string> ImageDirectories, string? SourceUrl);
}
