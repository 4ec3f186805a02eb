using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

public sealed class SurveyCatalogStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vlassps-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Saves_the_text_unchanged_and_loads_it_with_source_and_fetch_time()
    {
        var text = File.ReadAllText(CatalogTestData.SummaryTablePath);
        var when = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        var store = new SurveyCatalogStore(_dir);
        Assert.False(store.Exists);
        Assert.Null(store.Load());
        store.Save(text, "https://archive.example/VLASS_dyn_summary.php", when);
        Assert.Equal(text, File.ReadAllText(store.TablePath));
        var loaded = store.Load()!;
        Assert.Equal(2697, loaded.Count);
        Assert.Equal("https://archive.example/VLASS_dyn_summary.php", loaded.Source);
        Assert.Equal(when, loaded.FetchedAt);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void A_table_edited_after_saving_falls_back_to_the_file_time()
    {
        var store = new SurveyCatalogStore(_dir);
        var text = File.ReadAllText(CatalogTestData.SummaryTablePath);
        store.Save(text, "src", new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        File.WriteAllText(store.TablePath, text.Replace("33% imaged", "34% imaged"));
        var loaded = store.Load()!;
        Assert.Equal(store.TablePath, loaded.Source);
        Assert.NotEqual(2000, loaded.FetchedAt!.Value.Year);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Service Unavailable</body></html>")]
    public void Refuses_text_that_is_not_a_survey_table_and_keeps_the_old_one(string bad)
    {
        var store = new SurveyCatalogStore(_dir);
        var text = File.ReadAllText(CatalogTestData.SummaryTablePath);
        store.Save(text, "good", DateTimeOffset.UtcNow);
        var ex = Assert.Throws<InvalidDataException>(() => store.Save(bad, "bad", DateTimeOffset.UtcNow));
        Assert.Contains("bad", ex.Message);
        Assert.Equal(text, File.ReadAllText(store.TablePath));
        Assert.Equal("good", store.Load()!.Source);
    }

    [Fact]
    public void Folders_come_from_the_parameter_then_the_environment_then_the_platform()
    {
        var env = new Dictionary<string, string?> { ["VLASSPS_DATA"] = "/srv/vlass-data", ["VLASSPS_CACHE"] = "/srv/vlass-cache" };
        Assert.Equal(Path.GetFullPath("/x/data"), VlassDirectories.DataDirectory("/x/data", k => env.GetValueOrDefault(k)));
        Assert.Equal(Path.GetFullPath("/srv/vlass-data"), VlassDirectories.DataDirectory(null, k => env.GetValueOrDefault(k)));
        Assert.Equal(Path.GetFullPath("/srv/vlass-cache"), VlassDirectories.CacheDirectory(null, k => env.GetValueOrDefault(k)));
        var none = (string _) => (string?)null;
        Assert.EndsWith("VlassPS", VlassDirectories.DataDirectory(null, none));
        Assert.StartsWith(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), VlassDirectories.DataDirectory(null, none));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(Path.Combine("/tmp/xdg-cache", "VlassPS"), VlassDirectories.CacheDirectory(null, k => k == "XDG_CACHE_HOME" ? "/tmp/xdg-cache" : null));
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "VlassPS"), VlassDirectories.CacheDirectory(null, none));
        }
        Assert.NotEqual(VlassDirectories.DataDirectory(null, none), VlassDirectories.CacheDirectory(null, none));
    }
}
