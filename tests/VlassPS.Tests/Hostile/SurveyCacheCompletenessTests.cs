using System.Text;
using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;
using VlassPS.Core.Errors;
using VlassPS.TestServer;
using VlassPS.Tests.Catalog;

namespace VlassPS.Tests.Hostile;

/// <summary>Issue 13 §2: a cut or partial survey table never replaces the cache (files and loopback HTTP).</summary>
public sealed class SurveyCacheCompletenessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vlassps-complete-" + Guid.NewGuid().ToString("N"));
    private static readonly string Full = File.ReadAllText(CatalogTestData.SummaryTablePath);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static string FirstLines(int n) => string.Concat(Full.Split('\n').Take(n).Select(l => l + "\n"));

    [Fact]
    public void The_full_table_is_complete()
    {
        var store = new SurveyCatalogStore(_dir);
        Assert.Equal(2697, store.Save(Full, "full", DateTimeOffset.UtcNow).Count);
        Assert.Equal(2697, store.Save(Full, "again", DateTimeOffset.UtcNow).Count);   // same table: no shrink
    }

    [Fact]
    public void Cut_at_a_line_end_head_1400_is_refused_and_the_cache_is_kept()
    {
        var store = new SurveyCatalogStore(_dir);
        store.Save(Full, "full", DateTimeOffset.UtcNow);
        var ex = Assert.Throws<VlassException>(() => store.Save(FirstLines(1400), "half.txt", DateTimeOffset.UtcNow));
        Assert.Equal(VlassErrors.SurveyCatalogIncomplete, ex.Error);
        Assert.Contains("tiles", ex.Message);
        Assert.Equal(Full, File.ReadAllText(store.TablePath));
        Assert.NotNull(store.Load()!.Find("T32t01", "VLASS1.1"));
    }

    [Fact]
    public void Cut_at_a_line_end_without_a_cache_is_refused_too()
    {
        var ex = Assert.Throws<VlassException>(() => new SurveyCatalogStore(_dir).Save(FirstLines(1400), "half.txt", DateTimeOffset.UtcNow));
        Assert.Equal(VlassErrors.SurveyCatalogIncomplete, ex.Error);
        Assert.False(File.Exists(Path.Combine(_dir, SurveyCatalogStore.TableFileName)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(96)]
    public void Cut_mid_row_in_the_last_row_is_refused(int keep)
    {
        // Every tile is still present (T32t02 has earlier rows): only the cut itself tells.
        var cut = Full.TrimEnd('\n');
        cut = cut[..(cut.LastIndexOf('\n') + 1 + keep)];
        var ex = Assert.Throws<VlassException>(() => new SurveyCatalogStore(_dir).Save(cut, "cut", DateTimeOffset.UtcNow));
        Assert.Equal(VlassErrors.SurveyCatalogIncomplete, ex.Error);
        Assert.Contains("cut short", ex.Message);
    }

    [Fact]
    public void A_table_with_fewer_rows_than_the_cache_needs_force()
    {
        var store = new SurveyCatalogStore(_dir);
        store.Save(Full, "full", DateTimeOffset.UtcNow);
        var lines = Full.Split('\n').ToList();
        int i = lines.FindIndex(l => l.StartsWith("T12t13") && l.Contains("VLASS3.1"));
        lines.RemoveAt(i);
        var smaller = string.Join('\n', lines);
        var ex = Assert.Throws<VlassException>(() => store.Save(smaller, "smaller", DateTimeOffset.UtcNow));
        Assert.Equal(VlassErrors.SurveyCatalogShrinks, ex.Error);
        Assert.Contains("T12t13 VLASS3.1", ex.Message);
        Assert.Equal(Full, File.ReadAllText(store.TablePath));
        Assert.Equal(2696, store.Save(smaller, "smaller", DateTimeOffset.UtcNow, force: true).Count);
    }

    [Theory]
    [InlineData(true)]    // Content-Length declared, connection closed halfway
    [InlineData(false)]   // no Content-Length: the body ends when the connection closes, halfway
    public async Task A_download_cut_halfway_never_becomes_the_catalog(bool declareLength)
    {
        var bytes = Encoding.UTF8.GetBytes(Full);
        // Cut mid-row, about halfway (the no-length case reads as a complete but short answer).
        using var server = new RawHttpServer(bytes, bytes.Length / 2 + 17, declareLength ? bytes.Length : null);
        using var http = new ArchiveHttpClient(TimeSpan.FromSeconds(10), 16 << 20, new RetryPolicy(1));
        var store = new SurveyCatalogStore(_dir);
        store.Save(Full, "full", DateTimeOffset.UtcNow);
        Exception ex = await Record.ExceptionAsync(async () =>
        {
            var text = await http.GetTextAsync(server.BaseUri, CancellationToken.None);
            store.Save(text!, server.BaseUri.AbsoluteUri, DateTimeOffset.UtcNow);
        });
        if (declareLength) Assert.IsType<ArchiveRequestException>(ex);
        else Assert.Equal(VlassErrors.SurveyCatalogIncomplete, Assert.IsType<VlassException>(ex).Error);
        Assert.Equal(Full, File.ReadAllText(store.TablePath));
    }
}
