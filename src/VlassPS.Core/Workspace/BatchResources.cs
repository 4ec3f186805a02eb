using System.Text.RegularExpressions;
using VlassPS.Core.Scheduling;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Resources a run asks the batch system for. Defaults are Memo 20's (4 cores, 256 GB); the wall time
/// defaults to <see cref="RunTimeEstimate"/>. Values that end up in directive lines are validated, not
/// escaped: a directive line can only carry options (memo pitfall 15).
/// </summary>
public sealed partial class BatchResources
{
    public const int DefaultCores = 4;
    public const int DefaultMemoryGB = 256;

    public int Cores { get; set; } = DefaultCores;
    public int MemoryGB { get; set; } = DefaultMemoryGB;
    /// <summary>Null: from the run-time estimate for the image size.</summary>
    public TimeSpan? WallTime { get; set; }
    /// <summary>Slurm partition or PBS queue.</summary>
    public string? Partition { get; set; }
    public string? Account { get; set; }
    public string? MailUser { get; set; }
    /// <summary>Slurm --mail-type (e.g. END,FAIL) or PBS -m letters (e.g. ae). Default: end and failure.</summary>
    public string? MailType { get; set; }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")]
    private static partial Regex Token();
    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")]
    private static partial Regex Mail();
    /// <summary>Throws ArgumentException naming the offending setting.</summary>
    public void Validate(BatchScheduler scheduler) => Validate(BatchSystems.For(scheduler));

    /// <summary>Throws ArgumentException naming the offending setting; mail options are the scheduler's own.</summary>
    public void Validate(IBatchSystem system)
    {
        if (Cores < 1 || Cores > 1024) throw new ArgumentOutOfRangeException(nameof(Cores), Cores, "Cores must be between 1 and 1024.");
        if (MemoryGB < 1 || MemoryGB > 65536) throw new ArgumentOutOfRangeException(nameof(MemoryGB), MemoryGB, "MemoryGB must be between 1 and 65536.");
        if (WallTime is TimeSpan t && (t < TimeSpan.FromMinutes(1) || t > TimeSpan.FromDays(365)))
            throw new ArgumentOutOfRangeException(nameof(WallTime), t, "WallTime must be between 1 minute and 365 days.");
        if (Partition is not null && !Token().IsMatch(Partition))
            throw new ArgumentException($"Partition/queue '{Partition}' may contain only letters, digits and . _ + - (it goes into a directive line).", nameof(Partition));
        if (Account is not null && !Token().IsMatch(Account))
            throw new ArgumentException($"Account '{Account}' may contain only letters, digits and . _ + - (it goes into a directive line).", nameof(Account));
        if (MailUser is not null && !Mail().IsMatch(MailUser))
            throw new ArgumentException($"Mail address '{MailUser}' is not a plain address like user@example.org.", nameof(MailUser));
        if (MailType is not null) system.ValidateMailType(MailType);
    }
}
