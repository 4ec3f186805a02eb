using System.Diagnostics;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Workspace;
using Xunit.Abstractions;

namespace VlassPS.Tests.Cluster;

[CollectionDefinition("Slurm cluster")]
public sealed class SlurmClusterCollection { }

/// <summary>
/// The job cmdlets against the REAL single-node Slurm cluster, with the fake casa test double as the
/// pipeline. One collection: these tests run one after the other (one of them stops the controller).
/// </summary>
[Collection("Slurm cluster")]
public sealed class SlurmScenarioTests
{
    private readonly ITestOutputHelper _out;

    public SlurmScenarioTests(ITestOutputHelper output) => _out = output;

    private static string Casa => Cluster.FakeCasa;

    [SkippableFact]
    public void Submitted_workspace_runs_to_Completed_with_the_pipeline_products()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("complete");
        using var s = new JobSession();
        var watch = Stopwatch.StartNew();
        var job = (JobRecord)s.Run("param($r, $c) New-TestWorkspace -Name 'J0807+0432' -Root $r -Casa $c | Submit-VlassImaging", root, Casa).Single().BaseObject;
        Assert.Equal("Slurm", job.Scheduler);
        Assert.Matches(@"^\d+$", job.JobId);
        Assert.Equal(JobState.Pending, job.History[0].State);
        // Running is observed while the fake casa sleeps (3 s).
        var seen = new HashSet<JobState>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JobRecord now;
        do
        {
            now = (JobRecord)s.Run("param($r) Get-VlassImagingJob -Workspace ([System.IO.Path]::Combine($r, 'J0807+0432'))", root).Single().BaseObject;
            seen.Add(now.State);
            if (!now.IsFinal) Thread.Sleep(200);
        } while (!now.IsFinal && DateTime.UtcNow < deadline);
        var final = (JobRecord)s.Run("param($r) Get-VlassImagingJob ([System.IO.Path]::Combine($r, 'J0807+0432')) | Wait-VlassImagingJob -Timeout '00:01:00'", root).Single().BaseObject;
        watch.Stop();
        Assert.Contains(JobState.Running, seen);
        Assert.Equal(JobState.Completed, final.State);
        Assert.Equal(0, final.ExitCode);
        Assert.Equal(0, final.Signal);
        Assert.NotNull(final.Elapsed);
        Assert.Contains(final.History, h => h.State == JobState.Running);
        Assert.Equal(JobState.Completed, final.History[^1].State);
        // The products hifv_exportvlassdata writes (names parse as VLASS product names: tt0, rms, alpha ...).
        Assert.Contains(final.Products, p => p.EndsWith(".I.iter3.image.pbcor.tt0.subim.fits", StringComparison.Ordinal));
        Assert.Contains(final.Products, p => p.EndsWith(".I.iter3.image.pbcor.tt0.rms.subim.fits", StringComparison.Ordinal));
        Assert.Contains(final.Products, p => p.EndsWith(".I.iter3.alpha.subim.fits", StringComparison.Ordinal));
        // ...and the science-size cutouts of the default imsubimage step (the Memo 20 scheme on every version).
        Assert.Contains(final.Products, p => p.EndsWith(".I.iter3.image.pbcor.tt0.science.subim.fits", StringComparison.Ordinal));
        Assert.Equal(8, final.Products.Count);
        Assert.Empty(final.LogTail);
        string products = Path.Combine(root, "J0807+0432", "products");
        var image = s.Run("param($p) Get-VlassImage -Path $p", Path.Combine(products, final.Products.First(p => p.EndsWith(".tt0.subim.fits", StringComparison.Ordinal))));
        Assert.Single(image);
        // The record is in the manifest, with its history.
        var m = WorkspaceManifestStore.Read(Path.Combine(root, "J0807+0432"));
        var stored = Assert.Single(m.Jobs);
        Assert.Equal(job.JobId, stored.JobId);
        Assert.Equal(JobState.Completed, stored.State);
        Assert.Equal("vlasstest", stored.Cluster);
        Assert.Contains("--parsable", stored.Command);
        Assert.True(File.Exists(stored.StandardOutputPath), stored.StandardOutputPath);
        Metrics.Report(_out, "slurm submit->Completed via Get+Wait", watch.Elapsed, final.Elapsed);
    }

    [SkippableFact]
    public void Wait_sees_Completed_soon_after_the_job_ends()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("overhead");
        using var s = new JobSession();
        s.Run("param($r, $c) $global:ws = New-TestWorkspace -Name 'overhead' -Root $r -Casa $c", root, Casa);
        var watch = Stopwatch.StartNew();
        var final = (JobRecord)s.Run("$ws | Submit-VlassImaging | Wait-VlassImagingJob -Timeout '00:01:30'").Single().BaseObject;
        watch.Stop();
        Assert.Equal(JobState.Completed, final.State);
        Assert.NotNull(final.Elapsed);
        Metrics.Report(_out, "slurm Submit|Wait (poll overhead)", watch.Elapsed, final.Elapsed);
        Assert.True(watch.Elapsed - final.Elapsed!.Value < TimeSpan.FromSeconds(15), $"Wait took {watch.Elapsed} for a {final.Elapsed} job");
    }

    [SkippableFact]
    public void Failing_job_is_Failed_with_exit_code_and_log_tail()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("fail");
        using var s = new JobSession();
        var final = (JobRecord)s.Run("param($r, $c) New-TestWorkspace -Name 'bad-fakecasa-exit-3' -Root $r -Casa $c | Submit-VlassImaging | Wait-VlassImagingJob -Timeout '00:01:30'", root, Casa).Single().BaseObject;
        Assert.Equal(JobState.Failed, final.State);
        Assert.Equal(3, final.ExitCode);
        Assert.Equal(0, final.Signal);
        Assert.Contains(final.LogTail, l => l.Contains("pipeline failed as requested"));
        Assert.Contains(final.LogTail, l => l.Contains("SEVERE"));
        Assert.Empty(final.Products);
    }

    [SkippableFact]
    public void Stop_cancels_a_running_job_and_verifies_it_left_the_queue()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("cancel");
        using var s = new JobSession();
        s.Run("param($r, $c) $global:ws = New-TestWorkspace -Name 'long-fakecasa-sleep-300' -Root $r -Casa $c; $global:job = $ws | Submit-VlassImaging", root, Casa);
        var whatIf = s.Run("$job | Stop-VlassImagingJob -WhatIf -PassThru");
        Assert.Empty(whatIf);
        var final = (JobRecord)s.Run("$job | Stop-VlassImagingJob -PassThru -Confirm:$false").Single().BaseObject;
        Assert.Equal(JobState.Cancelled, final.State);
        var again = (JobRecord)s.Run("Get-VlassImagingJob $ws").Single().BaseObject;
        Assert.Equal(JobState.Cancelled, again.State);
        // scancel returns 0 for ids that do not exist: Stop must not claim success for them.
        var errors = s.Run("Stop-VlassImagingJob -JobId 999999 -Scheduler Slurm -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object FullyQualifiedErrorId");
        Assert.Contains(errors, e => e.ToString()!.StartsWith("JobNotFound,", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Second_submit_is_refused_and_Force_keeps_the_old_record()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("twice");
        using var s = new JobSession();
        s.Run("param($r, $c) $global:ws = New-TestWorkspace -Name 'twice' -Root $r -Casa $c; $global:first = $ws | Submit-VlassImaging", root, Casa);
        var errors = s.Run("$ws | Submit-VlassImaging -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object FullyQualifiedErrorId");
        Assert.Contains(errors, e => e.ToString()!.StartsWith("JobAlreadySubmitted,", StringComparison.Ordinal));
        s.Run("$first | Wait-VlassImagingJob -Timeout '00:01:30'");
        // finished: still refused without -Force
        errors = s.Run("$ws | Submit-VlassImaging -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object { $_.FullyQualifiedErrorId + ' ' + $_.Exception.Message }");
        Assert.Contains(errors, e => e.ToString()!.StartsWith("JobAlreadySubmitted,", StringComparison.Ordinal) && e.ToString()!.Contains("-Force"));
        Assert.Empty(s.Run("$ws | Submit-VlassImaging -Force -WhatIf"));
        Assert.Single(WorkspaceManifestStore.Read(Path.Combine(root, "twice")).Jobs);
        var second = (JobRecord)s.Run("$ws | Submit-VlassImaging -Force").Single().BaseObject;
        Assert.NotEqual(((JobRecord)s.Run("$first").Single().BaseObject).JobId, second.JobId);
        var all = s.Run("Get-VlassImagingJob $ws -All -NoRefresh").Select(o => (JobRecord)o.BaseObject).ToList();
        Assert.Equal(2, all.Count);
        Assert.Equal(JobState.Completed, all[0].State);
        s.Run("$ws | Wait-VlassImagingJob -Timeout '00:01:30'");
    }

    [SkippableFact]
    public void Records_are_read_back_from_a_new_runspace()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("readback");
        string id;
        using (var s = new JobSession())
            id = ((JobRecord)s.Run("param($r, $c) New-TestWorkspace -Name 'readback' -Root $r -Casa $c | Submit-VlassImaging", root, Casa).Single().BaseObject).JobId;
        using var fresh = new JobSession();
        var final = (JobRecord)fresh.Run("param($r) Wait-VlassImagingJob -Workspace ([System.IO.Path]::Combine($r, 'readback')) -Timeout '00:01:30'", root).Single().BaseObject;
        Assert.Equal(id, final.JobId);
        Assert.Equal(JobState.Completed, final.State);
        var loaded = fresh.Run("param($r) [VlassPS.Core.Workspace.ImagingWorkspace]::Load([System.IO.Path]::Combine($r, 'readback')).Job", root).Single().BaseObject as JobRecord;
        Assert.Equal(JobState.Completed, loaded!.State);
        // By job id alone, without the workspace.
        var byId = (JobRecord)fresh.Run("param($i) Get-VlassImagingJob -JobId $i -Scheduler Slurm", id).Single().BaseObject;
        Assert.Equal(JobState.Completed, byId.State);
    }

    [SkippableFact]
    public void Split_then_image_chain_runs_in_order_and_a_failed_split_stops_the_image()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("chain");
        using var s = new JobSession();
        // The split script in New-VlassSplitScript's format (SplitScript.Render), from a stand-in input MS.
        string vis = Path.Combine(root, "input.ms");
        Directory.CreateDirectory(vis);
        File.WriteAllText(Path.Combine(vis, "table.info"), "Type = Measurement Set\n");
        string okScript = WriteSplit(root, "good", vis, Path.Combine(root, "chain_out.ms"));
        string badScript = WriteSplit(root, "bad", Path.Combine(root, "missing.ms"), Path.Combine(root, "never.ms"));
        var r = s.Run("""
            param($r, $c, $ok, $bad)
            $ws = New-TestWorkspace -Name 'chain' -Root $r -Casa $c -MeasurementSet ([System.IO.Path]::Combine($r, 'chain_out.ms'))
            $split = Submit-VlassSplit -Path $ok -Workspace $ws -CasaPath $c -Time '00:05:00'
            $image = $ws | Submit-VlassImaging -DependsOn $split
            $ws2 = New-TestWorkspace -Name 'chain2' -Root $r -Casa $c -MeasurementSet ([System.IO.Path]::Combine($r, 'never.ms'))
            $split2 = Submit-VlassSplit -Path $bad -Workspace $ws2 -CasaPath $c -Time '00:05:00'
            $image2 = $ws2 | Submit-VlassImaging -DependsOn $split2
            @($split, $image, $split2, $image2) | Wait-VlassImagingJob -Timeout '00:02:00' -WarningAction SilentlyContinue
            """, root, Casa, okScript, badScript).Select(o => (JobRecord)o.BaseObject).ToList();
        Assert.Equal(4, r.Count);
        var (split, image, split2, image2) = (r[0], r[1], r[2], r[3]);
        Assert.Equal("Split", split.Kind);
        Assert.Equal(JobState.Completed, split.State);
        Assert.Equal(JobState.Completed, image.State);
        Assert.Equal(new[] { split.JobId }, image.DependsOn);
        Assert.True(image.StartTime >= split.EndTime, $"image started {image.StartTime}, split ended {split.EndTime}");
        Assert.True(Directory.Exists(Path.Combine(root, "chain_out.ms")));   // the imaging job read what the split wrote
        Assert.Equal(JobState.Failed, split2.State);
        Assert.Equal(1, split2.ExitCode);
        Assert.Contains(split2.LogTail, l => l.Contains("does not exist"));
        // The image job never started: cancelled by Slurm (--kill-on-invalid-dep), no start, no products.
        Assert.Equal(JobState.Cancelled, image2.State);
        Assert.DoesNotContain(image2.History, h => h.State == JobState.Running);
        Assert.Empty(image2.Products);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "chain2", "products")));
        // Both jobs are in the workspace manifest.
        Assert.Equal(new[] { "Split", "Imaging" }, WorkspaceManifestStore.Read(Path.Combine(root, "chain")).Jobs.Select(j => j.Kind));
    }

    private static string WriteSplit(string root, string target, string vis, string outputVis)
    {
        string path = Path.Combine(root, $"split_{target}.py");
        var job = new VlassPS.Core.Fields.SplitJob { MeasurementSet = vis, OutputVis = outputVis, Field = "0,1", FieldCount = 2, SelectedRows = 10, TotalRows = 100 };
        File.WriteAllText(path, VlassPS.Core.Fields.SplitScript.Render(target, new[] { job }, "VlassPS tests"));
        return path;
    }

    [SkippableFact]
    public void Fifty_workspaces_submitted_in_one_pipeline_all_complete()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("fifty");
        using var s = new JobSession();
        var watch = Stopwatch.StartNew();
        var r = s.Run("""
            param($r, $c)
            $ws = 1..50 | ForEach-Object { New-TestWorkspace -Name ('t{0:00}' -f $_) -Root $r -Casa $c }
            $ws | Submit-VlassImaging | Wait-VlassImagingJob -Timeout '00:03:00'
            """, root, Casa).Select(o => (JobRecord)o.BaseObject).ToList();
        watch.Stop();
        Assert.Equal(50, r.Count);
        Assert.Equal(50, r.Select(j => j.JobId).Distinct().Count());
        Assert.All(r, j => Assert.Equal(JobState.Completed, j.State));
        Assert.All(r, j => Assert.Equal(8, j.Products.Count));   // 6 exports + 2 imsubimage science cutouts
        _out.WriteLine($"50 workspaces: submit + wait {watch.Elapsed.TotalSeconds:0.0} s");
        Metrics.Report(_out, "slurm 50 workspaces submit|wait", watch.Elapsed, null);
    }

    [SkippableFact]
    public void Controller_down_gives_a_clear_error_keeps_the_record_and_recovers_after_restart()
    {
        Cluster.RequireSlurm();
        string root = Cluster.NewRoot("ctld");
        using var s = new JobSession();
        s.Run("param($r, $c) $global:ws = New-TestWorkspace -Name 'ctld-fakecasa-sleep-8' -Root $r -Casa $c; $global:job = $ws | Submit-VlassImaging", root, Casa);
        s.Run("Get-VlassImagingJob $ws");
        string manifest = WorkspaceManifestStore.PathOf(Path.Combine(root, "ctld-fakecasa-sleep-8"));
        string before = File.ReadAllText(manifest);
        Controller.Stop();
        try
        {
            var watch = Stopwatch.StartNew();
            var errors = s.Run("Get-VlassImagingJob $ws -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object { $_.FullyQualifiedErrorId + ' ' + $_.CategoryInfo.Category + ' ' + $_.Exception.Message }").Select(o => o.ToString()!).ToList();
            watch.Stop();
            _out.WriteLine($"controller down: error after {watch.Elapsed.TotalSeconds:0.0} s: {string.Join(" / ", errors)}");
            var e = Assert.Single(errors);
            Assert.StartsWith("SchedulerUnavailable,", e);
            Assert.Contains("ResourceUnavailable", e);
            Assert.Contains("Slurm", e);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"took {watch.Elapsed}");
            Assert.Equal(before, File.ReadAllText(manifest));
        }
        finally
        {
            Controller.Start();
        }
        var final = (JobRecord)s.Run("$ws | Wait-VlassImagingJob -Timeout '00:02:00'").Single().BaseObject;
        Assert.Equal(JobState.Completed, final.State);
        Assert.Equal(((JobRecord)s.Run("$job").Single().BaseObject).JobId, final.JobId);
    }
}

/// <summary>Stops and restarts slurmctld alone, by its recorded PID (tools/slurmctld-bounce.sh); state survives.</summary>
public static class Controller
{
    private static string Tool => Path.Combine(TestPaths.RepoRoot, "tools", "slurmctld-bounce.sh");

    public static void Stop() => Run("stop");

    public static void Start() => Run("start");

    private static void Run(string verb)
    {
        var r = VlassPS.Core.Processes.ProcessRunner.Run("bash", new[] { Tool, verb }, new VlassPS.Core.Processes.ProcessOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(r.ExitCode == 0, r.Output);
    }
}

/// <summary>Timing lines for the report (also appended to $VLASSPS_METRICS_FILE when set).</summary>
public static class Metrics
{
    public static void Report(ITestOutputHelper output, string what, TimeSpan wall, TimeSpan? jobRuntime)
    {
        string line = $"{what}: wall {wall.TotalSeconds:0.0} s" + (jobRuntime is TimeSpan j ? $", job runtime {j.TotalSeconds:0} s, overhead {(wall - j).TotalSeconds:0.0} s" : "");
        output.WriteLine(line);
        string? file = Environment.GetEnvironmentVariable("VLASSPS_METRICS_FILE");
        if (!string.IsNullOrEmpty(file)) lock (typeof(Metrics)) File.AppendAllText(file, line + "\n");
    }
}
