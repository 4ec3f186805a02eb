using VlassPS.Core.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VlassPS.Core.Catalog;

/// <summary>
/// The cached survey table in a data folder: the table text exactly as downloaded plus a small metadata file
/// (source, fetch time, SHA-256 of the text). Both are replaced atomically; a failed refresh leaves them intact.
/// </summary>
public sealed class SurveyCatalogStore
{
    public const string TableFileName = "VLASS_dyn_summary.txt";
    public const string MetadataFileName = "VLASS_dyn_summary.meta.json";

    /// <summary>Fewest rows a refreshed table must have to replace the cache (the 2024 table has 2697).</summary>
    public const int MinimumRows = 100;

    public SurveyCatalogStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }
    public string TablePath => Path.Combine(Directory, TableFileName);
    public string MetadataPath => Path.Combine(Directory, MetadataFileName);
    public bool Exists => File.Exists(TablePath);

    /// <summary>Reads the cached table, or null when there is none.</summary>
    public SurveyCatalog? Load()
    {
        if (!Exists) return null;
        var text = File.ReadAllText(TablePath);
        var meta = ReadMetadata();
        bool metaMatches = meta is not null && meta.Sha256 == Hash(text);
        var fetchedAt = metaMatches ? meta!.FetchedAt : new DateTimeOffset(File.GetLastWriteTimeUtc(TablePath), TimeSpan.Zero);
        var source = metaMatches ? meta!.Source : TablePath;
        return SurveyCatalogParser.Parse(text, source, fetchedAt);
    }

    /// <summary>
    /// Parses <paramref name="text"/> and, if it looks like a survey table, replaces the cache with it.
    /// Throws <see cref="InvalidDataException"/> (cache untouched) when it does not.
    /// </summary>
    public SurveyCatalog Save(string text, string source, DateTimeOffset fetchedAt, bool force = false)
    {
        var catalog = Validate(text, source, fetchedAt);
        SurveyCatalogCompleteness.Check(text, catalog, TryLoadCached(), force, source);
        AtomicFile.WriteAllText(TablePath, text);
        var meta = new StoreMetadata(source, fetchedAt, Hash(text), catalog.Count);
        AtomicFile.WriteAllText(MetadataPath, JsonSerializer.Serialize(meta, JsonOptions));
        return catalog;
    }

    /// <summary>Parses and checks that the text is a survey table worth keeping.</summary>
    public static SurveyCatalog Validate(string text, string source, DateTimeOffset fetchedAt)
    {
        var catalog = SurveyCatalogParser.Parse(text, source, fetchedAt);
        if (catalog.Count < MinimumRows)
        {
            var first = catalog.Errors.Count > 0 ? " First problem: " + catalog.Errors[0] + "." : "";
            throw new InvalidDataException(
                $"{source} does not look like the VLASS survey summary table: {catalog.Count} valid rows, {catalog.Errors.Count} malformed.{first}");
        }
        return catalog;
    }

    /// <summary>The cached table to compare a replacement with; an unreadable cache is no reason to keep it.</summary>
    public SurveyCatalog? TryLoadCached()
    {
        try { return Load(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    private StoreMetadata? ReadMetadata()
    {
        try
        {
            return File.Exists(MetadataPath) ? JsonSerializer.Deserialize<StoreMetadata>(File.ReadAllText(MetadataPath), JsonOptions) : null;
        }
        catch (JsonException)
        {
            return null;   // a damaged metadata file only loses the fetch time
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record StoreMetadata(string? Source, DateTimeOffset FetchedAt, string Sha256, int Rows);
}
