using System.Text.Json.Serialization;

namespace VlassPS.Core.Scheduling;

/// <summary>When a job was first seen in a state.</summary>
public sealed class JobStateChange
{
    public JobState State { get; set; }
    public DateTimeOffset Time { get; set; }
    public override string ToString() => $"{State} {Time:u}";
}

/// <summary>
/// One submitted job as VlassPS remembers it (persisted in the workspace manifest, vlassps.json), plus
/// what a query adds for display (log tail, products found). Output of Submit/Get/Wait/Stop-VlassImagingJob.
/// </summary>
public sealed class JobRecord
{
    /// <summary>Imaging or Split.</summary>
    public string Kind { get; set; } = "Imaging";
    public string Scheduler { get; set; } = "";
    public string JobId { get; set; } = "";
    public string? Cluster { get; set; }
    public DateTimeOffset SubmitTime { get; set; }
    /// <summary>The submit command as an argument list.</summary>
    public List<string> Command { get; set; } = new();
    public string WorkingDirectory { get; set; } = "";
    public string Script { get; set; } = "";
    public List<string> DependsOn { get; set; } = new();
    public JobState State { get; set; } = JobState.Pending;
    public string? RawState { get; set; }
    public string? Reason { get; set; }
    public int? ExitCode { get; set; }
    public int? Signal { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public DateTimeOffset? LastChecked { get; set; }
    public string? StandardOutputPath { get; set; }
    public string? StandardErrorPath { get; set; }
    public List<JobStateChange> History { get; set; } = new();
    /// <summary>Every file the job's output may land in.</summary>
    public List<string> LogFiles { get; set; } = new();

    /// <summary>The workspace folder the record belongs to (null for a bare job id).</summary>
    [JsonIgnore] public string? Workspace { get; set; }
    /// <summary>The workspace's name (or the job id).</summary>
    [JsonIgnore] public string? Name { get; set; }
    /// <summary>Last lines of the job's log when it did not complete.</summary>
    [JsonIgnore] public IReadOnlyList<string> LogTail { get; set; } = Array.Empty<string>();
    /// <summary>FITS files in the workspace's products folder.</summary>
    [JsonIgnore] public IReadOnlyList<string> Products { get; set; } = Array.Empty<string>();

    [JsonIgnore] public bool IsFinal => JobStates.IsFinal(State);

    /// <summary>Run time: end (or now, while running) minus start.</summary>
    [JsonIgnore]
    public TimeSpan? Elapsed => StartTime is DateTimeOffset s
        ? ((EndTime ?? (State == JobState.Running ? DateTimeOffset.Now : (DateTimeOffset?)null)) - s) is TimeSpan e && e >= TimeSpan.Zero ? e : null
        : null;

    /// <summary>The log to show: the one the scheduler reported, else the one asked for at submit time.</summary>
    [JsonIgnore] public string? LogPath => LogFiles.FirstOrDefault(File.Exists) ?? StandardOutputPath;

    /// <summary>Takes what the scheduler said; a new state is added to the history with the time it was seen.</summary>
    public void Apply(JobStatus s, DateTimeOffset now)
    {
        // A bare "Unknown" (purged, no accounting) never overwrites a known final state.
        if (s.State == JobState.Unknown && IsFinal) { LastChecked = now; return; }
        if (State != s.State || History.Count == 0) History.Add(new JobStateChange { State = s.State, Time = now });
        State = s.State;
        RawState = s.RawState;
        Reason = s.Reason;
        ExitCode = s.ExitCode ?? ExitCode;
        Signal = s.Signal ?? Signal;
        StartTime = s.StartTime ?? StartTime;
        EndTime = s.EndTime ?? EndTime;
        if (s.StandardOutputPath is not null) StandardOutputPath = s.StandardOutputPath;
        if (s.StandardErrorPath is not null) StandardErrorPath = s.StandardErrorPath;
        LastChecked = now;
    }

    public override string ToString() => $"{Scheduler} job {JobId} ({Name ?? Kind}): {State}";
}
