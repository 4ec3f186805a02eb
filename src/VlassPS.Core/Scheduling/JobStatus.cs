namespace VlassPS.Core.Scheduling;

/// <summary>One answer from a scheduler about one job.</summary>
public sealed class JobStatus
{
    public required string JobId { get; init; }
    public required JobState State { get; init; }
    /// <summary>The scheduler's own word (COMPLETED, TIMEOUT, C, ...).</summary>
    public string RawState { get; init; } = "";
    /// <summary>Why the job is in this state (Slurm's reason: Resources, DependencyNeverSatisfied, TimeLimit ...).</summary>
    public string? Reason { get; init; }
    /// <summary>The script's exit status (Slurm ExitCode a:b, the a).</summary>
    public int? ExitCode { get; init; }
    /// <summary>The signal that ended the job (Slurm ExitCode a:b, the b), null or 0 for none.</summary>
    public int? Signal { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? StandardOutputPath { get; init; }
    public string? StandardErrorPath { get; init; }
    /// <summary>Which command answered (squeue, scontrol, sacct -c, qstat, local state file).</summary>
    public string Source { get; init; } = "";

    /// <summary>A pending job that can never start because a job it depends on did not succeed.</summary>
    public bool NeverStarts => State == JobState.Pending && string.Equals(Reason, "DependencyNeverSatisfied", StringComparison.OrdinalIgnoreCase);
}
