using System.Diagnostics;
using VlassPS.Core.Scheduling;
using Xunit.Abstractions;

namespace VlassPS.Tests.Cluster;

[CollectionDefinition("Slurm time limit")]
public sealed class SlurmTimeLimitCollection { }

/// <summary>
/// A job that sleeps past its one-minute limit ends as TimedOut. Its own collection, so its ≈70 s run in
/// parallel with the other cluster tests (Wait rides out the controller restart of the controller test).
/// </summary>
[Collection("Slurm time limit")]
public sealed class SlurmTimeLimitTests
{
    private readonly ITestOutputHelper _out;

    public SlurmTimeLimitTests(ITestOutputHelper output) => _out = output;

    [SkippableFact]
    public void Job_over_its_time_limit_is_TimedOut()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("timeout");
        using var s = new JobSession();
        var watch = Stopwatch.StartNew();
        var final = (JobRecord)s.Run("param($r, $c) New-TestWorkspace -Name 'slow-fakecasa-sleep-400' -Root $r -Casa $c | Submit-VlassImaging -Time '00:01:00' | Wait-VlassImagingJob -Timeout '00:04:00' -WarningAction SilentlyContinue",
            root, Cluster.FakeCasa).Single().BaseObject;
        watch.Stop();
        _out.WriteLine($"time limit 1 min: TimedOut seen after {watch.Elapsed.TotalSeconds:0} s");
        Assert.Equal(JobState.TimedOut, final.State);
        Assert.Contains("--time=0-00:01:00", final.Command);
        Assert.NotEmpty(final.LogTail);
        Assert.Contains(final.LogTail, l => l.Contains("DUE TO TIME LIMIT"));
        Assert.Empty(final.Products);
    }
}
