using VlassPS.Core.Processes;
using VlassPS.Core.Tiling;
using VlassPS.TestServer;
using VlassPS.Tests.Hosting;
using SlurmCluster = VlassPS.Tests.Cluster.Cluster;

namespace VlassPS.Tests.Campaigns;

/// <summary>
/// examples/campaign.yaml + campaign.ps1 end to end in vlassps: real Slurm, fake casa, fixture MSs named as the
/// archive names them (&lt;EB&gt;.ms), the plan from the shared survey table and the loopback test archive.
/// </summary>
[Collection("Slurm cluster")]
public sealed class CampaignExampleTests
{
    private const string Eb0807 = "VLASS2.1.sb38561374.eb38565040.59070.62333981482";   // Memo 20's, in the fixture archive
    private const string Eb0925 = "VLASS2.1.sb38600000.eb38600001.59125.5";
    private const string Eb3C286 = "VLASS2.1.sb38700000.eb38700001.59200.25";

    [SkippableFact]
    public void Campaign_example_runs_every_target_with_data_to_products_and_lists_what_to_download()
    {
        SlurmCluster.RequireSlurm();
        string root = SlurmCluster.NewRoot("campaign-example");
        string data = Path.Combine(root, "ms"), work = Path.Combine(root, "campaign");
        using var archive = new LoopbackHttpServer(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "catalog", "quicklook"));
        // Tiles the static fixture archive lacks: J0925+1444's (T14t15) and 3C286's, each listing one EB for VLASS2.1.
        MapListing(archive, "T14t15", Eb0925);
        MapListing(archive, TileGrid.Find(202.78453, 30.50916).Name, Eb3C286);
        string maker = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "casa", "make_recipe_ms.py");
        foreach (var (eb, ra, dec) in new[] { (Eb0807, "121.98974", "4.54293"), (Eb0925, "141.28030", "14.74048") })
        {
            var r = ProcessRunner.Run("/usr/bin/python3", new[] { maker, Path.Combine(data, eb + ".ms"), ra, dec, "0.25" }, new ProcessOptions { Timeout = TimeSpan.FromMinutes(2) });
            Assert.True(r.ExitCode == 0, r.Output);
        }
        var started = DateTime.UtcNow;
        var (code, stdout, stderr) = HostProcess.Run("-File", Path.Combine(TestPaths.RepoRoot, "examples", "campaign.ps1"),
            "-Path", Path.Combine(TestPaths.RepoRoot, "examples", "campaign.yaml"), "-DataDirectory", data, "-WorkRoot", work,
            "-CasaPath", SlurmCluster.FakeCasa, "-CatalogPath", TestPaths.SummaryTable, "-BaseUri", archive.BaseUri.AbsoluteUri + "quicklook/",
            "-CacheDirectory", Path.Combine(root, "vlassps-data"), "-Timeout", "00:03:00", "-Interval", "00:00:03");
        Assert.True(code == 0, stdout + stderr);
        // Every target with data is imaged under the epoch the plan gives; the flux check ran on each.
        foreach (var t in new[] { "J0807+0432", "J0925+1444", "J0808+0435", "J0924+1442" })
            Assert.Matches(@"(?m)^" + System.Text.RegularExpressions.Regex.Escape(t) + @"\s+VLASS2\.1\s+Completed\s+\d+\s+\d+_[01]\s+1\s+[1-9]\d*\s+(Measured|Compared) peak=", stdout);
        Assert.Matches(@"(?m)^J0807\+0432\s+VLASS2\.1\s+Completed\s.*Compared peak=\S+ flux=\S+ ratio=\S+", stdout);
        // 3C286 has no MS yet: the example says which one to fetch.
        Assert.Matches(@"(?m)^3C286\s+VLASS2\.1\s+AwaitingData\s.*" + System.Text.RegularExpressions.Regex.Escape(Eb3C286 + ".ms"), stdout);
        Assert.True(Directory.Exists(Path.Combine(work, "imaging", "VLASS2.1", "J0807+0432")), "workspaces go under the plan's epoch");
        // Each MS serves two targets: their imaging jobs went in as one Slurm array per MS (task ids <array>_<index>).
        Assert.Contains("(submitted this pass: 2 split, 4 imaging)", stdout);
        Assert.True(Directory.GetFiles(Path.Combine(work, "imaging"), "*.fits", SearchOption.AllDirectories).Length >= 4);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(2), $"the example took {DateTime.UtcNow - started}");
    }

    private static void MapListing(LoopbackHttpServer server, string tile, string eb)
    {
        string img = $"VLASS2.1.ql.{tile}.J000000+000000.10.2048.v1";
        server.MapText($"/quicklook/VLASS2.1/{tile}/", $"<html><body><pre><a href=\"{img}/\">{img}/</a></pre></body></html>");
        server.MapText($"/quicklook/VLASS2.1/{tile}/{img}/", "<html><body><pre><a href=\"casa_pipescript.py\">casa_pipescript.py</a></pre></body></html>");
        server.MapText($"/quicklook/VLASS2.1/{tile}/{img}/casa_pipescript.py", $"hifv_importdata(vis=['{eb}.ms'])");
    }
}
