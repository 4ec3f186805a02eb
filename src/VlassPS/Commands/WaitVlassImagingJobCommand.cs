using System.Diagnostics;
using System.Management.Automation;
using VlassPS.Core.Scheduling;
using JobState = VlassPS.Core.Scheduling.JobState;
using VlassPS.Core.Workspace;

namespace VlassPS.Commands;

/// <summary>
/// Waits until jobs finish, polling with backoff and showing counts per state; returns the final
/// records. A scheduler that stops answering is reported as a warning and polled again; Ctrl+C (or
/// -Timeout) stops the waiting, never the jobs.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "VlassImagingJob", DefaultParameterSetName = WorkspaceSet)]
[OutputType(typeof(JobRecord))]
public sealed class WaitVlassImagingJobCommand : JobSelectionCmdlet
{
    private readonly List<(string? Workspace, JobRecord Record)> _jobs = new();

    /// <summary>Give up after this long: unfinished jobs get a WaitTimeout error and are returned as they are.</summary>
    [Parameter] public TimeSpan? Timeout { get; set; }

    /// <summary>First poll interval; it grows by half each round up to -MaxPollInterval.</summary>
    [Parameter] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(0.5);

    [Parameter] public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            var scheduler = Scheduler ?? ConfiguredScheduler();
            foreach (var id in JobId)
                _jobs.Add((null, new JobRecord { Scheduler = scheduler.ToString(), JobId = id, Kind = "Unknown", State = JobState.Unknown, Name = id }));
            return;
        }
        foreach (var input in Workspace)
            foreach (var r in Records(input, all: false))
            {
                r.Record.Name ??= r.Workspace is null ? r.Record.JobId : System.IO.Path.GetFileName(r.Workspace);
                _jobs.Add(r);
            }
    }

    protected override void EndProcessing()
    {
        if (_jobs.Count == 0) return;
        var watch = Stopwatch.StartNew();
        var current = _jobs.Select(j => j.Record).ToArray();
        var done = new bool[current.Length];
        var interval = PollInterval > TimeSpan.Zero ? PollInterval : TimeSpan.FromSeconds(0.5);
        var progress = new ProgressRecord(1, $"Waiting for {current.Length} VlassPS job(s)", "starting");
        bool warnedDown = false;
        while (true)
        {
            bool unavailable = false;
            for (int i = 0; i < current.Length; i++)
            {
                if (done[i]) continue;
                try
                {
                    current[i] = JobTracker.Refresh(_jobs[i].Workspace, current[i], CancellationToken);
                    var s = current[i];
                    done[i] = s.IsFinal || (s.State == JobState.Pending && string.Equals(s.Reason, "DependencyNeverSatisfied", StringComparison.OrdinalIgnoreCase));
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (SchedulerUnavailableException ex)
                {
                    unavailable = true;
                    if (!warnedDown) WriteWarning($"{ex.Message} Still waiting; the job records are unchanged.");
                    warnedDown = true;
                    break; // one slow failure per round is enough
                }
                catch (Exception ex) when (Classify(ex).Id is not null)
                {
                    var (id, cat) = Classify(ex);
                    WriteItemError(ex, id!, cat, current[i]);
                    done[i] = true;
                }
            }
            if (!unavailable) warnedDown = false;
            int finished = done.Count(d => d);
            var counts = current.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            progress.StatusDescription = string.Join(", ", counts) + (unavailable ? " (scheduler not answering)" : "");
            progress.PercentComplete = 100 * finished / current.Length;
            WriteProgress(progress);
            if (finished == current.Length) break;
            if (Timeout is TimeSpan t && watch.Elapsed >= t)
            {
                for (int i = 0; i < current.Length; i++)
                    if (!done[i])
                        WriteItemError(new TimeoutException($"{current[i].Scheduler} job {current[i].JobId} ({current[i].Name}) is still {current[i].State} after {t}; it keeps running."),
                            "WaitTimeout", ErrorCategory.OperationTimeout, current[i]);
                break;
            }
            var sleep = Timeout is TimeSpan limit && limit - watch.Elapsed < interval ? limit - watch.Elapsed : interval;
            if (sleep > TimeSpan.Zero && CancellationToken.WaitHandle.WaitOne(sleep)) throw new PipelineStoppedException();
            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), MaxPollInterval.Ticks));
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        foreach (var r in current)
        {
            if (r.State == JobState.Pending && string.Equals(r.Reason, "DependencyNeverSatisfied", StringComparison.OrdinalIgnoreCase))
                WriteWarning($"{r.Scheduler} job {r.JobId} ({r.Name}) will never start: a job it depends on did not succeed.");
            WriteObject(r);
        }
    }
}
