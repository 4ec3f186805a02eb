using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>Overrides given at submit time (null: the workspace's own values).</summary>
public sealed class SubmitOptions
{
    public BatchScheduler? Scheduler { get; init; }
    public string? Partition { get; init; }
    public TimeSpan? WallTime { get; init; }
    public int? MemoryGB { get; init; }
    public int? Cores { get; init; }
    public string? Account { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();
    public bool Force { get; init; }
}

/// <summary>
/// Submits, queries and cancels jobs and keeps their records in the workspace manifest. The one place
/// the cmdlets go through, so a record is updated the same way whoever asks.
/// </summary>
public static class JobTracker
{
    public const int LogTailLines = 20;

    /// <summary>The scheduler a submission uses: explicit, else the workspace's.</summary>
    public static BatchScheduler SchedulerFor(ImagingWorkspace ws, SubmitOptions o) => o.Scheduler ?? ws.Scheduler;

    /// <summary>Refuses when the workspace has a job and <see cref="SubmitOptions.Force"/> is not set.
    /// The existing job is re-queried first, so a finished one is recorded as such.</summary>
    public static void CheckCanSubmit(ImagingWorkspace ws, SubmitOptions o, CancellationToken ct)
    {
        var current = WorkspaceManifestStore.Read(ws.Path).CurrentImagingJob;
        if (current is null || o.Force) return;
        if (!current.IsFinal)
        {
            try { current = Refresh(ws.Path, current, ct); }
            catch (SchedulerUnavailableException) { /* refuse on the recorded state */ }
        }
        throw new JobConflictException(ws.Path, current);
    }

    public static JobRecord SubmitImaging(ImagingWorkspace ws, SubmitOptions o, CancellationToken ct)
    {
        CheckCanSubmit(ws, o, ct);
        var scheduler = SchedulerFor(ws, o);
        if (scheduler != ws.Scheduler)
            throw new ArgumentException($"Workspace '{ws.Path}' was written for {ws.Scheduler} (its run script has {ws.Scheduler} directives); recreate it with -Scheduler {scheduler}.");
        var system = BatchSystems.For(scheduler);
        ValidateOverrides(system, o);
        var request = new BatchJobRequest
        {
            ScriptPath = ws.BatchScript, WorkingDirectory = ws.WorkingDirectory,
            LogBase = BatchScriptWriter.LogBase(System.IO.Path.GetFileName(ws.BatchScript)),
            DependsOn = o.DependsOn, Partition = o.Partition, WallTime = o.WallTime, ScriptWallTime = ws.WallTime, MemoryGB = o.MemoryGB, Cores = o.Cores, Account = o.Account,
        };
        var record = Submit(system, request, "Imaging", ct);
        Record(ws.Path, record);
        return Decorate(record, ws.Path, ws.Name);
    }

    /// <summary>Submits any written batch script (the split job); records it in a workspace when one is given.</summary>
    public static JobRecord SubmitScript(BatchScheduler scheduler, BatchJobRequest request, string kind, string? workspace, CancellationToken ct)
    {
        var system = BatchSystems.For(scheduler);
        var record = Submit(system, request, kind, ct);
        if (workspace is not null) Record(workspace, record);
        return Decorate(record, workspace, workspace is null ? System.IO.Path.GetFileName(request.ScriptPath) : System.IO.Path.GetFileName(workspace));
    }

    private static JobRecord Submit(IBatchSystem system, BatchJobRequest request, string kind, CancellationToken ct)
    {
        var now = DateTimeOffset.Now;
        var job = system.Submit(request, ct);
        return new JobRecord
        {
            Kind = kind, Scheduler = system.Kind.ToString(), JobId = job.JobId, Cluster = job.Cluster, SubmitTime = now,
            Command = job.Command.ToList(), WorkingDirectory = request.WorkingDirectory, Script = request.ScriptPath,
            DependsOn = request.DependsOn.ToList(), State = JobState.Pending,
            StandardOutputPath = job.StandardOutputPath, StandardErrorPath = job.StandardErrorPath, LogFiles = job.LogFiles.ToList(),
            History = new() { new JobStateChange { State = JobState.Pending, Time = now } },
        };
    }

    private static void ValidateOverrides(IBatchSystem system, SubmitOptions o)
    {
        // Same rules as the workspace's own values (they reach the scheduler as options).
        new BatchResources
        {
            Cores = o.Cores ?? 1, MemoryGB = o.MemoryGB ?? 1, WallTime = o.WallTime, Partition = o.Partition, Account = o.Account,
        }.Validate(system);
    }

    private static void Record(string workspace, JobRecord record)
        => WorkspaceManifestStore.Update(workspace, m =>
        {
            if (m is null) throw new FileNotFoundException($"'{workspace}' is not a VlassPS workspace (no {WorkspaceManifest.FileName}).");
            m.Jobs.Add(record);
            return m;
        });

    /// <summary>Asks the scheduler about a recorded job and stores the answer in the manifest.
    /// <see cref="SchedulerUnavailableException"/> leaves the record untouched.</summary>
    public static JobRecord Refresh(string? workspace, JobRecord record, CancellationToken ct)
    {
        var system = BatchSystems.For(Enum.Parse<BatchScheduler>(record.Scheduler, true));
        var status = system.Query(record.JobId, ct);
        var now = DateTimeOffset.Now;
        if (workspace is not null)
        {
            JobRecord? stored = null;
            WorkspaceManifestStore.Update(workspace, m =>
            {
                if (m is null) throw new FileNotFoundException($"'{workspace}' is not a VlassPS workspace (no {WorkspaceManifest.FileName}).");
                stored = m.Jobs.LastOrDefault(j => j.JobId == record.JobId && j.Scheduler == record.Scheduler);
                if (stored is null) { stored = record; m.Jobs.Add(stored); }
                stored.Apply(status, now);
                return m;
            });
            record = stored!;
        }
        else
        {
            record.Apply(status, now);
        }
        return Decorate(record, workspace, record.Name);
    }

    /// <summary>A record for a bare job id (not persisted anywhere).</summary>
    public static JobRecord Query(BatchScheduler scheduler, string jobId, CancellationToken ct)
    {
        var record = new JobRecord { Scheduler = scheduler.ToString(), JobId = jobId, Kind = "Unknown", State = JobState.Unknown, Name = jobId };
        return Refresh(null, record, ct);
    }

    public static JobRecord Cancel(string? workspace, JobRecord record, TimeSpan verifyTimeout, CancellationToken ct)
    {
        var system = BatchSystems.For(Enum.Parse<BatchScheduler>(record.Scheduler, true));
        system.Cancel(record.JobId, verifyTimeout, ct);
        return Refresh(workspace, record, ct);
    }

    /// <summary>Adds the display-only parts: name, products found, log tail when the job did not complete.</summary>
    public static JobRecord Decorate(JobRecord r, string? workspace, string? name)
    {
        r.Workspace = workspace;
        r.Name = name ?? r.Name ?? (workspace is null ? r.JobId : System.IO.Path.GetFileName(workspace));
        if (workspace is not null && r.Kind == "Imaging")
        {
            string products = System.IO.Path.Combine(workspace, "products");
            r.Products = Directory.Exists(products)
                ? Directory.EnumerateFiles(products, "*.fits").Select(p => System.IO.Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
        }
        r.LogTail = r.IsFinal && r.State != JobState.Completed ? LogTail(r) : Array.Empty<string>();
        return r;
    }

    private static IReadOnlyList<string> LogTail(JobRecord r)
    {
        var lines = new List<string>();
        foreach (var path in r.LogFiles.Concat(new[] { r.StandardOutputPath, r.StandardErrorPath }).Where(p => p is not null).Distinct())
        {
            try
            {
                if (!File.Exists(path)) continue;
                var info = new FileInfo(path!);
                using var fs = new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                fs.Seek(Math.Max(0, info.Length - 64 * 1024), SeekOrigin.Begin); // the tail only, however big the log
                var text = new StreamReader(fs).ReadToEnd();
                var tail = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(LogTailLines);
                lines.AddRange(tail);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return lines;
    }
}
