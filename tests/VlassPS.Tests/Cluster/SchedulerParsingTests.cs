using VlassPS.Core.Processes;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Workspace;

namespace VlassPS.Tests.Cluster;

/// <summary>Parsers fed with the outputs captured from the test cluster (docs/slurm-local.md §4) and the process runner.</summary>
public sealed class SchedulerParsingTests
{
    [Fact]
    public void Scontrol_one_line_output_splits_on_the_first_equals_sign()
    {
        const string line = "JobId=3 JobName=vlass-imaging UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) ExitCode=2:0 RunTime=00:00:02 StartTime=2026-11-24T05:14:57 EndTime=2026-11-24T05:14:59 AllocNode:Sid=localhost:3186 ReqB:S:C:T=0:0:*:* TRES=cpu=1,node=1,billing=1 Socks/Node=* StdOut=/w/imaging-3.out Power= ";
        var d = SlurmBatchSystem.ParseScontrol(line);
        Assert.Equal("FAILED", d["JobState"]);
        Assert.Equal("cpu=1,node=1,billing=1", d["TRES"]);
        Assert.Equal("localhost:3186", d["AllocNode:Sid"]);
        Assert.Equal("", d["Power"]);
        Assert.Equal((2, 0), SlurmBatchSystem.ParseExitCode(d["ExitCode"]));
        Assert.Equal(new DateTime(2026, 11, 24, 5, 14, 57), SlurmBatchSystem.ParseTime(d["StartTime"])!.Value.DateTime);
        Assert.Null(SlurmBatchSystem.ParseTime("Unknown"));
    }

    [Theory]
    [InlineData("PENDING", JobState.Pending)]
    [InlineData("RUNNING", JobState.Running)]
    [InlineData("COMPLETING", JobState.Running)]
    [InlineData("COMPLETED", JobState.Completed)]
    [InlineData("FAILED", JobState.Failed)]
    [InlineData("CANCELLED", JobState.Cancelled)]
    [InlineData("CANCELLED by 1234", JobState.Cancelled)]
    [InlineData("TIMEOUT", JobState.TimedOut)]
    [InlineData("OUT_OF_MEMORY", JobState.OutOfMemory)]
    [InlineData("NODE_FAIL", JobState.NodeFail)]
    [InlineData("BOOT_FAIL", JobState.Failed)]
    [InlineData("SOMETHING_NEW", JobState.Unknown)]
    public void Slurm_states_map_to_job_states(string raw, JobState expected) => Assert.Equal(expected, SlurmBatchSystem.MapState(raw));

    [Theory]
    [InlineData("123_4", "123_4", true)]
    [InlineData("123_[5-9%2]", "123_7", true)]
    [InlineData("123_[5-9%2]", "123_5", true)]
    [InlineData("123_[5-9%2]", "123_9", true)]
    [InlineData("123_[5-9%2]", "123_4", false)]
    [InlineData("123_[5-9%2]", "123_10", false)]
    [InlineData("123_[1,3,7-8]", "123_3", true)]
    [InlineData("123_[1,3,7-8]", "123_2", false)]
    [InlineData("123_[0-199]", "123_150", true)]
    [InlineData("1234_[5-9]", "123_7", false)]
    [InlineData("123_[5-9]", "1234_7", false)]
    [InlineData("123_[5-9%2]", "123", false)]
    [InlineData("123.batch", "123", false)]
    [InlineData("123_[x-9]", "123_7", false)]
    public void Array_task_ids_match_the_pending_ranges_squeue_and_sacct_print(string reported, string jobId, bool expected)
        => Assert.Equal(expected, SlurmBatchSystem.ReportsJob(reported, jobId));

    [Fact]
    public void Qstat_full_output_is_read_as_key_value_pairs()
    {
        const string text = "Job Id: 13\n\tJob_Name = vlass-ok\n\tjob_state = C\n\tResource_List.walltime = 00:05:00\n\tOutput_Path = vm:/w/run.out\n";
        var d = PbsBatchSystem.ParseQstat(text);
        Assert.Equal("C", d["job_state"]);
        Assert.Equal("00:05:00", d["Resource_List.walltime"]);
        Assert.False(d.ContainsKey("exit_status"));
    }

    [Fact]
    public void Directives_come_from_each_batch_system()
    {
        var h = new BatchScriptHeader
        {
            JobName = "t", Resources = new BatchResources { Cores = 2, MemoryGB = 8, Partition = "p" }, WallTime = TimeSpan.FromMinutes(90),
            WorkingDirectory = "/w/x y", LogBase = "run_SE.t",
        };
        var slurm = BatchSystems.For(BatchScheduler.Slurm).Directives(h);
        Assert.Contains("#SBATCH --time=0-01:30:00", slurm);
        Assert.DoesNotContain(slurm, l => l.StartsWith("#SBATCH --chdir", StringComparison.Ordinal)); // a space cannot go into a directive
        var pbs = BatchSystems.For(BatchScheduler.Pbs).Directives(h);
        Assert.Contains("#PBS -l walltime=01:30:00", pbs);
        Assert.Contains("#PBS -q p", pbs);
        Assert.Empty(BatchSystems.For(BatchScheduler.Local).Directives(h));
        Assert.Throws<ArgumentException>(() => BatchSystems.For(BatchScheduler.Pbs).ValidateMailType("END"));
        BatchSystems.For(BatchScheduler.Slurm).ValidateMailType("END,FAIL");
        Assert.Equal("sbatch '/w/x y/run.sh'", BatchSystems.For(BatchScheduler.Slurm).SubmitCommandText("/w/x y/run.sh"));
    }

    [Fact]
    public void Process_runner_passes_arguments_verbatim_and_reports_failures_with_the_command_line()
    {
        var r = ProcessRunner.Run("printf", new[] { "%s|", "a b", "$(touch /tmp/never)", "'q'" });
        Assert.Equal("a b|$(touch /tmp/never)|'q'|", r.StandardOutput);
        var fail = ProcessRunner.Run("bash", new[] { "-c", "echo out; echo err >&2; exit 4" });
        var ex = Assert.Throws<ExternalCommandException>(() => fail.EnsureSuccess());
        Assert.Contains("bash -c", ex.Message);
        Assert.Contains("exited with code 4", ex.Message);
        Assert.Contains("out", ex.Message);
        Assert.Contains("err", ex.Message);
        var missing = Assert.Throws<ExternalCommandException>(() => ProcessRunner.Run("no-such-program-vlassps", new[] { "x" }));
        Assert.Contains("no-such-program-vlassps", missing.Message);
    }

    [Fact]
    public void Process_runner_stops_at_the_timeout_and_on_cancellation()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var t = Assert.Throws<ExternalCommandTimeoutException>(() => ProcessRunner.Run("bash", new[] { "-c", "echo started; sleep 30" }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(1) }));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains("started", t.Message);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        watch.Restart();
        Assert.Throws<OperationCanceledException>(() => ProcessRunner.Run("sleep", new[] { "30" }, null, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }
}
