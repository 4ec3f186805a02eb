namespace VlassPS.Core.Scheduling;

/// <summary>A batch job's state, the same words for every scheduler.</summary>
public enum JobState
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
    TimedOut,
    OutOfMemory,
    NodeFail,
    /// <summary>The scheduler does not know the job (any more) and no record says how it ended.</summary>
    Unknown,
}

public static class JobStates
{
    /// <summary>True when the job will not change state again.</summary>
    public static bool IsFinal(JobState state) => state is not (JobState.Pending or JobState.Running or JobState.Unknown);

    /// <summary>True while the scheduler still holds the job (it can be cancelled).</summary>
    public static bool IsLive(JobState state) => state is JobState.Pending or JobState.Running;
}
