using VlassPS.Core.Scheduling;

namespace VlassPS.Tests.Cluster;

/// <summary>
/// The local runner: no scheduler at all (only setsid, bash and kill), state read back from its files.
/// Runs on any Linux machine, cluster or not.
/// </summary>
public sealed class LocalRunnerTests
{
    private readonly string _state = Cluster.NewRoot("local-state");

    private LocalBatchSystem System => new(_state);

    private static string Script(string root, string name, string body)
    {
        string p = Path.Combine(root, name);
        File.WriteAllText(p, "#!/bin/bash\n" + body + "\n");
        return p;
    }

    private JobStatus WaitFinal(string id, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var s = System.Query(id, default);
            if (JobStates.IsFinal(s.State) || DateTime.UtcNow > deadline) return s;
            Thread.Sleep(100);
        }
    }

    private BatchJobRequest Request(string root, string script, TimeSpan? wall = null, params string[] deps) => new()
    {
        ScriptPath = script, WorkingDirectory = root, LogBase = "run", WallTime = wall, DependsOn = deps,
    };

    [Fact]
    public void Completed_failed_and_signalled_jobs_report_exit_codes()
    {
        string root = Cluster.NewRoot("local");
        var ok = System.Submit(Request(root, Script(root, "ok.sh", "echo hello from $PWD; while [ ! -e go ]; do sleep 0.1; done")), default);
        var bad = System.Submit(Request(root, Script(root, "bad.sh", "echo about to fail; exit 7")), default);
        var sig = System.Submit(Request(root, Script(root, "sig.sh", "kill -KILL $$")), default);
        Assert.StartsWith(LocalBatchSystem.IdPrefix, ok.JobId);
        Assert.Equal(JobState.Running, System.Query(ok.JobId, default).State);
        File.WriteAllText(Path.Combine(root, "go"), "");   // the job waits for this, so Running is seen even on a loaded machine
        var a = WaitFinal(ok.JobId);
        Assert.Equal(JobState.Completed, a.State);
        Assert.Equal(0, a.ExitCode);
        Assert.Contains("hello from " + root, File.ReadAllText(a.StandardOutputPath!));
        Assert.NotNull(a.StartTime);
        var b = WaitFinal(bad.JobId);
        Assert.Equal(JobState.Failed, b.State);
        Assert.Equal(7, b.ExitCode);
        var c = WaitFinal(sig.JobId);
        Assert.Equal(JobState.Failed, c.State);
        Assert.Equal(9, c.Signal);
        Assert.Equal(JobState.Unknown, System.Query("local-20990101000000000-abcdef", default).State);
    }

    [Fact]
    public void Cancel_kills_the_whole_job_and_time_limit_gives_TimedOut()
    {
        string root = Cluster.NewRoot("local");
        string marker = Path.Combine(root, "child-still-running");
        var job = System.Submit(Request(root, Script(root, "long.sh", $"(sleep 5; touch '{marker}') & sleep 300")), default);
        Thread.Sleep(300);
        var c = System.Cancel(job.JobId, TimeSpan.FromSeconds(10), default);
        Assert.Equal(JobState.Cancelled, c.State);
        Assert.Throws<JobNotFoundException>(() => System.Cancel("local-20990101000000000-abcdef", TimeSpan.FromSeconds(1), default));

        var slow = System.Submit(Request(root, Script(root, "slow.sh", "sleep 300"), TimeSpan.FromSeconds(2)), default);
        var t = WaitFinal(slow.JobId);
        Assert.Equal(JobState.TimedOut, t.State);
        Assert.Contains("time limit", File.ReadAllText(t.StandardOutputPath!));
        Thread.Sleep(5500);
        Assert.False(File.Exists(marker), "a child of the cancelled job survived the cancel");
    }

    [Fact]
    public void Dependent_job_waits_for_success_and_never_starts_after_a_failure()
    {
        string root = Cluster.NewRoot("local");
        string order = Path.Combine(root, "order.txt");
        var first = System.Submit(Request(root, Script(root, "a.sh", $"sleep 1; echo first >> '{order}'")), default);
        var second = System.Submit(Request(root, Script(root, "b.sh", $"echo second >> '{order}'"), null, first.JobId), default);
        Assert.Equal(JobState.Pending, System.Query(second.JobId, default).State);
        Assert.Equal(JobState.Completed, WaitFinal(second.JobId).State);
        Assert.Equal(new[] { "first", "second" }, File.ReadAllLines(order));

        var fails = System.Submit(Request(root, Script(root, "c.sh", "exit 1")), default);
        var never = System.Submit(Request(root, Script(root, "d.sh", $"echo ran >> '{order}'"), null, fails.JobId), default);
        var n = WaitFinal(never.JobId);
        Assert.Equal(JobState.Cancelled, n.State);
        Assert.Equal("DependencyNeverSatisfied", n.Reason);
        Assert.Equal(2, File.ReadAllLines(order).Length);
    }

    [SkippableFact]
    public void Local_workspace_runs_through_the_cmdlets_with_the_fake_casa()
    {
        Oracle.RequireTool("xvfb-run");   // the batch script runs casa under xvfb-run
        string root = Cluster.NewRoot("local-ws");
        using var s = new JobSession();
        var r = s.Run("""
            param($r, $c)
            $ws = New-TestWorkspace -Name 'J0807+0432' -Root $r -Scheduler Local -Casa $c
            $ws | Submit-VlassImaging | Wait-VlassImagingJob -Timeout '00:01:00'
            """, root, Cluster.FakeCasa).Select(o => (JobRecord)o.BaseObject).ToList();
        var job = Assert.Single(r);
        Assert.Equal("Local", job.Scheduler);
        Assert.Equal(JobState.Completed, job.State);
        Assert.Contains(job.Products, p => p.EndsWith(".I.iter3.image.pbcor.tt0.subim.fits", StringComparison.Ordinal));
    }
}
