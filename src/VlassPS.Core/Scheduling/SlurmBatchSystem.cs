using System.Globalization;
using System.Text.RegularExpressions;
using VlassPS.Core.Processes;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>
/// Slurm: #SBATCH directives, <c>sbatch --parsable</c>, state from <c>squeue -t all</c> then
/// <c>scontrol show job -o</c> then <c>sacct</c> (plain, then <c>-c</c> for clusters without slurmdbd),
/// <c>scancel</c> verified by a query (scancel returns 0 even for unknown ids).
/// </summary>
public sealed partial class SlurmBatchSystem : IBatchSystem
{
    private readonly TimeSpan _timeout;

    public SlurmBatchSystem(TimeSpan commandTimeout) => _timeout = commandTimeout;

    public BatchScheduler Kind => BatchScheduler.Slurm;

    [GeneratedRegex(@"^(NONE|BEGIN|END|FAIL|REQUEUE|ALL|INVALID_DEPEND|STAGE_OUT|TIME_LIMIT|TIME_LIMIT_90|TIME_LIMIT_80|TIME_LIMIT_50|ARRAY_TASKS)(,(NONE|BEGIN|END|FAIL|REQUEUE|ALL|INVALID_DEPEND|STAGE_OUT|TIME_LIMIT|TIME_LIMIT_90|TIME_LIMIT_80|TIME_LIMIT_50|ARRAY_TASKS))*$")]
    private static partial Regex MailTypes();
    [GeneratedRegex(@"^\d+(_\d+)?$")]
    private static partial Regex JobIdPattern();

    public void ValidateMailType(string mailType)
    {
        if (!MailTypes().IsMatch(mailType))
            throw new ArgumentException($"Slurm mail type '{mailType}' must be a comma list such as END,FAIL.", nameof(BatchResources.MailType));
    }

    public IReadOnlyList<string> Directives(BatchScriptHeader h)
    {
        var r = h.Resources;
        var lines = new List<string>
        {
            $"#SBATCH --job-name={h.JobName}",
            "#SBATCH --nodes=1",
            string.Create(CultureInfo.InvariantCulture, $"#SBATCH --ntasks={r.Cores}"),
            "#SBATCH --cpus-per-task=1",
            string.Create(CultureInfo.InvariantCulture, $"#SBATCH --mem={r.MemoryGB}G"),
            $"#SBATCH --time={Time(h.WallTime)}",
        };
        if (r.Partition is not null) lines.Add($"#SBATCH --partition={r.Partition}");
        if (r.Account is not null) lines.Add($"#SBATCH --account={r.Account}");
        if (r.MailUser is not null)
        {
            lines.Add($"#SBATCH --mail-type={r.MailType ?? "END,FAIL"}");
            lines.Add($"#SBATCH --mail-user={r.MailUser}");
        }
        lines.Add($"#SBATCH --output={h.LogBase}.%j.out");
        lines.Add($"#SBATCH --error={h.LogBase}.%j.err");
        if (DirectiveSafe.IsSafePath(h.WorkingDirectory)) lines.Add($"#SBATCH --chdir={h.WorkingDirectory}");
        lines.Add("#SBATCH --export=ALL");
        return lines;
    }

    public string SubmitHint(BatchScriptHeader h) => DirectiveSafe.IsSafePath(h.WorkingDirectory)
        ? "# Submit with: sbatch <this script>"
        : "# Submit from the working folder (its path cannot go into a directive line): sbatch <this script>";

    public string SubmitCommandText(string scriptPath) => "sbatch " + ShellQuote.Quote(scriptPath);

    public SubmittedJob Submit(BatchJobRequest req, CancellationToken ct)
    {
        // Command-line options override the script's #SBATCH lines; --chdir as an argument is safe for any path.
        var args = new List<string> { "--parsable", "--chdir=" + req.WorkingDirectory };
        if (req.Partition is not null) args.Add("--partition=" + req.Partition);
        if (req.WallTime is TimeSpan t) args.Add("--time=" + Time(t));
        if (req.MemoryGB is int m) args.Add(string.Create(CultureInfo.InvariantCulture, $"--mem={m}G"));
        if (req.Cores is int c) args.Add(string.Create(CultureInfo.InvariantCulture, $"--ntasks={c}"));
        if (req.Account is not null) args.Add("--account=" + req.Account);
        if (req.JobName is not null) args.Add("--job-name=" + req.JobName);
        AddDependency(args, req.DependsOn);
        args.Add(req.ScriptPath);
        var result = Call("sbatch", args, req.WorkingDirectory, ct);
        if (result.ExitCode != 0)
            throw new SchedulerRequestException($"sbatch refused the job: {result.Output} (command: {result.CommandLine})");
        // Documented form: jobid[;cluster].
        var parts = result.StandardOutput.Trim().Split(';');
        string id = parts[0].Trim();
        if (!JobIdPattern().IsMatch(id))
            throw new ExternalCommandException(result, "printed no job id");
        return new SubmittedJob
        {
            JobId = id,
            Command = new[] { "sbatch" }.Concat(args).ToArray(),
            Cluster = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : ClusterName(),
            StandardOutputPath = Path.Combine(req.WorkingDirectory, $"{req.LogBase}.{id}.out"),
            StandardErrorPath = Path.Combine(req.WorkingDirectory, $"{req.LogBase}.{id}.err"),
            LogFiles = new[] { Path.Combine(req.WorkingDirectory, $"{req.LogBase}.{id}.out"), Path.Combine(req.WorkingDirectory, $"{req.LogBase}.{id}.err") },
        };
    }

    /// <summary>afterok on every job given (ids checked first).</summary>
    private static void AddDependency(List<string> args, IReadOnlyList<string> dependsOn)
    {
        if (dependsOn.Count == 0) return;
        foreach (var d in dependsOn) CheckId(d);
        args.Add("--dependency=afterok:" + string.Join(':', dependsOn));
        // Without this a job whose dependency failed stays PENDING forever (DependencyNeverSatisfied).
        args.Add("--kill-on-invalid-dep=yes");
    }

    public bool SupportsArrays => true;

    /// <summary>Task ids are sbatch's &lt;array id&gt;_&lt;index&gt;: the dispatch script sends task i to script i.</summary>
    public SubmittedArray SubmitArray(BatchArrayRequest req, CancellationToken ct)
    {
        if (req.Tasks.Count == 0) throw new ArgumentException("A job array needs at least one task.", nameof(req));
        if (req.Throttle < 1) throw new ArgumentOutOfRangeException(nameof(req), req.Throttle, "The array throttle must be at least 1.");
        if (!DirectiveSafe.IsSafePath(req.JobName)) throw new ArgumentException($"Array name '{req.JobName}' must be a safe token.", nameof(req));
        string script = Path.Combine(req.ScriptDirectory, req.JobName + ".sh");
        SplitBatchScript.Write(script, ArrayDispatchScript.Render(req.Tasks, req.JobName, typeof(SlurmBatchSystem).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
        // Every option on the command line (no directives in the dispatch script); --chdir as an argument is safe
        // for any path, and the array's own log name is relative to it and made of the safe job name only
        // (Slurm expands % and \ in --output patterns).
        var args = new List<string>
        {
            "--parsable", "--chdir=" + req.ScriptDirectory,
            string.Create(CultureInfo.InvariantCulture, $"--array=0-{req.Tasks.Count - 1}%{req.Throttle}"),
            "--job-name=" + req.JobName,
            "--nodes=1", string.Create(CultureInfo.InvariantCulture, $"--ntasks={req.Cores}"), "--cpus-per-task=1",
            string.Create(CultureInfo.InvariantCulture, $"--mem={req.MemoryGB}G"), "--time=" + Time(req.WallTime),
            // The dispatch script sends each task's output to its workspace; this file only gets the script's own errors.
            "--output=" + req.JobName + ".%A.out", "--open-mode=append", "--export=ALL",
        };
        if (req.Partition is not null) args.Add("--partition=" + req.Partition);
        if (req.Account is not null) args.Add("--account=" + req.Account);
        AddDependency(args, req.DependsOn);
        args.Add(script);
        var result = Call("sbatch", args, req.ScriptDirectory, ct);
        if (result.ExitCode != 0)
            throw new SchedulerRequestException($"sbatch refused the job array: {result.Output} (command: {result.CommandLine})");
        var parts = result.StandardOutput.Trim().Split(';');
        string id = parts[0].Trim();
        if (!Regex.IsMatch(id, @"^\d+$")) throw new ExternalCommandException(result, "printed no array job id");
        var command = new[] { "sbatch" }.Concat(args).ToArray();
        string? cluster = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : ClusterName();
        string arrayLog = Path.Combine(req.ScriptDirectory, $"{req.JobName}.{id}.out");
        var tasks = req.Tasks.Select((t, i) =>
        {
            string taskId = string.Create(CultureInfo.InvariantCulture, $"{id}_{i}");
            string o = Path.Combine(t.WorkingDirectory, $"{t.LogBase}.{taskId}.out"), e = Path.Combine(t.WorkingDirectory, $"{t.LogBase}.{taskId}.err");
            return new SubmittedJob { JobId = taskId, Command = command, Cluster = cluster, StandardOutputPath = o, StandardErrorPath = e, LogFiles = new[] { o, e, arrayLog } };
        }).ToList();
        return new SubmittedArray { ArrayJobId = id, Tasks = tasks, Command = command, ScriptPath = script };
    }

    public JobStatus Query(string jobId, CancellationToken ct)
    {
        CheckId(jobId);
        // 1. squeue -t all: active jobs and jobs finished less than MinJobAge ago.
        var q = Call("squeue", new[] { "-h", "-j", jobId, "-t", "all", "-o", "%T|%r" }, null, ct);
        bool controllerDown = IsControllerDown(q);
        if (q.ExitCode == 0 && q.StandardOutput.Trim().Length > 0)
        {
            var fields = q.StandardOutput.Trim().Split('\n')[0].Split('|');
            var state = MapState(fields[0]);
            string? reason = fields.Length > 1 && fields[1] is not ("None" or "") ? fields[1] : null;
            // 2. scontrol for exit code, times and log paths.
            var detail = ScontrolShow(jobId, ct);
            if (detail is not null) return FromScontrol(jobId, detail, "squeue+scontrol");
            return new JobStatus { JobId = jobId, State = state, RawState = fields[0], Reason = reason, Source = "squeue" };
        }
        if (!controllerDown && q.ExitCode != 0 && !IsInvalidJobId(q))
            throw new ExternalCommandException(q, "failed");

        // 3. The controller forgot the job (MinJobAge) or is down: the accounting record, if any.
        var acct = Sacct(jobId, ct);
        if (acct is not null) return acct;
        if (controllerDown)
            throw new SchedulerUnavailableException("Slurm", $"{q.Output.Trim()} (command: {q.CommandLine})");
        return new JobStatus { JobId = jobId, State = JobState.Unknown, Reason = "not known to squeue or sacct", Source = "squeue+sacct" };
    }

    public IReadOnlyList<string> FindByName(string jobName, CancellationToken ct)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        // squeue -t all: active jobs and those finished less than MinJobAge ago.
        // %F: the array's id for array tasks (they all carry the array's name), the job id otherwise.
        var q = Call("squeue", new[] { "-h", "-t", "all", "--name=" + jobName, "-o", "%F" }, null, ct);
        if (IsControllerDown(q)) throw new SchedulerUnavailableException("Slurm", $"{q.Output.Trim()} (command: {q.CommandLine})");
        if (q.ExitCode != 0) throw new ExternalCommandException(q, "failed");
        foreach (var line in q.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)) ids.Add(line.Trim());
        // Older jobs: the accounting record (slurmdbd, else the jobcomp file: read directly when it is a text file,
        // because sacct -c lists array tasks under raw ids that are no job id VlassPS knows).
        bool jobComp = SlurmJobComp.FilePath() is not null;
        foreach (var rec in SlurmJobComp.Records())
            if (rec.GetValueOrDefault("Name") == jobName && JobIdPattern().IsMatch(SlurmJobComp.SubmissionIdOf(rec))) ids.Add(SlurmJobComp.SubmissionIdOf(rec));
        foreach (var pre in jobComp ? new[] { Array.Empty<string>() } : new[] { Array.Empty<string>(), new[] { "-c" } })
        {
            ProcessResult r;
            try { r = Call("sacct", pre.Concat(new[] { "-n", "-P", "-X", "-S", "2000-01-01", "--name=" + jobName, "-o", "JobID,JobName%400" }).ToArray(), null, ct); }
            catch (SchedulerUnavailableException) { continue; }
            if (r.ExitCode != 0) continue;
            // sacct -c ignores --name: compare the name on every line.
            foreach (var line in r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Trim().Split('|', 2);
                // An array task (123_4) or pending range (123_[5-9%2]) stands for its array (123): one submission, one id.
                string id = f[0].Split('_')[0];
                bool jobOrTask = JobIdPattern().IsMatch(f[0]), pendingRange = f[0].StartsWith(id + "_[", StringComparison.Ordinal);
                if (f.Length == 2 && f[1] == jobName && JobIdPattern().IsMatch(id) && (jobOrTask || pendingRange)) ids.Add(id);
            }
        }
        return ids.ToList();
    }

    public JobStatus Cancel(string jobId, TimeSpan verifyTimeout, CancellationToken ct)
    {
        var before = Query(jobId, ct);
        if (before.State == JobState.Unknown) throw new JobNotFoundException("Slurm", jobId);
        if (JobStates.IsFinal(before.State)) return before;
        var r = Call("scancel", new[] { jobId }, null, ct);
        if (IsControllerDown(r)) throw new SchedulerUnavailableException("Slurm", $"{r.Output.Trim()} (command: {r.CommandLine})");
        if (r.ExitCode != 0) throw new SchedulerRequestException($"scancel failed: {r.Output} (command: {r.CommandLine})");
        return WaitUntilGone(this, jobId, verifyTimeout, ct);
    }

    internal static JobStatus WaitUntilGone(IBatchSystem system, string jobId, TimeSpan verifyTimeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + verifyTimeout;
        while (true)
        {
            var s = system.Query(jobId, ct);
            if (!JobStates.IsLive(s.State)) return s;
            if (DateTime.UtcNow > deadline)
                throw new SchedulerRequestException($"Job {jobId} is still {s.State} {verifyTimeout.TotalSeconds:0} s after the cancel request.");
            ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(300));
            ct.ThrowIfCancellationRequested();
        }
    }

    private Dictionary<string, string>? ScontrolShow(string jobId, CancellationToken ct)
    {
        var r = Call("scontrol", new[] { "show", "job", "-o", jobId }, null, ct);
        if (r.ExitCode != 0 || r.StandardOutput.Trim().Length == 0) return null;
        return ParseScontrol(r.StandardOutput);
    }

    /// <summary>Splits on whitespace, then on the first '=' (keys hold ':' and '/', values '=').</summary>
    public static Dictionary<string, string> ParseScontrol(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = word.IndexOf('=');
            if (eq > 0 && !d.ContainsKey(word[..eq])) d[word[..eq]] = word[(eq + 1)..];
        }
        return d;
    }

    private static JobStatus FromScontrol(string jobId, Dictionary<string, string> d, string source)
    {
        string raw = d.GetValueOrDefault("JobState", "");
        var (exit, signal) = ParseExitCode(d.GetValueOrDefault("ExitCode"));
        string? reason = d.GetValueOrDefault("Reason");
        return new JobStatus
        {
            JobId = jobId,
            State = MapState(raw),
            RawState = raw,
            Reason = reason is null or "None" ? null : reason,
            ExitCode = JobStates.IsFinal(MapState(raw)) ? exit : null,
            Signal = JobStates.IsFinal(MapState(raw)) ? signal : null,
            StartTime = ParseTime(d.GetValueOrDefault("StartTime")),
            EndTime = JobStates.IsFinal(MapState(raw)) ? ParseTime(d.GetValueOrDefault("EndTime")) : null,
            // An array task's StdOut is the dispatch script's own log; the task writes to its workspace's logs.
            StandardOutputPath = jobId.Contains('_') ? null : NonEmpty(d.GetValueOrDefault("StdOut")),
            StandardErrorPath = jobId.Contains('_') ? null : NonEmpty(d.GetValueOrDefault("StdErr")),
            Source = source,
        };
    }

    private JobStatus? Sacct(string jobId, CancellationToken ct)
    {
        string[] fields = { "-n", "-P", "-j", jobId, "-o", "JobID,State,ExitCode,Start,End" };
        // Production clusters have slurmdbd; a test cluster only the jobcomp file (sacct -c).
        foreach (var args in new[] { fields, new[] { "-c" }.Concat(fields).ToArray() })
        {
            ProcessResult r;
            try { r = Call("sacct", args, null, ct); }
            catch (ExternalCommandTimeoutException) { continue; }
            if (r.ExitCode != 0) continue;
            foreach (var line in r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split('|');
                if (f.Length < 5 || !ReportsJob(f[0], jobId)) continue; // skip ID.batch / ID.extern steps
                var (exit, signal) = ParseExitCode(f[2]);
                var state = MapState(f[1]);
                return new JobStatus
                {
                    JobId = jobId, State = state, RawState = f[1], ExitCode = exit, Signal = signal,
                    StartTime = ParseTime(f[3]), EndTime = ParseTime(f[4]),
                    Source = args[0] == "-c" ? "sacct -c" : "sacct",
                };
            }
        }
        // Array tasks on a cluster without slurmdbd: sacct -c knows them only by raw id; the jobcomp file has both.
        if (jobId.Contains('_'))
        {
            foreach (var rec in SlurmJobComp.Records().Reverse())
            {
                if (SlurmJobComp.IdOf(rec) != jobId) continue;
                string raw = rec.GetValueOrDefault("JobState", "");
                var (exit, signal) = ParseExitCode(rec.GetValueOrDefault("ExitCode"));
                return new JobStatus
                {
                    JobId = jobId, State = MapState(raw), RawState = raw, ExitCode = exit, Signal = signal,
                    StartTime = ParseTime(rec.GetValueOrDefault("StartTime")), EndTime = ParseTime(rec.GetValueOrDefault("EndTime")), Source = "jobcomp",
                };
            }
        }
        return null;
    }

    /// <summary>
    /// True when a JobID that squeue/sacct printed stands for <paramref name="jobId"/>: the same id, or, for an array
    /// task 123_7, a pending range of its array such as 123_[5-9%2] or 123_[1,3,7-8] (tasks not yet started are
    /// listed that way, throttle after the %).
    /// </summary>
    public static bool ReportsJob(string reported, string jobId)
    {
        if (reported == jobId) return true;
        int us = jobId.IndexOf('_');
        if (us < 0 || !reported.StartsWith(jobId[..(us + 1)] + "[", StringComparison.Ordinal) || !reported.EndsWith(']')) return false;
        if (!long.TryParse(jobId[(us + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long task)) return false;
        string ranges = reported[(us + 2)..^1];
        int pct = ranges.IndexOf('%');
        if (pct >= 0) ranges = ranges[..pct];
        foreach (var part in ranges.Split(','))
        {
            var ends = part.Split('-');
            if (!long.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out long lo)) return false;
            long hi = lo;
            if (ends.Length == 2 && !long.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out hi)) return false;
            if (ends.Length > 2) return false;
            if (task >= lo && task <= hi) return true;
        }
        return false;
    }

    /// <summary>Slurm's words to ours. Prefix match: production sacct prints "CANCELLED by 1234".</summary>
    public static JobState MapState(string raw)
    {
        string s = raw.Trim().ToUpperInvariant();
        if (s.StartsWith("CANCELLED", StringComparison.Ordinal)) return JobState.Cancelled;
        return s switch
        {
            "PENDING" or "CONFIGURING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "RESV_DEL_HOLD" or "SUSPENDED" or "STOPPED" or "RESIZING" => JobState.Pending,
            "RUNNING" or "COMPLETING" or "SIGNALING" or "STAGE_OUT" => JobState.Running,
            "COMPLETED" => JobState.Completed,
            "FAILED" or "BOOT_FAIL" or "DEADLINE" or "PREEMPTED" or "SPECIAL_EXIT" or "REVOKED" => JobState.Failed,
            "TIMEOUT" => JobState.TimedOut,
            "OUT_OF_MEMORY" => JobState.OutOfMemory,
            "NODE_FAIL" => JobState.NodeFail,
            _ => JobState.Unknown,
        };
    }

    /// <summary>"status:signal" to its two numbers.</summary>
    public static (int? Exit, int? Signal) ParseExitCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var p = text.Split(':');
        int? a = int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int x) ? x : null;
        int? b = p.Length > 1 && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : null;
        return (a, b);
    }

    /// <summary>Slurm prints local times without a zone; "Unknown"/"None" are null.</summary>
    public static DateTimeOffset? ParseTime(string? text)
        => DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var t)
            ? new DateTimeOffset(t) : null;

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static void CheckId(string jobId)
    {
        if (!JobIdPattern().IsMatch(jobId))
            throw new ArgumentException($"'{jobId}' is not a Slurm job id (digits, optionally _task).", nameof(jobId));
    }

    private static bool IsControllerDown(ProcessResult r) => r.ExitCode != 0 &&
        (r.StandardError.Contains("Unable to contact slurm controller", StringComparison.OrdinalIgnoreCase) ||
         r.StandardError.Contains("Socket timed out", StringComparison.OrdinalIgnoreCase));

    private static bool IsInvalidJobId(ProcessResult r) => r.StandardError.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase);

    private ProcessResult Call(string program, IEnumerable<string> args, string? workDir, CancellationToken ct)
    {
        try
        {
            return ProcessRunner.Run(program, args, new ProcessOptions { Timeout = _timeout, WorkingDirectory = workDir }, ct);
        }
        catch (ExternalCommandTimeoutException ex)
        {
            throw new SchedulerUnavailableException("Slurm", ex.Message, ex);
        }
    }

    /// <summary>ClusterName from the slurm.conf the clients use, else null.</summary>
    private static string? ClusterName()
    {
        string conf = Environment.GetEnvironmentVariable("SLURM_CONF") ?? "/etc/slurm/slurm.conf";
        try
        {
            foreach (var line in File.ReadLines(conf))
            {
                var t = line.Trim();
                if (t.StartsWith("ClusterName=", StringComparison.OrdinalIgnoreCase)) return t["ClusterName=".Length..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>Slurm's d-hh:mm:ss, rounded up to whole minutes.</summary>
    public static string Time(TimeSpan t)
    {
        long minutes = (long)Math.Ceiling(t.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440}-{minutes % 1440 / 60:00}:{minutes % 60:00}:00");
    }
}
