using System.Text;
using VlassPS.Archive;
using VlassPS.Core.Archive;
using VlassPS.TestServer;

namespace VlassPS.Tests.Hostile;

/// <summary>Issue 13 §3: the archive client must not trust a listing (loopback server, hostile answers).</summary>
public sealed class HostileArchiveTests : IDisposable
{
    private const string Tile = "T12t13";
    private const string ListingPath = "/quicklook/VLASS2.1/T12t13/";
    private readonly LoopbackHttpServer _server = new();
    private readonly List<IDisposable> _owned = [];

    private ExecutionBlockFinder Finder(int attempts = 1)
    {
        var http = new ArchiveHttpClient(TimeSpan.FromSeconds(10), 1 << 20,
            new RetryPolicy(attempts, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
        _owned.Add(http);
        return new ExecutionBlockFinder(new ArchiveOptions(new Uri(_server.BaseUri, "/quicklook/")), http, new AngleSharpListingLinkReader(), null);
    }

    private static string Listing(IEnumerable<string> hrefs)
        => "<html><body><table>" + string.Concat(hrefs.Select(h => $"<tr><td><a href=\"{h}\">{h}</a></td></tr>")) + "</table></body></html>";

    private static string Folder(int i) => $"VLASS2.1.ql.{Tile}.J080806+043000.10.2048.v{i}/";

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task A_listing_of_2000_image_folders_is_bounded()
    {
        _server.MapText(ListingPath, Listing(Enumerable.Range(1, 2000).Select(Folder)));
        var r = await Finder().FindAsync(Tile, "VLASS2.1", false, CancellationToken.None);
        Assert.Contains(r.Problems, p => p.Kind == ArchiveProblemKind.ListingTooLarge);
        // listing + QA listing + at most the consecutive-failure bound of folders (each 404 on both files)
        Assert.True(_server.TotalHits <= 2 + 2 * ExecutionBlockFinder.MaxImageDirectories, $"{_server.TotalHits} requests");
    }

    [Fact]
    public async Task Links_to_other_hosts_and_outside_the_root_are_not_followed()
    {
        using var foreign = new LoopbackHttpServer();
        var other = foreign.BaseUri.AbsoluteUri;   // another port on loopback: another origin
        _server.MapText(ListingPath, Listing([
            "http://127.0.0.2:9/quicklook/VLASS2.1/T12t13/" + Folder(1),
            other + "quicklook/VLASS2.1/T12t13/" + Folder(2),
            "/elsewhere/" + Folder(3),
            "../../../" + Folder(4),
            "file:///etc/" + Folder(5),
        ]));
        var r = await Finder().FindAsync(Tile, "VLASS2.1", false, CancellationToken.None);
        Assert.Equal(0, r.ImageDirectoryCount);
        Assert.Equal(0, foreign.TotalHits);
        Assert.DoesNotContain(_server.Requests, p => p.StartsWith("/elsewhere/", StringComparison.Ordinal) || !p.StartsWith("/quicklook/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_failures_stop_the_tile_early()
    {
        _server.MapText(ListingPath, Listing(Enumerable.Range(1, 20).Select(Folder)));
        for (int i = 1; i <= 20; i++)
            _server.Map(ListingPath + Folder(i) + ExecutionBlockFinder.PipelineScript, _ => ServerReply.Error(500));
        var r = await Finder().FindAsync(Tile, "VLASS2.1", false, CancellationToken.None);
        Assert.Contains(r.Problems, p => p.Kind == ArchiveProblemKind.GaveUpAfterFailures);
        Assert.Equal(ExecutionBlockFinder.MaxConsecutiveFailures, r.Problems.Count(p => p.Kind == ArchiveProblemKind.RequestFailed));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("gopher://127.0.0.1/x")]
    public async Task A_redirect_to_a_non_http_scheme_is_a_typed_refusal(string location)
    {
        _server.Map(ListingPath, _ => ServerReply.Redirect(location));
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() => Finder(attempts: 3).FindAsync(Tile, "VLASS2.1", false, CancellationToken.None));
        Assert.Equal(FailureKind.RedirectRefused, e.Kind);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task An_http_redirect_is_followed_and_a_loop_is_refused()
    {
        _server.Map(ListingPath, _ => ServerReply.Redirect("/quicklook/moved/"));
        _server.MapText("/quicklook/moved/", Listing([]));
        var r = await Finder().FindAsync(Tile, "VLASS2.1", false, CancellationToken.None);
        Assert.True(r.TileListed);

        _server.Map(ListingPath, _ => ServerReply.Redirect(ListingPath));
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() => Finder().FindAsync(Tile, "VLASS2.1", false, CancellationToken.None));
        Assert.Equal(FailureKind.RedirectRefused, e.Kind);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_a_failure_not_an_answer()
    {
        var body = Encoding.UTF8.GetBytes(Listing(Enumerable.Range(1, 3).Select(Folder)));
        using var raw = new RawHttpServer(body, body.Length / 2, body.Length);
        using var http = new ArchiveHttpClient(TimeSpan.FromSeconds(5), 1 << 20, new RetryPolicy(2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)));
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() => http.GetTextAsync(raw.BaseUri, CancellationToken.None));
        Assert.Equal(FailureKind.Network, e.Kind);
        Assert.Equal(2, raw.Requests);
    }
}
