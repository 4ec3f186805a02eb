namespace VlassPS.Core.Archive;

/// <summary>
/// Where the quick-look archive lives and how its epoch folders are named. Data, not code: NRAO moved
/// hosts (<c>archive-new.nrao.edu</c>, <c>vlass-dl.nrao.edu</c>) and suffixes epoch folders (<c>VLASS1.1v2</c>).
/// </summary>
public sealed class ArchiveOptions
{
    public const string DefaultQuickLookRoot = "https://archive-new.nrao.edu/vlass/quicklook/";
    public const string AlternateQuickLookRoot = "https://vlass-dl.nrao.edu/vlass/quicklook/";

    /// <summary>Default template of the archive search link; <c>{0}</c> is the URL-escaped EB name.</summary>
    public const string DefaultArchiveSearchTemplate = "https://data.nrao.edu/portal/#/search?searchTerm={0}";

    /// <summary>Epoch folders whose names differ from the epoch (astrometry-corrected epoch-1 images).</summary>
    public static IReadOnlyDictionary<string, string> DefaultEpochDirectories { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["VLASS1.1"] = "VLASS1.1v2",
            ["VLASS1.2"] = "VLASS1.2v2",
        };

    public ArchiveOptions(Uri? quickLookRoot = null, IReadOnlyDictionary<string, string>? epochDirectories = null,
        string qaRejectedFolder = "QA_REJECTED", string? archiveSearchTemplate = DefaultArchiveSearchTemplate)
    {
        var root = quickLookRoot ?? new Uri(DefaultQuickLookRoot);
        if (!root.IsAbsoluteUri || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The archive root (-BaseUri) '{root}' must be an absolute http(s) URL.", "BaseUri");
        // A root without a trailing slash would make relative resolution drop its last segment.
        QuickLookRoot = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        EpochDirectories = epochDirectories ?? DefaultEpochDirectories;
        QaRejectedFolder = qaRejectedFolder;
        ArchiveSearchTemplate = archiveSearchTemplate;
    }

    public Uri QuickLookRoot { get; }
    public IReadOnlyDictionary<string, string> EpochDirectories { get; }
    public string QaRejectedFolder { get; }
    public string? ArchiveSearchTemplate { get; }

    /// <summary>The folder of an epoch (e.g. VLASS1.1 -> VLASS1.1v2, VLASS3.1 -> VLASS3.1).</summary>
    public string EpochDirectory(string epoch)
        => EpochDirectories.TryGetValue(epoch, out var dir) ? dir : epoch;

    /// <summary><c>&lt;root&gt;/&lt;epochdir&gt;/&lt;tile&gt;/</c>.</summary>
    public Uri TileListingUri(string epoch, string tile)
        => new(QuickLookRoot, Uri.EscapeDataString(EpochDirectory(epoch)) + "/" + Uri.EscapeDataString(tile) + "/");

    /// <summary><c>&lt;root&gt;/&lt;epochdir&gt;/QA_REJECTED/</c>.</summary>
    public Uri QaRejectedListingUri(string epoch)
        => new(QuickLookRoot, Uri.EscapeDataString(EpochDirectory(epoch)) + "/" + Uri.EscapeDataString(QaRejectedFolder) + "/");

    /// <summary>A file inside an image directory (the directory URI ends with a slash).</summary>
    public static Uri FileUri(Uri imageDirectory, string fileName)
    {
        var dir = imageDirectory.AbsoluteUri.EndsWith('/') ? imageDirectory : new Uri(imageDirectory.AbsoluteUri + "/");
        return new Uri(dir, Uri.EscapeDataString(fileName));
    }

    public string? ArchiveSearchUrl(string ebName)
        => ArchiveSearchTemplate is null ? null
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, ArchiveSearchTemplate, Uri.EscapeDataString(ebName));

    /// <summary>A stable text identifying the layout, used to keep cache entries of different archives apart.</summary>
    public string CacheIdentity(string epoch, string tile) => $"{QuickLookRoot.AbsoluteUri}|{EpochDirectory(epoch)}|{QaRejectedFolder}|{tile}";
}
