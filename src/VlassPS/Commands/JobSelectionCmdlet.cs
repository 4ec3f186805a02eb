using System.Management.Automation;
using VlassPS.Core.Workspace;

namespace VlassPS.Commands;

/// <summary>
/// Get-, Wait- and Stop-VlassImagingJob select their jobs the same way: workspaces (objects or folders) or job
/// records from the pipeline, or -JobId with the scheduler to ask.
/// </summary>
public abstract class JobSelectionCmdlet : JobCmdlet
{
    protected const string WorkspaceSet = "Workspace";
    protected const string IdSet = "JobId";

    /// <summary>Workspaces (objects or folders) or job records.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = WorkspaceSet)]
    [Alias("Path", "FullName", "Job")]
    public object[] Workspace { get; set; } = Array.Empty<object>();

    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    public string[] JobId { get; set; } = Array.Empty<string>();

    /// <summary>With -JobId: the scheduler to ask (default from the configuration, else Slurm).</summary>
    [Parameter(ParameterSetName = IdSet)]
    public BatchScheduler? Scheduler { get; set; }
}
