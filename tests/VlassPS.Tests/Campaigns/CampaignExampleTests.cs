using VlassPS.Core.Processes;
using VlassPS.Tests.Hosting;
using SlurmCluster = VlassPS.Tests.Cluster.Cluster;

namespace VlassPS.Tests.Campaigns;

/// <summary>examples/campaign.yaml + campaign.ps1 end to end in vlassps: real Slurm, fake casa, fixture MSs.</summary>
[Collection("Slurm cluster")]
public sealed class CampaignExampleTests
{
    [SkippableFact]
    public void Campaign_example_runs_every_target_with_data_to_products()
    {
        SlurmCluster.RequireSlurm();
        string root = SlurmCluster.NewRoot("campaign-example");
        string data = Path.Combine(root, "ms"), work = Path.Combine(root, "campaign");
        string maker = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "casa", "make_recipe_ms.py");
        foreach (var (ms, ra, dec) in new[] { ("VLASS2.1.sb1.eb1.ms", "121.98974", "4.54293"), ("VLASS2.2.sb2.eb2.ms", "141.28030", "14.74048") })
        {
            var r = ProcessRunner.Run("/usr/bin/python3", new[] { maker, Path.Combine(data, ms), ra, dec, "0.25" }, new ProcessOptions { Timeout = TimeSpan.FromMinutes(2) });
            Assert.True(r.ExitCode == 0, r.Output);
        }
        var started = DateTime.UtcNow;
        var (code, stdout, stderr) = HostProcess.Run("-File", Path.Combine(TestPaths.RepoRoot, "examples", "campaign.ps1"),
            "-Path", Path.Combine(TestPaths.RepoRoot, "examples", "campaign.yaml"), "-DataDirectory", data, "-WorkRoot", work,
            "-CasaPath", SlurmCluster.FakeCasa, "-Timeout", "00:03:00", "-Interval", "00:00:03");
        Assert.True(code == 0, stdout + stderr);
        foreach (var t in new[] { "J0807+0432", "J0925+1444", "J0808+0435", "J0924+1442" })
            Assert.Matches(@"(?m)^" + System.Text.RegularExpressions.Regex.Escape(t) + @"\s+VLASS2\.\d\.sb\d\.eb\d\s+Completed\s+\d+\s+\d+_[01]\s+1\s+[1-9]", stdout);
        Assert.Matches(@"(?m)^3C286\s+NoData", stdout);
        // Each MS serves two targets: their imaging jobs went in as one Slurm array per MS (task ids <array>_<index>).
        Assert.Contains("(submitted this pass: 2 split, 4 imaging)", stdout);
        Assert.True(Directory.GetFiles(Path.Combine(work, "imaging"), "*.fits", SearchOption.AllDirectories).Length >= 4);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(2), $"the example took {DateTime.UtcNow - started}");
    }
}
