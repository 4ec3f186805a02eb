using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Cluster;

/// <summary>examples/Cluster-OneTarget.ps1 end to end in vlassps: real Slurm, fake casa.</summary>
[Collection("Slurm cluster")]
public sealed class ClusterExampleTests
{
    [SkippableFact]
    public void Cluster_one_target_example_goes_from_position_to_products()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("example");
        string ms = Path.Combine(root, "J0807+0432_split.ms");
        Directory.CreateDirectory(ms);
        var (code, stdout, stderr) = HostProcess.Run("-File", Path.Combine(TestPaths.RepoRoot, "examples", "Cluster-OneTarget.ps1"),
            "-MeasurementSet", ms, "-Root", root, "-CasaPath", Cluster.FakeCasa, "-Time", "00:10:00", "-WaitTimeout", "00:02:00");
        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(@"Slurm job \d+: Completed \(exit 0\)", stdout);
        // One Get-VlassImage row per product, centred on the target (the fake products carry its WCS).
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(stdout, @"08:07:57\.54 \+04:32:34\.6 .*Jy/beam").Count);
        Assert.Equal(8, Directory.GetFiles(Path.Combine(root, "J0807+0432", "products"), "*.fits").Length);
        // Everything under -Root: the SEIP list too (the test runs in the repository; nothing may land there).
        Assert.True(File.Exists(Path.Combine(root, "J0807+0432", "SEIP_parameter.list")));
        Assert.False(Directory.Exists(Path.Combine(TestPaths.RepoRoot, "J0807+0432")), "the example wrote into the current folder");
    }
}
