using VlassPS.Archive;
using VlassPS.Core.Archive;
using VlassPS.TestServer;
using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

/// <summary>The EB finder against a real HTTP server on 127.0.0.1 serving the fake archive in tests/fixtures/catalog.</summary>
public sealed class ExecutionBlockFinderTests : IDisposable
{
    private static readonly string ArchiveFixture = Path.Combine(CatalogTestData.FixturesDirectory, "quicklook");
    private static readonly Lazy<SurveyCatalog> SurveyTable = new(() => SurveyCatalogParser.Parse(File.ReadAllText(CatalogTestData.SummaryTablePath)));

    private readonly LoopbackHttpServer _server = new(ArchiveFixture, "/quicklook/");
    private readonly string _cacheDir = Path.Combine(Path.GetTempPath(), "vlassps-eb-cache-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    private Uri Root => new(_server.BaseUri, "/quicklook/");

    private ExecutionBlockFinder Finder(bool cache = false, TimeSpan? timeout = null, int attempts = 3, long cap = 1 << 20, Uri? root = null)
    {
        var http = new ArchiveHttpClient(timeout ?? TimeSpan.FromSeconds(10), cap,
            new RetryPolicy(attempts, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
        _owned.Add(http);
        return new ExecutionBlockFinder(new ArchiveOptions(root ?? Root), http, new AngleSharpListingLinkReader(),
            cache ? new ExecutionBlockCache(_cacheDir) : null);
    }

    private static string Listing(params string[] parts) => File.ReadAllText(Path.Combine([ArchiveFixture, .. parts, "index.html"]));

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        _server.Dispose();
        if (Directory.Exists(_cacheDir)) Directory.Delete(_cacheDir, recursive: true);
    }

    [Fact]
    public async Task Memo_20_example_T12t13_gives_the_three_memo_execution_blocks()
    {
        var finder = Finder();
        var names = new List<string>();
        foreach (var epoch in new[] { "VLASS1.1", "VLASS2.1", "VLASS3.1" })
        {
            var r = await finder.FindAsync("T12t13", epoch, bypassCache: false, CancellationToken.None);
            Assert.Empty(r.Problems);
            var eb = Assert.Single(r.ExecutionBlocks);
            Assert.Equal("T12t13", eb.Tile);
            Assert.Equal(epoch, eb.Epoch);
            Assert.False(eb.QaRejected);
            Assert.Equal(SurveyTable.Value.Find("T12t13", epoch)!.ObservationDate, eb.Date);
            Assert.Equal(eb.Name + ".ms", eb.MsName);
            Assert.Contains(Uri.EscapeDataString(eb.Name), eb.ArchiveSearchUrl);
            names.Add(eb.Name);
        }
        Assert.Equal(
        [
            "VLASS1.1.sb34647560.eb34700758.58075.26425702547",
            "VLASS2.1.sb38561374.eb38565040.59070.62333981482",
            "VLASS3.1.sb43247986.eb43449519.59968.0862703125",
        ], names);
    }

    [Fact]
    public async Task Every_image_and_version_is_read_and_the_log_is_the_fallback()
    {
        var r = await Finder().FindAsync("T12t13", "VLASS1.1", false, CancellationToken.None);
        var eb = Assert.Single(r.ExecutionBlocks);
        Assert.Equal(3, r.ImageDirectoryCount);
        Assert.Equal(
        [
            "VLASS1.1.ql.T12t13.J080806+043000.10.2048.v1",
            "VLASS1.1.ql.T12t13.J080806+043000.10.2048.v2",
            "VLASS1.1.ql.T12t13.J081400+053000.10.2048.v1",
        ], eb.ImageDirectories);
        Assert.Contains("/quicklook/VLASS1.1v2/T12t13/", _server.Requests);
        Assert.Contains("/quicklook/VLASS1.1v2/QA_REJECTED/", _server.Requests);
        // v2 has no pipescript: the log was read instead.
        Assert.Contains("/quicklook/VLASS1.1v2/T12t13/VLASS1.1.ql.T12t13.J080806+043000.10.2048.v2/casa_pipescript.py", _server.Requests);
        Assert.Contains("/quicklook/VLASS1.1v2/T12t13/VLASS1.1.ql.T12t13.J080806+043000.10.2048.v2/casa_commands.log", _server.Requests);
        Assert.DoesNotContain(_server.Requests, p => p.StartsWith("/quicklook/VLASS1.1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QA_rejected_images_are_reported_with_a_flag()
    {
        var r = await Finder().FindAsync("T12t14", "VLASS2.1", false, CancellationToken.None);
        Assert.Empty(r.Problems);
        Assert.Equal(2, r.ExecutionBlocks.Count);
        var accepted = r.ExecutionBlocks.Single(b => !b.QaRejected);
        var rejected = r.ExecutionBlocks.Single(b => b.QaRejected);
        Assert.Equal("VLASS2.1.sb38560001.eb38564001.59069.1234", accepted.Name);
        Assert.Equal("VLASS2.1.sb38560002.eb38564002.59069.5", rejected.Name);
        Assert.Contains("/QA_REJECTED/", rejected.SourceUrl);
        Assert.Equal("VLASS2.1.ql.T12t14.J084000+053000.10.2048.v1", rejected.ImageDirectory);
    }

    [Fact]
    public async Task An_eb_also_in_an_accepted_image_is_not_flagged()
    {
        var r = await Finder().FindAsync("T12t13", "VLASS3.1", false, CancellationToken.None);
        var eb = Assert.Single(r.ExecutionBlocks);
        Assert.False(eb.QaRejected);
        Assert.Equal(["VLASS3.1.ql.T12t13.J080806+043000.10.2048.v1", "VLASS3.1.ql.T12t13.J081400+053000.10.2048.v1"], eb.ImageDirectories);
    }

    [Fact]
    public async Task A_tile_with_two_ebs_reports_both_once_and_a_missing_script_is_a_problem()
    {
        var r = await Finder(cache: true).FindAsync("T13t05", "VLASS2.1", false, CancellationToken.None);
        Assert.Equal(["VLASS2.1.sb38570001.eb38574001.59079.25", "VLASS2.1.sb38570002.eb38574002.59079.41666"],
            r.ExecutionBlocks.Select(b => b.Name));
        Assert.Equal(2, r.ExecutionBlocks[0].ImageDirectories.Count);
        var problem = Assert.Single(r.Problems);
        Assert.Equal(ArchiveProblemKind.NoExecutionBlockInImage, problem.Kind);
        Assert.Contains("VLASS2.1.ql.T13t05.J025000+093000.10.2048.v2", problem.Uri.AbsoluteUri);
        // Incomplete answers are not cached.
        Assert.False(Directory.Exists(Path.Combine(_cacheDir, "executionblocks")));
    }

    [Fact]
    public async Task Cross_epoch_image_names_are_followed_exactly_as_listed()
    {
        var r = await Finder().FindAsync("T05t33", "VLASS1.2", false, CancellationToken.None);
        var eb = Assert.Single(r.ExecutionBlocks);
        Assert.Equal("VLASS1.2.sb36400001.eb36400002.58666.30002", eb.Name);
        Assert.Equal("VLASS1.1.ql.T05t33.J212207-203000.10.2048.v1", eb.ImageDirectory);
        Assert.EndsWith("/quicklook/VLASS1.2v2/T05t33/VLASS1.1.ql.T05t33.J212207-203000.10.2048.v1/casa_pipescript.py", eb.SourceUrl);
        Assert.Equal(SurveyTable.Value.Find("T05t33", "VLASS1.2")!.ObservationDate, eb.Date);
    }

    [Fact]
    public async Task Broken_html_is_parsed_and_noise_gives_nothing()
    {
        var finder = Finder();
        var broken = await finder.FindAsync("T12t20", "VLASS3.2", false, CancellationToken.None);
        Assert.Equal(["VLASS3.2.sb45000001.eb45000002.60513.7"], broken.ExecutionBlocks.Select(b => b.Name));
        var noise = await finder.FindAsync("T12t21", "VLASS3.2", false, CancellationToken.None);
        Assert.True(noise.TileListed);
        Assert.Empty(noise.ExecutionBlocks);
        Assert.Equal(0, noise.ImageDirectoryCount);
    }

    [Fact]
    public async Task A_tile_not_in_the_archive_yet_is_empty_not_an_error()
    {
        var r = await Finder().FindAsync("T01t01", "VLASS4.1", false, CancellationToken.None);
        Assert.False(r.TileListed);
        Assert.Empty(r.ExecutionBlocks);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public async Task Every_eb_in_the_fixtures_falls_on_its_tile_observation_date()
    {
        var finder = Finder();
        (string Tile, string Epoch)[] queries =
            [("T12t13", "VLASS1.1"), ("T12t13", "VLASS2.1"), ("T12t13", "VLASS3.1"), ("T12t14", "VLASS2.1"),
             ("T13t05", "VLASS2.1"), ("T05t33", "VLASS1.2"), ("T12t20", "VLASS3.2")];
        int count = 0;
        foreach (var (tile, epoch) in queries)
        {
            foreach (var eb in (await finder.FindAsync(tile, epoch, false, CancellationToken.None)).ExecutionBlocks)
            {
                var row = SurveyTable.Value.Find(tile, eb.Epoch);
                Assert.NotNull(row);
                Assert.Equal(row!.ObservationDate, eb.Date);
                Assert.Equal(row.Mjd, Math.Floor(eb.Mjd));
                count++;
            }
        }
        Assert.Equal(9, count);
    }

    [Fact]
    public async Task A_server_error_is_retried_until_it_succeeds()
    {
        const string path = "/quicklook/VLASS2.1/T12t13/";
        _server.Map(path, n => n == 1 ? ServerReply.Error(500) : ServerReply.Ok(Listing("VLASS2.1", "T12t13")));
        var r = await Finder().FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None);
        Assert.Equal("VLASS2.1.sb38561374.eb38565040.59070.62333981482", Assert.Single(r.ExecutionBlocks).Name);
        Assert.Equal(2, _server.Hits(path));
    }

    [Fact]
    public async Task A_server_that_stays_down_fails_the_tile_after_all_attempts_and_other_tiles_still_answer()
    {
        _server.Map("/quicklook/VLASS2.1/T12t13/", _ => ServerReply.Error(503));
        var finder = Finder(attempts: 3);
        var errors = new List<ArchiveRequestException>();
        var answers = new List<ExecutionBlockSearch>();
        foreach (var tile in new[] { "T12t13", "T12t14" })
        {
            try { answers.Add(await finder.FindAsync(tile, "VLASS2.1", false, CancellationToken.None)); }
            catch (ArchiveRequestException ex) { errors.Add(ex); }
        }
        var e = Assert.Single(errors);
        Assert.Equal(FailureKind.HttpStatus, e.Kind);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, _server.Hits("/quicklook/VLASS2.1/T12t13/"));
        Assert.Contains("T12t13", e.Uri.AbsoluteUri);
        Assert.Equal("T12t14", Assert.Single(answers).Tile);
        Assert.Equal(2, answers[0].ExecutionBlocks.Count);
    }

    [Fact]
    public async Task A_script_without_importdata_falls_back_to_the_log()
    {
        const string dir = "/quicklook/VLASS2.1/T12t13/VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/";
        _server.MapText(dir + "casa_pipescript.py", "context = h_init()\nhif_makeimages(hm_masking='none')\nh_save()\n");
        _server.MapText(dir + "casa_commands.log",
            "# hifv_importdata(nocopy=True, vis=['VLASS2.1.sb38561374.eb38565040.59070.62333981482.ms'], session=['session_1'])\n");
        var eb = Assert.Single((await Finder().FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None)).ExecutionBlocks);
        Assert.Equal("VLASS2.1.sb38561374.eb38565040.59070.62333981482", eb.Name);
        Assert.EndsWith(dir + "casa_commands.log", eb.SourceUrl);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() =>
            Finder(attempts: 2, root: new Uri($"http://127.0.0.1:{port}/quicklook/")).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None));
        Assert.Equal(FailureKind.Network, e.Kind);
        Assert.Equal(2, e.Attempts);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        _server.Map("/quicklook/VLASS2.1/T12t13/", _ => ServerReply.Error(403));
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() => Finder().FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None));
        Assert.Equal(403, e.StatusCode);
        Assert.Equal(1, _server.Hits("/quicklook/VLASS2.1/T12t13/"));
    }

    [Fact]
    public async Task A_hanging_server_times_out_and_is_retried()
    {
        _server.Map("/quicklook/VLASS2.1/T12t13/", _ => ServerReply.Hanging);
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() =>
            Finder(timeout: TimeSpan.FromSeconds(1), attempts: 2).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None));
        Assert.Equal(FailureKind.Timeout, e.Kind);
        Assert.Equal(2, e.Attempts);
        Assert.Equal(2, _server.Hits("/quicklook/VLASS2.1/T12t13/"));
    }

    [Fact]
    public async Task A_hanging_image_folder_is_a_problem_of_its_tile_only()
    {
        _server.Map("/quicklook/VLASS2.1/T13t05/VLASS2.1.ql.T13t05.J030500+093000.10.2048.v1/casa_pipescript.py", _ => ServerReply.Hanging);
        var r = await Finder(timeout: TimeSpan.FromSeconds(1), attempts: 1).FindAsync("T13t05", "VLASS2.1", false, CancellationToken.None);
        Assert.Equal(["VLASS2.1.sb38570001.eb38574001.59079.25"], r.ExecutionBlocks.Select(b => b.Name));
        Assert.Contains(r.Problems, p => p.Kind == ArchiveProblemKind.RequestFailed && p.Exception is ArchiveRequestException { Kind: FailureKind.Timeout });
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_timeout()
    {
        _server.Map("/quicklook/VLASS2.1/T12t13/", _ => ServerReply.Hanging);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Finder(timeout: TimeSpan.FromSeconds(30)).FindAsync("T12t13", "VLASS2.1", false, cts.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_answer_hits_the_cap_and_is_not_retried(bool declareLength)
    {
        const string path = "/quicklook/VLASS2.1/T12t13/";
        _server.Map(path, _ => new ServerReply(200, StreamBytes: 4L << 20, DeclareLength: declareLength));
        var e = await Assert.ThrowsAsync<ArchiveRequestException>(() =>
            Finder(cap: 256 * 1024).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None));
        Assert.Equal(FailureKind.TooLarge, e.Kind);
        Assert.Equal(1, _server.Hits(path));
    }

    [Fact]
    public async Task Complete_answers_are_cached_and_Force_bypasses_the_cache()
    {
        var first = await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None);
        Assert.False(first.FromCache);
        int hits = _server.TotalHits;
        Assert.True(hits >= 3);

        var second = await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None);
        Assert.True(second.FromCache);
        Assert.Equal(hits, _server.TotalHits);
        var a = Assert.Single(first.ExecutionBlocks);
        var b = Assert.Single(second.ExecutionBlocks);
        Assert.Equal(a.Name, b.Name);
        Assert.Equal(a.ImageDirectories, b.ImageDirectories);
        Assert.Equal(a.SourceUrl, b.SourceUrl);
        Assert.Equal(a.ArchiveSearchUrl, b.ArchiveSearchUrl);
        Assert.Equal("T12t13", b.Tile);

        var forced = await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", bypassCache: true, CancellationToken.None);
        Assert.False(forced.FromCache);
        Assert.True(_server.TotalHits > hits);
    }

    [Fact]
    public async Task Cache_entries_are_kept_apart_per_archive_root_and_damaged_entries_are_ignored()
    {
        await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None);
        using var otherServer = new LoopbackHttpServer(ArchiveFixture, "/mirror/");
        var viaMirror = await Finder(cache: true, root: new Uri(otherServer.BaseUri, "/mirror/")).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None);
        Assert.False(viaMirror.FromCache);
        Assert.True(otherServer.TotalHits > 0);

        var file = new ExecutionBlockCache(_cacheDir).PathFor(new ArchiveOptions(Root), "VLASS2.1", "T12t13");
        foreach (var damaged in new[] { "{ not json", "null", "{\"version\":1,\"identity\":\"x\",\"blocks\":null}" })
        {
            File.WriteAllText(file, damaged);
            Assert.Null(new ExecutionBlockCache(_cacheDir).TryGet(new ArchiveOptions(Root), "VLASS2.1", "T12t13"));
        }
        await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", bypassCache: true, CancellationToken.None);
        var json = File.ReadAllText(file);
        File.WriteAllText(file, json.Replace("\"imageDirectories\": [", "\"imageDirectories\": null, \"x\": [", StringComparison.Ordinal));
        Assert.Null(new ExecutionBlockCache(_cacheDir).TryGet(new ArchiveOptions(Root), "VLASS2.1", "T12t13"));
        File.WriteAllText(file, "{ not json");
        var again = await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None);
        Assert.False(again.FromCache);
        Assert.Single(again.ExecutionBlocks);
        Assert.True((await Finder(cache: true).FindAsync("T12t13", "VLASS2.1", false, CancellationToken.None)).FromCache);
    }
}
