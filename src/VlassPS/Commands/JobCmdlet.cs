using System.Management.Automation;
using VlassPS.Core.Configuration;
using VlassPS.Core.Processes;
using VlassPS.Core.Scheduling;
using JobState = VlassPS.Core.Scheduling.JobState;
using VlassPS.Core.Workspace;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// Shared by the job cmdlets: turns what was piped in (a workspace object, a workspace path, a job
/// record) into workspaces and records, and maps scheduler failures to stable error ids.
/// </summary>
public abstract class JobCmdlet : VlassCmdlet
{
    /// <summary>A workspace (loaded from its folder) or a job record, from any accepted input.</summary>
    protected sealed record Target(ImagingWorkspace? Workspace, JobRecord? Record, object Input);

    protected Target? ResolveTarget(object? input)
    {
        object? value = input is PSObject pso ? pso.BaseObject : input;
        try
        {
            switch (value)
            {
                case ImagingWorkspace ws:
                    return new Target(ws, null, ws);
                case JobRecord rec:
                    return new Target(rec.Workspace is null ? null : ImagingWorkspace.Load(rec.Workspace), rec, rec);
                case DirectoryInfo dir:
                    return new Target(ImagingWorkspace.Load(dir.FullName), null, dir);
                case FileInfo file when file.Name == WorkspaceManifest.FileName:
                    return new Target(ImagingWorkspace.Load(file.DirectoryName!), null, file);
                case string path:
                    string p = ResolvePath(path);
                    if (File.Exists(p) && Path.GetFileName(p) == WorkspaceManifest.FileName) p = Path.GetDirectoryName(p)!;
                    return new Target(ImagingWorkspace.Load(p), null, path);
                default:
                    WriteItemError(new ArgumentException($"Expected an imaging workspace, a workspace folder or a job record, not {value?.GetType().Name ?? "null"}."),
                        "WorkspaceInputInvalid", ErrorCategory.InvalidArgument, input);
                    return null;
            }
        }
        catch (FileNotFoundException ex)
        {
            WriteItemError(ex, "WorkspaceNotFound", ErrorCategory.ObjectNotFound, input);
        }
        catch (DirectoryNotFoundException ex)
        {
            WriteItemError(ex, "WorkspaceNotFound", ErrorCategory.ObjectNotFound, input);
        }
        catch (InvalidDataException ex)
        {
            WriteItemError(ex, "WorkspaceManifestInvalid", ErrorCategory.InvalidData, input);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "WorkspaceUnreadable", ErrorCategory.ReadError, input);
        }
        return null;
    }

    /// <summary>The scheduler from the settings resolver ($VLASSPS_SCHEDULER, the configuration), else Slurm (for bare job ids).</summary>
    protected BatchScheduler ConfiguredScheduler() => Setting(s => s.Scheduler(null));

    /// <summary>Runs a scheduler action; failures become per-item errors with stable ids. Ctrl+C propagates.</summary>
    protected bool Try(Action action, object? target)
    {
        try
        {
            action();
            return true;
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex)
        {
            var (id, category) = Classify(ex);
            if (id is null) throw;
            WriteItemError(ex, id, category, target);
            return false;
        }
    }

    internal static (string? Id, ErrorCategory Category) Classify(Exception ex) => ex switch
    {
        SchedulerUnavailableException => ("SchedulerUnavailable", ErrorCategory.ResourceUnavailable),
        JobConflictException => ("JobAlreadySubmitted", ErrorCategory.ResourceExists),
        JobNotFoundException => ("JobNotFound", ErrorCategory.ObjectNotFound),
        SchedulerRequestException => ("SchedulerRefused", ErrorCategory.InvalidOperation),
        ExternalCommandException => ("SchedulerCommandFailed", ErrorCategory.InvalidResult),
        FileNotFoundException or DirectoryNotFoundException => ("WorkspaceNotFound", ErrorCategory.ObjectNotFound),
        InvalidDataException => ("WorkspaceManifestInvalid", ErrorCategory.InvalidData),
        ArgumentException => ("JobArgumentInvalid", ErrorCategory.InvalidArgument),
        IOException or UnauthorizedAccessException => ("WorkspaceWriteFailed", ErrorCategory.WriteError),
        _ => (null, ErrorCategory.NotSpecified),
    };

    /// <summary>Job records that a -DependsOn value names: records (same scheduler) or ids.</summary>
    protected static IReadOnlyList<string> DependencyIds(object[]? dependsOn, BatchScheduler scheduler)
    {
        if (dependsOn is null) return Array.Empty<string>();
        var ids = new List<string>();
        foreach (var d in dependsOn)
        {
            object v = d is PSObject p ? p.BaseObject : d;
            switch (v)
            {
                case JobRecord r:
                    if (!string.Equals(r.Scheduler, scheduler.ToString(), StringComparison.OrdinalIgnoreCase))
                        throw new ArgumentException($"-DependsOn job {r.JobId} ran on {r.Scheduler}, this submission goes to {scheduler}.");
                    ids.Add(r.JobId);
                    break;
                case string s when s.Length > 0: ids.Add(s); break;
                case int or long: ids.Add(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!); break;
                default: throw new ArgumentException($"-DependsOn takes job records or job ids, not {v.GetType().Name}.");
            }
        }
        return ids;
    }

    /// <summary>The records an input stands for; errors for inputs without any.</summary>
    protected IEnumerable<(string? Workspace, JobRecord Record)> Records(object input, bool all)
    {
        var target = ResolveTarget(input);
        if (target is null) yield break;
        if (target.Record is JobRecord given && target.Workspace is null)
        {
            yield return (null, given);
            yield break;
        }
        var ws = target.Workspace!;
        WorkspaceManifest m;
        try { m = WorkspaceManifestStore.Read(ws.Path); }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            WriteItemError(ex, "WorkspaceManifestInvalid", ErrorCategory.InvalidData, input);
            yield break;
        }
        if (target.Record is JobRecord r)
        {
            var stored = m.Jobs.LastOrDefault(j => j.JobId == r.JobId && j.Scheduler == r.Scheduler) ?? r;
            stored.Name = m.Name;
            yield return (ws.Path, stored);
            yield break;
        }
        var jobs = all ? m.Jobs : m.CurrentImagingJob is JobRecord c ? new List<JobRecord> { c } : new List<JobRecord>();
        if (jobs.Count == 0)
        {
            WriteItemError(new InvalidOperationException($"Workspace '{ws.Path}' has no submitted job; use Submit-VlassImaging."),
                "NoJobSubmitted", ErrorCategory.ObjectNotFound, input);
            yield break;
        }
        foreach (var j in jobs)
        {
            j.Name = m.Name;
            yield return (ws.Path, j);
        }
    }
}
