namespace VlassPS.Core.Catalog;

/// <summary>
/// Loads the survey table from the store or a file, re-parsing only when the file changed, so that many
/// short commands in one session do not parse the table again each time.
/// </summary>
public static class SurveyCatalogLoader
{
    private static readonly object Gate = new();
    private static (string Path, DateTime WriteTime, long Length, SurveyCatalog Catalog)? _last;

    /// <summary>The cached table of <paramref name="store"/>, or null when none was saved yet.</summary>
    public static SurveyCatalog? FromStore(SurveyCatalogStore store)
        => store.Exists ? Memoized(store.TablePath, store.Load) : null;

    /// <summary>A table file read directly (a saved copy of the page).</summary>
    public static SurveyCatalog FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        return Memoized(full, () => SurveyCatalogParser.Parse(File.ReadAllText(full), full,
            new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero)))!;
    }

    private static SurveyCatalog? Memoized(string path, Func<SurveyCatalog?> load)
    {
        var info = new FileInfo(path);
        lock (Gate)
        {
            if (_last is { } l && l.Path == info.FullName && l.WriteTime == info.LastWriteTimeUtc && l.Length == info.Length)
                return l.Catalog;
        }
        var catalog = load();
        if (catalog is not null)
            lock (Gate) _last = (info.FullName, info.LastWriteTimeUtc, info.Length, catalog);
        return catalog;
    }
}
