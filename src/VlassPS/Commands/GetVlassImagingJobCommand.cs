using System.Management.Automation;
using VlassPS.Core.Scheduling;
using JobState = VlassPS.Core.Scheduling.JobState;
using VlassPS.Core.Workspace;

namespace VlassPS.Commands;

/// <summary>
/// The state of imaging (and split) jobs, from their workspaces or from job ids: asks the scheduler,
/// stores the answer in vlassps.json, and adds the products found and, for a job that did not
/// complete, the last lines of its log.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VlassImagingJob", DefaultParameterSetName = WorkspaceSet)]
[OutputType(typeof(JobRecord))]
public sealed class GetVlassImagingJobCommand : JobSelectionCmdlet
{
    /// <summary>Every job recorded in the workspace (history included), not only the current imaging job.</summary>
    [Parameter(ParameterSetName = WorkspaceSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Report the recorded state without asking the scheduler.</summary>
    [Parameter] public SwitchParameter NoRefresh { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            var scheduler = Scheduler ?? ConfiguredScheduler();
            foreach (var id in JobId)
                Try(() => WriteObject(JobTracker.Query(scheduler, id, CancellationToken)), id);
            return;
        }
        foreach (var input in Workspace)
            foreach (var rec in Records(input, All))
                Emit(rec.Workspace, rec.Record);
    }

    private void Emit(string? workspace, JobRecord record)
    {
        if (NoRefresh || (record.IsFinal && record.ExitCode is not null))
        {
            WriteObject(JobTracker.Decorate(record, workspace, record.Name ?? NameOf(workspace)));
            return;
        }
        record.Name ??= NameOf(workspace);
        Try(() => WriteObject(JobTracker.Refresh(workspace, record, CancellationToken)), record);
    }

    private static string? NameOf(string? workspace)
        => workspace is null ? null : WorkspaceManifestStore.Exists(workspace) ? WorkspaceManifestStore.Read(workspace).Name : System.IO.Path.GetFileName(workspace);
}
