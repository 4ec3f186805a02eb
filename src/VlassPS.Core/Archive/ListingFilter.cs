namespace VlassPS.Core.Archive;

/// <summary>An image directory found in a listing, with its absolute URL.</summary>
public readonly record struct ListedImageDirectory(ImageDirectoryName Name, Uri Uri, bool QaRejected);

/// <summary>
/// Chooses the image directories of one tile among a listing's hrefs: every href whose last path segment
/// matches the image-directory pattern and names the tile (any epoch, any version), resolved exactly as
/// listed against the listing URL. Layout, sort links and other files are ignored; so is every link that leaves
/// <c>root</c> (another host, another port, a parent folder): a listing must not send the client elsewhere.
/// </summary>
public static class ListingFilter
{
    public static IReadOnlyList<ListedImageDirectory> ImageDirectories(
        IEnumerable<string> hrefs, Uri listingUri, string tile, bool qaRejected, Uri? root = null)
    {
        string? rootPrefix = root is null ? null : root.AbsoluteUri.EndsWith('/') ? root.AbsoluteUri : root.AbsoluteUri + "/";
        var result = new List<ListedImageDirectory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in hrefs)
        {
            var href = raw.Trim();
            if (href.Length == 0 || href.Contains('?') || href.Contains('#')) continue;
            if (!Uri.TryCreate(listingUri, href, out var uri)) continue;
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) continue;
            if (rootPrefix is not null && !IsUnder(uri, rootPrefix)) continue;
            var segment = LastSegment(uri);
            if (!ImageDirectoryName.TryParse(segment, out var name)) continue;
            if (!string.Equals(name.Tile, tile, StringComparison.OrdinalIgnoreCase)) continue;
            var directory = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
            if (seen.Add(directory.AbsoluteUri)) result.Add(new ListedImageDirectory(name, directory, qaRejected));
        }
        return result;
    }

    /// <summary>Same scheme, host, port and a path inside the root (after the URI's own normalisation of '..').</summary>
    public static bool IsUnder(Uri uri, string rootPrefix)
        => uri.AbsoluteUri.StartsWith(rootPrefix, StringComparison.OrdinalIgnoreCase)
           && uri.Host.Equals(new Uri(rootPrefix).Host, StringComparison.OrdinalIgnoreCase);

    private static string LastSegment(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        int slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
