using System.Globalization;
using VlassPS.Core.Catalog;
using VlassPS.Core.Processes;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>
/// Runs a batch script on this machine without any scheduler: a fixed launcher (bash, started detached
/// through <c>setsid -f</c> by the process runner) records its PID, waits for dependencies, enforces the
/// wall time and writes the exit code into a per-job state folder &lt;root&gt;/&lt;job id&gt;/
/// (pid, start, end, exit, out, cancelled, timedout). States are read back from those files, so a
/// new session (or cron) sees them too.
/// </summary>
public sealed class LocalBatchSystem : IBatchSystem
{
    public const string IdPrefix = "local-";

    // Positional arguments only: no user text is ever parsed by a shell.
    private const string Launcher = """
        set -u
        state=$1; script=$2; workdir=$3; limit=$4; shift 4
        exec </dev/null >>"$state/out" 2>&1
        echo $$ >"$state/pid.tmp" && mv -f "$state/pid.tmp" "$state/pid"
        finish() { echo "$1" >"$state/exit.tmp" && mv -f "$state/exit.tmp" "$state/exit"; }
        for dep in "$@"; do
          while [ ! -s "$dep/exit" ] && [ ! -e "$dep/cancelled" ] && [ ! -e "$dep/timedout" ]; do
            if [ -s "$dep/pid" ] && ! kill -0 "$(cat "$dep/pid")" 2>/dev/null && [ ! -s "$dep/exit" ]; then break; fi
            sleep 1
          done
          if [ "$(cat "$dep/exit" 2>/dev/null)" != 0 ]; then
            echo "vlassps-local: dependency ${dep##*/} did not complete successfully; not starting"
            finish dependency; exit 0
          fi
        done
        date -u +%Y-%m-%dT%H:%M:%SZ >"$state/start"
        if [ "$limit" -gt 0 ]; then
          ( sleep "$limit"; : >"$state/timedout"; echo "vlassps-local: time limit of $limit s reached"; kill -TERM -- -$$ ) &
          watchdog=$!
        fi
        cd -- "$workdir" && bash -- "$script"
        rc=$?
        [ -n "${watchdog:-}" ] && kill "$watchdog" 2>/dev/null
        date -u +%Y-%m-%dT%H:%M:%SZ >"$state/end"
        finish "$rc"
        """;

    private readonly string _root;

    public LocalBatchSystem(string stateRoot) => _root = stateRoot;

    /// <summary>&lt;VlassPS data folder&gt;/local-jobs.</summary>
    public static string DefaultStateRoot() => Path.Combine(VlassDirectories.DataDirectory(), "local-jobs");

    public BatchScheduler Kind => BatchScheduler.Local;

    public IReadOnlyList<string> Directives(BatchScriptHeader header) => Array.Empty<string>();

    public string SubmitHint(BatchScriptHeader header) => "# Run with: bash <this script>";

    public string SubmitCommandText(string scriptPath) => "bash " + ShellQuote.Quote(scriptPath);

    public void ValidateMailType(string mailType) =>
        throw new ArgumentException("A local run sends no mail; leave -MailType unset.", nameof(BatchResources.MailType));

    public SubmittedJob Submit(BatchJobRequest req, CancellationToken ct)
    {
        string id = IdPrefix + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        string state = StateDirectory(id);
        Directory.CreateDirectory(state);
        if (req.JobName is not null) File.WriteAllText(Path.Combine(state, "name"), req.JobName);
        var deps = req.DependsOn.Select(d => StateDirectory(CheckId(d))).ToList();
        foreach (var d in deps)
            if (!Directory.Exists(d)) throw new JobNotFoundException("Local", Path.GetFileName(d));
        long limit = (req.WallTime ?? req.ScriptWallTime) is TimeSpan t ? (long)Math.Ceiling(t.TotalSeconds) : 0;
        var args = new List<string> { "-f", "bash", "-c", Launcher, "vlassps-local", state, req.ScriptPath, req.WorkingDirectory, limit.ToString(CultureInfo.InvariantCulture) };
        args.AddRange(deps);
        ProcessRunner.Run("setsid", args, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30), WorkingDirectory = req.WorkingDirectory }, ct).EnsureSuccess();
        // The launcher writes its PID first thing; its absence means it never started.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(Path.Combine(state, "pid")))
        {
            if (DateTime.UtcNow > deadline) throw new SchedulerRequestException($"The local launcher for {req.ScriptPath} did not start (no {state}/pid after 10 s).");
            Thread.Sleep(50);
        }
        return new SubmittedJob
        {
            JobId = id,
            Command = new[] { "setsid", "-f", "bash", "-c", "<vlassps-local launcher>", "vlassps-local", state, req.ScriptPath, req.WorkingDirectory, limit.ToString(CultureInfo.InvariantCulture) }.Concat(deps).ToArray(),
            Cluster = Environment.MachineName,
            StandardOutputPath = Path.Combine(state, "out"),
            StandardErrorPath = Path.Combine(state, "out"),
            LogFiles = new[] { Path.Combine(state, "out") },
        };
    }

    /// <summary>No arrays: every script is its own local job (the launcher already waits for dependencies).</summary>
    public bool SupportsArrays => false;

    public SubmittedArray SubmitArray(BatchArrayRequest request, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{Kind} job arrays are not supported by VlassPS; submit each script on its own.");

    public JobStatus Query(string jobId, CancellationToken ct)
    {
        string state = StateDirectory(CheckId(jobId));
        if (!Directory.Exists(state))
            return new JobStatus { JobId = jobId, State = JobState.Unknown, Reason = $"no state folder {state}", Source = "local" };
        string? Read(string name) { try { return File.ReadAllText(Path.Combine(state, name)).Trim(); } catch (IOException) { return null; } }
        var start = ParseTime(Read("start"));
        var end = ParseTime(Read("end"));
        string log = Path.Combine(state, "out");
        JobStatus S(JobState s, string raw, int? exit = null, int? signal = null, string? reason = null) => new()
        {
            JobId = jobId, State = s, RawState = raw, ExitCode = exit, Signal = signal, Reason = reason,
            StartTime = start, EndTime = end ?? (JobStates.IsFinal(s) ? LastWrite(state) : null),
            StandardOutputPath = log, StandardErrorPath = log, Source = "local",
        };

        if (File.Exists(Path.Combine(state, "cancelled"))) return S(JobState.Cancelled, "cancelled", signal: 15);
        if (File.Exists(Path.Combine(state, "timedout"))) return S(JobState.TimedOut, "timedout", signal: 15, reason: "TimeLimit");
        string? exitText = Read("exit");
        if (exitText == "dependency") return S(JobState.Cancelled, "dependency", reason: "DependencyNeverSatisfied");
        if (int.TryParse(exitText, NumberStyles.None, CultureInfo.InvariantCulture, out int rc))
            return rc == 0 ? S(JobState.Completed, "0", 0, 0)
                : rc > 128 ? S(JobState.Failed, rc.ToString(CultureInfo.InvariantCulture), rc, rc - 128)
                : S(JobState.Failed, rc.ToString(CultureInfo.InvariantCulture), rc, 0, "NonZeroExitCode");
        if (int.TryParse(Read("pid"), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            if (IsAlive(pid)) return start is null ? S(JobState.Pending, "waiting", reason: "Dependency") : S(JobState.Running, "running");
            return S(JobState.Failed, "vanished", reason: "the launcher died without recording an exit code (killed or machine restarted)");
        }
        return S(JobState.Pending, "starting");
    }

    /// <summary>The state folders whose name file (written at submit) holds this name.</summary>
    public IReadOnlyList<string> FindByName(string jobName, CancellationToken ct)
    {
        if (!Directory.Exists(_root)) return Array.Empty<string>();
        return Directory.EnumerateDirectories(_root)
            .Where(d => File.Exists(Path.Combine(d, "name")) && File.ReadAllText(Path.Combine(d, "name")) == jobName)
            .Select(d => Path.GetFileName(d)!).OrderBy(x => x, StringComparer.Ordinal).ToList();
    }

    public JobStatus Cancel(string jobId, TimeSpan verifyTimeout, CancellationToken ct)
    {
        var before = Query(jobId, ct);
        if (before.State == JobState.Unknown) throw new JobNotFoundException("Local", jobId);
        if (!JobStates.IsLive(before.State)) return before;
        string state = StateDirectory(jobId);
        File.WriteAllText(Path.Combine(state, "cancelled"), DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        int pid = int.Parse(File.ReadAllText(Path.Combine(state, "pid")).Trim(), CultureInfo.InvariantCulture);
        // setsid made the launcher a process-group leader: the group is the job.
        ProcessRunner.Run("kill", new[] { "-TERM", "--", "-" + pid.ToString(CultureInfo.InvariantCulture) }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(10) }, ct);
        var deadline = DateTime.UtcNow + verifyTimeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                ProcessRunner.Run("kill", new[] { "-KILL", "--", "-" + pid.ToString(CultureInfo.InvariantCulture) }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(10) }, ct);
                break;
            }
            Thread.Sleep(100);
        }
        return Query(jobId, ct);
    }

    private string StateDirectory(string id) => Path.Combine(_root, id);

    private static string CheckId(string id)
    {
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException($"'{id}' is not a local job id (local-<time>-<hex>).", nameof(id));
        return id;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] != 'Z';
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return true; }
    }

    private static DateTimeOffset? ParseTime(string? s)
        => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static DateTimeOffset? LastWrite(string dir)
    {
        try { return new DateTimeOffset(Directory.EnumerateFiles(dir).Max(File.GetLastWriteTimeUtc), TimeSpan.Zero); }
        catch (InvalidOperationException) { return null; }
    }
}
