using VlassPS.Archive;
using VlassPS.Core.Archive;

namespace VlassPS.Tests.Catalog;

public class ArchivePureLogicTests
{
    [Theory]
    [InlineData(FailureKind.HttpStatus, 500, true)]
    [InlineData(FailureKind.HttpStatus, 502, true)]
    [InlineData(FailureKind.HttpStatus, 503, true)]
    [InlineData(FailureKind.HttpStatus, 408, true)]
    [InlineData(FailureKind.HttpStatus, 429, true)]
    [InlineData(FailureKind.HttpStatus, 400, false)]
    [InlineData(FailureKind.HttpStatus, 403, false)]
    [InlineData(FailureKind.Timeout, null, true)]
    [InlineData(FailureKind.Network, null, true)]
    [InlineData(FailureKind.TooLarge, null, false)]
    public void Retries_only_transient_failures(FailureKind kind, int? status, bool retry)
    {
        var policy = new RetryPolicy(maxAttempts: 3);
        Assert.Equal(retry, policy.ShouldRetry(1, kind, status));
        Assert.Equal(retry, policy.ShouldRetry(2, kind, status));
        Assert.False(policy.ShouldRetry(3, kind, status));
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal([1.0, 2.0, 4.0, 5.0, 5.0], Enumerable.Range(1, 5).Select(a => policy.DelayAfter(a).TotalSeconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0));
    }

    [Fact]
    public void Epoch_folders_and_urls_come_from_data()
    {
        var o = new ArchiveOptions();
        Assert.Equal("VLASS1.1v2", o.EpochDirectory("VLASS1.1"));
        Assert.Equal("VLASS1.2v2", o.EpochDirectory("VLASS1.2"));
        Assert.Equal("VLASS2.1", o.EpochDirectory("VLASS2.1"));
        Assert.Equal("VLASS4.1", o.EpochDirectory("VLASS4.1"));
        Assert.Equal("https://archive-new.nrao.edu/vlass/quicklook/VLASS1.1v2/T12t13/", o.TileListingUri("VLASS1.1", "T12t13").AbsoluteUri);
        Assert.Equal("https://archive-new.nrao.edu/vlass/quicklook/VLASS3.1/QA_REJECTED/", o.QaRejectedListingUri("VLASS3.1").AbsoluteUri);

        var other = new ArchiveOptions(new Uri("https://vlass-dl.nrao.edu/vlass/quicklook"),
            new Dictionary<string, string> { ["VLASS1.2"] = "VLASS1.2" });
        Assert.Equal("https://vlass-dl.nrao.edu/vlass/quicklook/VLASS1.2/T05t33/", other.TileListingUri("VLASS1.2", "T05t33").AbsoluteUri);
        Assert.Equal("VLASS1.1", other.EpochDirectory("VLASS1.1"));
        Assert.NotEqual(o.CacheIdentity("VLASS1.2", "T05t33"), other.CacheIdentity("VLASS1.2", "T05t33"));
        Assert.Throws<ArgumentException>(() => new ArchiveOptions(new Uri("ftp://example.org/ql/")));
    }

    [Fact]
    public void File_urls_escape_nothing_that_matters()
    {
        var dir = new Uri("http://127.0.0.1:1/ql/VLASS2.1/T12t13/VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/");
        Assert.Equal(dir.AbsoluteUri + "casa_pipescript.py", ArchiveOptions.FileUri(dir, "casa_pipescript.py").AbsoluteUri);
        var noSlash = new Uri(dir.AbsoluteUri.TrimEnd('/'));
        Assert.Equal(dir.AbsoluteUri + "casa_commands.log", ArchiveOptions.FileUri(noSlash, "casa_commands.log").AbsoluteUri);
        Assert.Equal("https://data.nrao.edu/portal/#/search?searchTerm=VLASS2.1.sb1.eb2.59070.5", new ArchiveOptions().ArchiveSearchUrl("VLASS2.1.sb1.eb2.59070.5"));
        Assert.Null(new ArchiveOptions(archiveSearchTemplate: null).ArchiveSearchUrl("x"));
    }

    [Fact]
    public void Listing_filter_keeps_every_image_of_the_tile_as_listed()
    {
        var listing = new Uri("https://host/ql/VLASS1.2v2/T05t33/");
        string[] hrefs =
        [
            "../", "?C=N;O=D", "/icons/folder.gif",
            "VLASS1.2.ql.T05t33.J212207-203000.10.2048.v1/",
            "VLASS1.2.ql.T05t33.J212207-203000.10.2048.v2/",
            "VLASS1.2.ql.T05t33.J212207-203000.10.2048.v2/",                       // duplicate
            "/ql/VLASS1.2v2/T05t33/VLASS1.1.ql.T05t33.J212207-213000.10.2048.v1/", // cross-epoch, absolute path
            "https://mirror.example/x/VLASS1.2.se.T05t33.J212207-223000.06.2048.v1", // full URL, no slash
            "VLASS1.2.ql.T05t34.J213000-203000.10.2048.v1/",                       // another tile
            "VLASS1.2.ql.T05t33.J212207-203000.10.2048.v1/casa_pipescript.py",
            "mailto:VLASS1.2.ql.T05t33.J212207-203000.10.2048.v3",
        ];
        var dirs = ListingFilter.ImageDirectories(hrefs, listing, "T05t33", qaRejected: false);
        Assert.Equal(
        [
            "https://host/ql/VLASS1.2v2/T05t33/VLASS1.2.ql.T05t33.J212207-203000.10.2048.v1/",
            "https://host/ql/VLASS1.2v2/T05t33/VLASS1.2.ql.T05t33.J212207-203000.10.2048.v2/",
            "https://host/ql/VLASS1.2v2/T05t33/VLASS1.1.ql.T05t33.J212207-213000.10.2048.v1/",
            "https://mirror.example/x/VLASS1.2.se.T05t33.J212207-223000.06.2048.v1/",
        ], dirs.Select(d => d.Uri.AbsoluteUri));
        Assert.Equal(["VLASS1.2", "VLASS1.2", "VLASS1.1", "VLASS1.2"], dirs.Select(d => d.Name.Epoch));
        Assert.All(dirs, d => Assert.False(d.QaRejected));
    }

    [Fact]
    public void Percent_encoded_hrefs_are_matched_and_kept_encoded()
    {
        var dirs = ListingFilter.ImageDirectories(["VLASS2.1.ql.T12t13.J080806%2B043000.10.2048.v1/"],
            new Uri("https://host/ql/VLASS2.1/T12t13/"), "T12t13", qaRejected: true);
        var d = Assert.Single(dirs);
        Assert.Equal("VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1", d.Name.Name);
        Assert.Equal("https://host/ql/VLASS2.1/T12t13/VLASS2.1.ql.T12t13.J080806%2B043000.10.2048.v1/", d.Uri.AbsoluteUri);
        Assert.True(d.QaRejected);
    }

    [Fact]
    public void Both_listing_styles_give_the_same_image_folders()
    {
        var reader = new AngleSharpListingLinkReader();
        var fixtures = Path.Combine(CatalogTestData.FixturesDirectory, "quicklook");
        var pre = reader.ReadHrefs(File.ReadAllText(Path.Combine(fixtures, "VLASS1.1v2", "T12t13", "index.html")));
        var table = reader.ReadHrefs(File.ReadAllText(Path.Combine(fixtures, "VLASS2.1", "T12t13", "index.html")));
        Assert.Contains("VLASS1.1.ql.T12t13.J080806+043000.10.2048.v2/", pre);
        Assert.Contains("?C=N;O=D", pre);
        Assert.Contains("VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/", table);
        Assert.Contains("../", table);
        Assert.Equal(3, ListingFilter.ImageDirectories(pre, new Uri("http://h/q/VLASS1.1v2/T12t13/"), "T12t13", false).Count);
        Assert.Single(ListingFilter.ImageDirectories(table, new Uri("http://h/q/VLASS2.1/T12t13/"), "T12t13", false));
    }

    [Fact]
    public void Garbage_is_not_fatal_to_the_link_reader()
    {
        var reader = new AngleSharpListingLinkReader();
        Assert.Empty(ListingFilter.ImageDirectories(reader.ReadHrefs("\0\u0001<<a href=>>><a<a href"), new Uri("http://h/"), "T12t13", false));
        Assert.Empty(reader.ReadHrefs(""));
        Assert.Equal(["VLASS3.2.ql.T12t20.J130000+043000.10.2048.v1/"],
            reader.ReadHrefs("<A HREF=VLASS3.2.ql.T12t20.J130000+043000.10.2048.v1/ >x<td><b>").ToArray());
    }
}
