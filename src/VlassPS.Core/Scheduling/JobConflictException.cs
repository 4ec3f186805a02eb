namespace VlassPS.Core.Scheduling;

/// <summary>The workspace already has a job (live, or finished) and -Force was not given.</summary>
public sealed class JobConflictException : Exception
{
    public JobConflictException(string workspace, JobRecord existing)
        : base(JobStates.IsLive(existing.State)
            ? $"Workspace '{workspace}' already has {existing.Scheduler} job {existing.JobId} ({existing.State}); stop it first or use -Force to submit another."
            : $"Workspace '{workspace}' already ran as {existing.Scheduler} job {existing.JobId} ({existing.State}); use -Force to run it again (the old record is kept in vlassps.json).")
    {
        Existing = existing;
    }

    public JobRecord Existing { get; }
}
