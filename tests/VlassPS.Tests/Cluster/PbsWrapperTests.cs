using VlassPS.Core.Scheduling;
using Xunit.Abstractions;

namespace VlassPS.Tests.Cluster;

/// <summary>
/// The PBS batch system through slurm-wlm-torque's qsub/qstat/qdel on the real Slurm cluster. Differences
/// from Torque (bare ids, #PBS -o ignored, no exit_status) are documented in docs/schedulers.md.
/// </summary>
[Collection("Slurm cluster")]
public sealed class PbsWrapperTests
{
    private readonly ITestOutputHelper _out;

    public PbsWrapperTests(ITestOutputHelper output) => _out = output;

    [SkippableFact]
    public void Pbs_workspace_completes_fails_and_cancels_through_the_torque_wrappers()
    {
        Cluster.RequireTorqueWrappers();
        string root = Cluster.NewRoot("pbs");
        using var s = new JobSession();
        var r = s.Run("""
            param($r, $c)
            $ok = New-TestWorkspace -Name 'pbs-ok' -Root $r -Scheduler Pbs -Casa $c | Submit-VlassImaging
            $bad = New-TestWorkspace -Name 'pbs-fakecasa-exit-5' -Root $r -Scheduler Pbs -Casa $c | Submit-VlassImaging
            $long = New-TestWorkspace -Name 'pbs-fakecasa-sleep-300' -Root $r -Scheduler Pbs -Casa $c | Submit-VlassImaging
            $null = $long | Wait-VlassImagingJob -Timeout '00:00:03' -ErrorAction SilentlyContinue
            $stopped = $long | Stop-VlassImagingJob -PassThru -Confirm:$false
            @($ok, $bad) | Wait-VlassImagingJob -Timeout '00:01:30'
            $stopped
            """, root, Cluster.FakeCasa).Select(o => (JobRecord)o.BaseObject).ToList();
        var (ok, bad, stopped) = (r[0], r[1], r[2]);
        Assert.Equal("Pbs", ok.Scheduler);
        Assert.Matches(@"^\d+$", ok.JobId);           // the wrapper prints a bare id (Torque: 13.server)
        Assert.Equal("qsub", ok.Command[0]);
        Assert.Equal(JobState.Completed, ok.State);
        Assert.Equal(8, ok.Products.Count);   // 6 exports + 2 imsubimage science cutouts
        Assert.Equal(JobState.Failed, bad.State);
        Assert.Equal(5, bad.ExitCode);                 // no exit_status in qstat -f: taken from Slurm
        Assert.Contains(bad.LogTail, l => l.Contains("pipeline failed as requested"));
        Assert.Equal(JobState.Cancelled, stopped.State);
        // #PBS -o is ignored by the wrapper: the log is <script>.o<id> in the submit folder.
        Assert.True(File.Exists(Path.Combine(root, "pbs-ok", "working", $"run_SE.pbs-ok.sh.o{ok.JobId}")));
        Assert.False(File.Exists(Path.Combine(root, "pbs-ok", "working", "run_SE.pbs-ok.out")));
        _out.WriteLine($"PBS wrapper: ok {ok.JobId} {ok.State} via {ok.RawState}; bad exit {bad.ExitCode}; cancel {stopped.State}");
    }
}
