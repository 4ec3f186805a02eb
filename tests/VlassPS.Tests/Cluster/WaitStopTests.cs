using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VlassPS.Core.Scheduling;
using PsJobState = VlassPS.Core.Scheduling.JobState;

namespace VlassPS.Tests.Cluster;

/// <summary>Ctrl+C (PowerShell.Stop, what the host does) ends Wait-VlassImagingJob at once and leaves the job running.</summary>
public sealed class WaitStopTests
{
    [SkippableFact]
    public void Stopping_Wait_stops_the_waiting_not_the_job()
    {
        Oracle.RequireTool("xvfb-run");   // the batch script runs casa under xvfb-run
        string root = Cluster.NewRoot("ctrlc");
        using var rs = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        rs.Open();
        PSObject Run(string script, params object[] args)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = rs;
            ps.AddScript(script);
            foreach (var a in args) ps.AddArgument(a);
            var r = ps.Invoke();
            Assert.True(ps.Streams.Error.Count == 0, string.Join("; ", ps.Streams.Error));
            return r.LastOrDefault()!;
        }
        Run($"Import-Module '{TestPaths.ModuleManifest.Replace("'", "''")}'");
        string ms = Path.Combine(root, "a.ms");
        Directory.CreateDirectory(ms);
        Run("""
            param($r, $c, $ms)
            $list = Get-VlassImageGeometry -ScienceSize 100 -Position '121.98974 4.54293' | New-SeipParameterList -Name 'wait-fakecasa-sleep-60' -PassThru
            $global:ws = $list | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'wait-fakecasa-sleep-60' -Root $r -Scheduler Local -Cores 1 -MemoryGB 1 -DataColumn data -CasaPath $c -WarningAction SilentlyContinue
            $global:job = $ws | Submit-VlassImaging
            """, root, Cluster.FakeCasa, ms);

        using (var wait = PowerShell.Create())
        {
            wait.Runspace = rs;
            wait.AddScript("$job | Wait-VlassImagingJob");
            var handle = wait.BeginInvoke();
            Thread.Sleep(1500);
            Assert.False(handle.IsCompleted);
            var watch = Stopwatch.StartNew();
            wait.Stop();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {watch.Elapsed}");
            Assert.Equal(PSInvocationState.Stopped, wait.InvocationStateInfo.State);
        }
        var now = (JobRecord)Run("Get-VlassImagingJob $ws").BaseObject;
        Assert.Equal(PsJobState.Running, now.State);
        var stopped = (JobRecord)Run("$ws | Stop-VlassImagingJob -PassThru -Confirm:$false").BaseObject;
        Assert.Equal(PsJobState.Cancelled, stopped.State);
    }
}
