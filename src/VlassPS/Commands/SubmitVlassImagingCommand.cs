using System.Management.Automation;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Workspace;

namespace VlassPS.Commands;

/// <summary>
/// Submits imaging workspaces to Slurm, PBS or the local runner and records each job in the workspace's
/// vlassps.json. A workspace that already has a job (live or finished) is refused unless -Force.
/// </summary>
[Cmdlet(VerbsLifecycle.Submit, "VlassImaging", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(JobRecord), typeof(ImagingWorkspace))]
public sealed class SubmitVlassImagingCommand : JobCmdlet
{
    /// <summary>An ImagingWorkspace (New-VlassImagingWorkspace output) or a workspace folder.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "FullName")]
    public object[] Workspace { get; set; } = Array.Empty<object>();

    /// <summary>Must match the workspace's (its script carries that scheduler's directives). Default: the workspace's.</summary>
    [Parameter] public BatchScheduler? Scheduler { get; set; }
    [Parameter] [Alias("Queue")] public string? Partition { get; set; }
    /// <summary>Wall-time limit, e.g. 04:00:00 or 1.00:00:00.</summary>
    [Parameter] [Alias("WallTime")] public TimeSpan? Time { get; set; }
    /// <summary>Memory in GB.</summary>
    [Parameter] [Alias("MemoryGB")] [ValidateRange(1, 65536)] public int? Memory { get; set; }
    [Parameter] [Alias("Cores")] [ValidateRange(1, 1024)] public int? Cpus { get; set; }
    [Parameter] public string? Account { get; set; }
    /// <summary>Job records (e.g. Submit-VlassSplit output) or job ids that must complete successfully first (afterok).</summary>
    [Parameter] public object[]? DependsOn { get; set; }
    /// <summary>Output the workspace instead of the job record.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }
    /// <summary>Submit even when the workspace already has a job; the old record stays in the history.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var input in Workspace)
        {
            var target = ResolveTarget(input);
            if (target?.Workspace is not ImagingWorkspace ws) continue;
            var scheduler = Scheduler ?? ws.Scheduler;
            SubmitOptions? options = null;
            if (!Try(() => options = new SubmitOptions
                {
                    Scheduler = scheduler, Partition = Partition, WallTime = Time, MemoryGB = Memory, Cores = Cpus, Account = Account,
                    DependsOn = DependencyIds(DependsOn, scheduler), Force = Force,
                }, ws.Path)) continue;
            // Refuse before asking for confirmation; -WhatIf must not contact the scheduler's submit.
            if (!Try(() => JobTracker.CheckCanSubmit(ws, options!, CancellationToken), ws.Path)) continue;
            if (Cpus is int c && c != ws.Cores)
                WriteWarning($"{ws.Name}: the run script starts mpicasa with {ws.Cores} processes; -Cpus {c} changes only the request. Recreate the workspace with -Cores {c} to change both.");
            string what = options!.DependsOn.Count > 0 ? $"Submit to {scheduler} after job(s) {string.Join(", ", options.DependsOn)}" : $"Submit to {scheduler}";
            if (!ShouldProcess(ws.BatchScript, what)) continue;
            JobRecord? record = null;
            if (!Try(() => record = JobTracker.SubmitImaging(ws, options, CancellationToken), ws.Path)) continue;
            WriteVerbose($"{ws.Name}: {record!.Scheduler} job {record.JobId} ({string.Join(' ', record.Command)}).");
            WriteObject(PassThru ? ImagingWorkspace.Load(ws.Path) : record);
        }
    }
}
