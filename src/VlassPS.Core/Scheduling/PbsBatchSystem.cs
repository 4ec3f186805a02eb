using System.Globalization;
using System.Text.RegularExpressions;
using VlassPS.Core.Processes;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>
/// PBS/Torque: #PBS directives, <c>qsub</c> from the working folder (Torque resolves #PBS -o there),
/// state from <c>qstat -f</c>, <c>qdel</c> verified by a query. Torque prints ids as 13.server; the
/// slurm-wlm-torque wrappers print 13 and have no exit_status line (then the exit code comes from
/// Slurm's scontrol/sacct when those exist). See docs/schedulers.md for the differences.
/// </summary>
public sealed partial class PbsBatchSystem : IBatchSystem
{
    private readonly TimeSpan _timeout;

    public PbsBatchSystem(TimeSpan commandTimeout) => _timeout = commandTimeout;

    public BatchScheduler Kind => BatchScheduler.Pbs;

    [GeneratedRegex(@"^(n|[abe]{1,3})$")]
    private static partial Regex MailTypes();
    [GeneratedRegex(@"^\d+(\[\d*\])?(\.[A-Za-z0-9.-]+)?$")]
    private static partial Regex JobIdPattern();

    public void ValidateMailType(string mailType)
    {
        if (!MailTypes().IsMatch(mailType))
            throw new ArgumentException($"PBS mail option '{mailType}' must be 'n' or letters from 'abe'.", nameof(BatchResources.MailType));
    }

    public IReadOnlyList<string> Directives(BatchScriptHeader h)
    {
        var r = h.Resources;
        var lines = new List<string>
        {
            $"#PBS -N {h.JobName}",
            string.Create(CultureInfo.InvariantCulture, $"#PBS -l nodes=1:ppn={r.Cores}"),
            string.Create(CultureInfo.InvariantCulture, $"#PBS -l mem={r.MemoryGB}gb"),
            $"#PBS -l walltime={Time(h.WallTime)}",
        };
        if (r.Partition is not null) lines.Add($"#PBS -q {r.Partition}");
        if (r.Account is not null) lines.Add($"#PBS -A {r.Account}");
        if (r.MailUser is not null)
        {
            lines.Add($"#PBS -m {r.MailType ?? "ae"}");
            lines.Add($"#PBS -M {r.MailUser}");
        }
        lines.Add($"#PBS -o {h.LogBase}.out");
        lines.Add("#PBS -j oe");
        lines.Add("#PBS -V");
        return lines;
    }

    public string SubmitHint(BatchScriptHeader h) => "# Submit from the working folder: qsub <this script>";

    public string SubmitCommandText(string scriptPath) => "qsub " + ShellQuote.Quote(scriptPath);

    public SubmittedJob Submit(BatchJobRequest req, CancellationToken ct)
    {
        var args = new List<string>();
        if (req.Partition is not null) args.AddRange(new[] { "-q", req.Partition });
        var limits = new List<string>();
        if (req.Cores is int c) limits.Add(string.Create(CultureInfo.InvariantCulture, $"nodes=1:ppn={c}"));
        if (req.MemoryGB is int m) limits.Add(string.Create(CultureInfo.InvariantCulture, $"mem={m}gb"));
        if (req.WallTime is TimeSpan t) limits.Add("walltime=" + Time(t));
        if (limits.Count > 0) args.AddRange(new[] { "-l", string.Join(',', limits) });
        if (req.Account is not null) args.AddRange(new[] { "-A", req.Account });
        if (req.JobName is not null) args.AddRange(new[] { "-N", req.JobName });
        if (req.DependsOn.Count > 0)
        {
            foreach (var d in req.DependsOn) CheckId(d);
            args.AddRange(new[] { "-W", "depend=afterok:" + string.Join(':', req.DependsOn) });
        }
        args.Add(req.ScriptPath);
        var r = Call("qsub", args, req.WorkingDirectory, ct);
        if (r.ExitCode != 0) throw new SchedulerRequestException($"qsub refused the job: {r.Output} (command: {r.CommandLine})");
        string id = r.StandardOutput.Trim().Split('\n')[^1].Trim();
        if (!JobIdPattern().IsMatch(id)) throw new ExternalCommandException(r, "printed no job id");
        string script = Path.GetFileName(req.ScriptPath);
        string number = id.Split('.')[0];
        return new SubmittedJob
        {
            JobId = id,
            Command = new[] { "qsub" }.Concat(args).ToArray(),
            Cluster = id.Contains('.') ? id[(id.IndexOf('.') + 1)..] : null,
            // Torque honours #PBS -o (with -j oe: one file); the Slurm wrappers ignore it and write <script>.o<id>/.e<id>.
            StandardOutputPath = Path.Combine(req.WorkingDirectory, $"{req.LogBase}.out"),
            StandardErrorPath = Path.Combine(req.WorkingDirectory, $"{req.LogBase}.out"),
            LogFiles = new[]
            {
                Path.Combine(req.WorkingDirectory, $"{req.LogBase}.out"),
                Path.Combine(req.WorkingDirectory, $"{script}.o{number}"),
                Path.Combine(req.WorkingDirectory, $"{script}.e{number}"),
            },
        };
    }

    /// <summary>No arrays: the slurm-wlm-torque wrappers accept -t/-J but qstat -f knows no task id (it lists tasks under
    /// raw ids), and Torque (PBS_ARRAYID, 13[4].server) and PBS Pro (PBS_ARRAY_INDEX, -J) differ; per-task records
    /// could not be kept, so campaigns submit one job per script (see docs/schedulers.md).</summary>
    public bool SupportsArrays => false;

    public SubmittedArray SubmitArray(BatchArrayRequest request, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{Kind} job arrays are not supported by VlassPS; submit each script on its own.");

    public JobStatus Query(string jobId, CancellationToken ct)
    {
        CheckId(jobId);
        var r = Call("qstat", new[] { "-f", jobId }, null, ct);
        if (r.ExitCode != 0 || r.StandardOutput.Trim().Length == 0)
        {
            if (r.Output.Contains("Unable to contact", StringComparison.OrdinalIgnoreCase) || r.Output.Contains("cannot connect", StringComparison.OrdinalIgnoreCase))
                throw new SchedulerUnavailableException("PBS", $"{r.Output} (command: {r.CommandLine})");
            return new JobStatus { JobId = jobId, State = JobState.Unknown, Reason = $"qstat: {r.Output.Trim()}", Source = "qstat" };
        }
        var f = ParseQstat(r.StandardOutput);
        string raw = f.GetValueOrDefault("job_state", "");
        int? exit = int.TryParse(f.GetValueOrDefault("exit_status"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int e) ? e : null;
        var state = raw switch
        {
            "Q" or "H" or "W" or "T" or "S" => JobState.Pending,
            "R" or "E" => JobState.Running,
            "C" or "F" => exit is null ? JobState.Completed : exit == 0 ? JobState.Completed : JobState.Failed,
            _ => JobState.Unknown,
        };
        var status = new JobStatus
        {
            JobId = jobId, State = state, RawState = raw, ExitCode = exit, Source = "qstat -f",
            StandardOutputPath = f.GetValueOrDefault("Output_Path") is string o ? o[(o.IndexOf(':') + 1)..] : null,
        };
        // The slurm-wlm-torque wrappers print no exit_status: ask Slurm itself for how the job ended.
        if (raw is "C" or "F" && exit is null && ProgramOnPath("scontrol"))
        {
            try
            {
                var s = new SlurmBatchSystem(_timeout).Query(jobId.Split('.')[0], ct);
                if (s.State != JobState.Unknown)
                    return new JobStatus
                    {
                        JobId = jobId, State = s.State, RawState = raw, ExitCode = s.ExitCode, Signal = s.Signal, Reason = s.Reason,
                        StartTime = s.StartTime, EndTime = s.EndTime, Source = "qstat -f+" + s.Source,
                    };
            }
            catch (Exception ex) when (ex is ArgumentException or ExternalCommandException or SchedulerUnavailableException) { }
        }
        return status;
    }

    /// <summary>qselect -N: jobs the server still holds under that name (finished ones only while it keeps them).</summary>
    public IReadOnlyList<string> FindByName(string jobName, CancellationToken ct)
    {
        var r = Call("qselect", new[] { "-N", jobName, "-x" }, null, ct);
        if (r.ExitCode != 0) r = Call("qselect", new[] { "-N", jobName }, null, ct);
        if (r.ExitCode != 0) throw new ExternalCommandException(r, "failed");
        return r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
    }

    public JobStatus Cancel(string jobId, TimeSpan verifyTimeout, CancellationToken ct)
    {
        var before = Query(jobId, ct);
        if (before.State == JobState.Unknown) throw new JobNotFoundException("PBS", jobId);
        if (JobStates.IsFinal(before.State)) return before;
        var r = Call("qdel", new[] { jobId }, null, ct);
        if (r.ExitCode != 0) throw new SchedulerRequestException($"qdel failed: {r.Output} (command: {r.CommandLine})");
        return SlurmBatchSystem.WaitUntilGone(this, jobId, verifyTimeout, ct);
    }

    /// <summary>qstat -f: "Job Id: 13" then "    key = value" lines (continuation lines are tab-indented).</summary>
    public static Dictionary<string, string> ParseQstat(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            int eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq <= 0) continue;
            string key = line[..eq].Trim();
            if (key.Length > 0 && !d.ContainsKey(key)) d[key] = line[(eq + 3)..].Trim();
        }
        return d;
    }

    private static string Time(TimeSpan t)
    {
        long minutes = (long)Math.Ceiling(t.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}:00");
    }

    private static void CheckId(string jobId)
    {
        if (!JobIdPattern().IsMatch(jobId))
            throw new ArgumentException($"'{jobId}' is not a PBS job id (like 13 or 13.server).", nameof(jobId));
    }

    private static bool ProgramOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, name)));

    private ProcessResult Call(string program, IEnumerable<string> args, string? workDir, CancellationToken ct)
    {
        try { return ProcessRunner.Run(program, args, new ProcessOptions { Timeout = _timeout, WorkingDirectory = workDir }, ct); }
        catch (ExternalCommandTimeoutException ex) { throw new SchedulerUnavailableException("PBS", ex.Message, ex); }
    }
}
