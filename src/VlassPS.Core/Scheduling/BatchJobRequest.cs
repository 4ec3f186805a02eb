using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>What goes into a batch script's header (the directive lines).</summary>
public sealed class BatchScriptHeader
{
    /// <summary>Job name; a safe token (letters, digits, . _ + -), never a space.</summary>
    public required string JobName { get; init; }
    public required BatchResources Resources { get; init; }
    public required TimeSpan WallTime { get; init; }
    public required string WorkingDirectory { get; init; }
    /// <summary>Log files are named &lt;LogBase&gt;.&lt;job id&gt;.out/.err (or as close as the scheduler allows).</summary>
    public required string LogBase { get; init; }
}

/// <summary>One submission: a written batch script plus overrides given at submit time.</summary>
public sealed class BatchJobRequest
{
    public required string ScriptPath { get; init; }
    /// <summary>Where the job runs and where relative log paths point; the submit command runs there too.</summary>
    public required string WorkingDirectory { get; init; }
    /// <summary>Base name of the log files the script's directives ask for (see <see cref="BatchScriptHeader.LogBase"/>).</summary>
    public required string LogBase { get; init; }
    /// <summary>Job ids (same scheduler) that must complete successfully first (afterok).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();
    public string? Partition { get; init; }
    public TimeSpan? WallTime { get; init; }
    /// <summary>The wall time the script's directives ask for; a runner without directives (Local) enforces it.</summary>
    public TimeSpan? ScriptWallTime { get; init; }
    public int? MemoryGB { get; init; }
    public int? Cores { get; init; }
    public string? Account { get; init; }
    /// <summary>Overrides the script's job name; campaigns use a unique name per submission so a job can be
    /// found again by name after a crash between the submit call and its record (see <see cref="IBatchSystem.FindByName"/>).</summary>
    public string? JobName { get; init; }
}

/// <summary>What a successful submission returned.</summary>
public sealed class SubmittedJob
{
    public required string JobId { get; init; }
    /// <summary>The submit command as an argument list (first element the program).</summary>
    public required IReadOnlyList<string> Command { get; init; }
    public string? Cluster { get; init; }
    public string? StandardOutputPath { get; init; }
    public string? StandardErrorPath { get; init; }
    /// <summary>Every file the job's output may land in (schedulers differ), for the log tail.</summary>
    public IReadOnlyList<string> LogFiles { get; init; } = Array.Empty<string>();
}
