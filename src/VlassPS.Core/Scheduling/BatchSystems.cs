using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>The batch system for each <see cref="BatchScheduler"/>; the only place that maps the enum to a class.</summary>
public static class BatchSystems
{
    /// <summary>Per-call limit for scheduler commands; $VLASSPS_SCHEDULER_TIMEOUT (seconds) overrides it.
    /// Slurm clients need ≈18 s to give up on a dead controller, so the default leaves room for that.</summary>
    public static TimeSpan CommandTimeout
    {
        get
        {
            string? s = Environment.GetEnvironmentVariable("VLASSPS_SCHEDULER_TIMEOUT");
            return double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && v > 0
                ? TimeSpan.FromSeconds(v) : TimeSpan.FromSeconds(30);
        }
    }

    public static IBatchSystem For(BatchScheduler scheduler) => scheduler switch
    {
        BatchScheduler.Slurm => new SlurmBatchSystem(CommandTimeout),
        BatchScheduler.Pbs => new PbsBatchSystem(CommandTimeout),
        BatchScheduler.Local => new LocalBatchSystem(LocalBatchSystem.DefaultStateRoot()),
        _ => throw new ArgumentOutOfRangeException(nameof(scheduler), scheduler, "Unknown scheduler."),
    };
}
