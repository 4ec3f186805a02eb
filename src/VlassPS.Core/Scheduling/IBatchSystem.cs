using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>
/// Everything VlassPS knows about one batch system: the directive lines of its scripts, how to submit
/// (arguments, working directory, dependencies), how to read job ids and states, and how to cancel.
/// Adding a scheduler means adding one class and one entry in <see cref="BatchSystems"/>; see
/// docs/schedulers.md for the HTCondor mapping.
/// </summary>
public interface IBatchSystem
{
    BatchScheduler Kind { get; }

    /// <summary>Directive lines for the script header (after the #! line); may be empty.</summary>
    IReadOnlyList<string> Directives(BatchScriptHeader header);

    /// <summary>The comment line telling a human how to start the script.</summary>
    string SubmitHint(BatchScriptHeader header);

    /// <summary>The command that starts a script by hand, quoted for a POSIX shell (display only).</summary>
    string SubmitCommandText(string scriptPath);

    /// <summary>Throws ArgumentException when the mail option is not valid for this scheduler.</summary>
    void ValidateMailType(string mailType);

    SubmittedJob Submit(BatchJobRequest request, CancellationToken cancellationToken);

    /// <summary>True when <see cref="SubmitArray"/> works here (Slurm); others get one submission per script.</summary>
    bool SupportsArrays { get; }

    /// <summary>Submits every task as one job array (one submit call); task ids are &lt;array id&gt;_&lt;index&gt;.
    /// <see cref="NotSupportedException"/> where <see cref="SupportsArrays"/> is false.</summary>
    SubmittedArray SubmitArray(BatchArrayRequest request, CancellationToken cancellationToken);

    /// <summary>The job's state. <see cref="JobState.Unknown"/> when the scheduler has no trace of it;
    /// <see cref="SchedulerUnavailableException"/> when the scheduler does not answer.</summary>
    JobStatus Query(string jobId, CancellationToken cancellationToken);

    /// <summary>Ids of every job the scheduler (or its accounting) still knows under this exact name, in any
    /// state. Campaigns use it to resolve a submission whose record was lost; empty when there is none.</summary>
    IReadOnlyList<string> FindByName(string jobName, CancellationToken cancellationToken);

    /// <summary>Cancels the job and returns its state once it has really left the queue.</summary>
    JobStatus Cancel(string jobId, TimeSpan verifyTimeout, CancellationToken cancellationToken);
}
