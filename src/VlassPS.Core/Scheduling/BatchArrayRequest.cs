namespace VlassPS.Core.Scheduling;

/// <summary>One task of a job array: a written batch script (a workspace's own run script) and where it runs.</summary>
public sealed class BatchArrayTask
{
    public required string ScriptPath { get; init; }
    /// <summary>The task changes into this folder before it starts the script; its logs go here.</summary>
    public required string WorkingDirectory { get; init; }
    /// <summary>The task's logs are &lt;LogBase&gt;.&lt;array id&gt;_&lt;index&gt;.out/.err in the working folder.</summary>
    public required string LogBase { get; init; }
}

/// <summary>
/// Many scripts as one scheduler job array: one submit call, a throttle (at most that many tasks run at once)
/// and one set of dependencies for all. Task i runs <see cref="Tasks"/>[i].
/// </summary>
public sealed class BatchArrayRequest
{
    public required IReadOnlyList<BatchArrayTask> Tasks { get; init; }
    /// <summary>The array's name (a safe token); campaigns use the array claim key so a lost record is found again by name.</summary>
    public required string JobName { get; init; }
    /// <summary>Where the dispatch script (&lt;JobName&gt;.sh) and the array's own log are written.</summary>
    public required string ScriptDirectory { get; init; }
    /// <summary>At most this many tasks run at the same time (Slurm's %N).</summary>
    public int Throttle { get; init; } = 50;
    /// <summary>Job ids that must complete successfully before any task starts (afterok).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();
    /// <summary>Resources per task (the largest any task's workspace asks for).</summary>
    public int Cores { get; init; } = 1;
    public int MemoryGB { get; init; } = 1;
    public required TimeSpan WallTime { get; init; }
    public string? Partition { get; init; }
    public string? Account { get; init; }
}

/// <summary>What an array submission returned: the array's id and one <see cref="SubmittedJob"/> per task (id A_i).</summary>
public sealed class SubmittedArray
{
    public required string ArrayJobId { get; init; }
    /// <summary>Task i's job (its id, log paths, the submit command), in request order.</summary>
    public required IReadOnlyList<SubmittedJob> Tasks { get; init; }
    public required IReadOnlyList<string> Command { get; init; }
    /// <summary>The dispatch script that was submitted.</summary>
    public required string ScriptPath { get; init; }
}
