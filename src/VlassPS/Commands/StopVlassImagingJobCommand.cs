using System.Management.Automation;
using VlassPS.Core.Scheduling;
using JobState = VlassPS.Core.Scheduling.JobState;
using VlassPS.Core.Workspace;

namespace VlassPS.Commands;

/// <summary>
/// Cancels imaging (or split) jobs and verifies that each really left the queue (scancel returns 0
/// even for unknown ids). The record in vlassps.json gets the final state.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "VlassImagingJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = WorkspaceSet)]
[OutputType(typeof(JobRecord))]
public sealed class StopVlassImagingJobCommand : JobSelectionCmdlet
{
    /// <summary>How long to wait for the job to leave the queue (Slurm escalates to SIGKILL after KillWait).</summary>
    [Parameter] public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            var scheduler = Scheduler ?? ConfiguredScheduler();
            foreach (var id in JobId)
                Stop(null, new JobRecord { Scheduler = scheduler.ToString(), JobId = id, Kind = "Unknown", State = JobState.Unknown, Name = id }, id);
            return;
        }
        foreach (var input in Workspace)
        {
            var target = ResolveTarget(input);
            if (target is null) continue;
            JobRecord? record = target.Record;
            string? ws = target.Workspace?.Path;
            if (record is null && ws is not null)
            {
                record = WorkspaceManifestStore.Read(ws).CurrentImagingJob;
                if (record is null)
                {
                    WriteItemError(new InvalidOperationException($"Workspace '{ws}' has no submitted job."), "NoJobSubmitted", ErrorCategory.ObjectNotFound, input);
                    continue;
                }
                record.Name = target.Workspace!.Name;
            }
            Stop(ws, record!, input);
        }
    }

    private void Stop(string? workspace, JobRecord record, object target)
    {
        if (!ShouldProcess($"{record.Scheduler} job {record.JobId} ({record.Name ?? workspace})", "Cancel")) return;
        Try(() =>
        {
            var final = JobTracker.Cancel(workspace, record, VerifyTimeout, CancellationToken);
            WriteVerbose($"{record.Scheduler} job {record.JobId}: {final.State}.");
            if (PassThru) WriteObject(final);
        }, target);
    }
}
