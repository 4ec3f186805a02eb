namespace VlassPS.Core.Scheduling;

/// <summary>The scheduler's controller does not answer (down, unreachable, or slower than the timeout).
/// Says nothing about the job itself: its record stays as it was.</summary>
public sealed class SchedulerUnavailableException : Exception
{
    public SchedulerUnavailableException(string scheduler, string message, Exception? inner = null)
        : base($"{scheduler} is not answering: {message}", inner)
    {
        Scheduler = scheduler;
    }

    public string Scheduler { get; }
}

/// <summary>The scheduler refused a submission or a cancel (bad partition, memory, malformed id ...).</summary>
public sealed class SchedulerRequestException : Exception
{
    public SchedulerRequestException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>No job with this id is known to the scheduler.</summary>
public sealed class JobNotFoundException : Exception
{
    public JobNotFoundException(string scheduler, string jobId)
        : base($"{scheduler} knows no job '{jobId}'.")
    {
        JobId = jobId;
    }

    public string JobId { get; }
}
