using VlassPS.Core.Campaigns;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Workspace;

namespace VlassPS.Campaigns;

/// <summary>An imaging unit whose workspace exists and whose job should be submitted in this pass.</summary>
internal sealed record ReadyImaging(string Unit, ImagingWorkspace Workspace, BatchJobRequest Request);

/// <summary>
/// Imaging submission at scale: the units of one MS that need a job in this pass go in as one job array (one sbatch,
/// throttled, afterok on their split) when the scheduler has arrays (Slurm) and there are at least
/// <see cref="MinArrayTasks"/> of them; otherwise (PBS, Local, a single unit, or a throttle of 0 = arrays off) one job
/// per unit as before.
/// Same protocol as a single job: claim every task in one transaction under the array's key → submit under that
/// name → record each task's id (&lt;array id&gt;_&lt;index&gt;) in the ledger and in its workspace's vlassps.json.
/// </summary>
public sealed partial class CampaignPass
{
    public const int DefaultArrayThrottle = 50;
    /// <summary>Fewer units than this go in as plain jobs (an array of one is only a harder-to-read job id).</summary>
    public const int MinArrayTasks = 2;
    /// <summary>Slurm's default MaxArraySize is 1001 (indices 0–1000): bigger groups are split into several arrays.</summary>
    public const int MaxArrayTasks = 1000;

    private int _arrays;
    private readonly HashSet<string> _arraysSeen = new(StringComparer.Ordinal);

    private void SubmitImaging(string ms, List<ReadyImaging> ready)
    {
        if (ready.Count == 0) return;
        if (!_system.SupportsArrays || _s.ArrayThrottle < 1 || ready.Count < MinArrayTasks)
        {
            foreach (var r in ready)
                if (ClaimAndSubmit("Imaging", r.Unit, r.Request, r.Workspace) is not null) _imaging++;
            return;
        }
        foreach (var chunk in ready.Chunk(MaxArrayTasks)) SubmitArray(ms, chunk);
    }

    private void SubmitArray(string ms, IReadOnlyList<ReadyImaging> chunk)
    {
        var byUnit = chunk.ToDictionary(r => r.Unit, StringComparer.Ordinal);
        var claimed = _ledger.ClaimArray(ms, chunk.Select(r => r.Unit).ToList(), soFar =>
        {
            // Decided again inside the transaction: another pass may have claimed since we looked.
            var last = soFar.LastOrDefault();
            return last is null || NeedsRetry(last, soFar.Count);
        });
        if (claimed.Count == 0) return;
        var tasks = claimed.Select(c => byUnit[c.Unit]).ToList();
        var deps = tasks[0].Request.DependsOn; // one MS, one split: the same for every task
        var request = new BatchArrayRequest
        {
            Tasks = tasks.Select(t => new BatchArrayTask { ScriptPath = t.Request.ScriptPath, WorkingDirectory = t.Request.WorkingDirectory, LogBase = t.Request.LogBase }).ToList(),
            JobName = claimed[0].ArrayKey, ScriptDirectory = Path.Combine(_s.WorkRoot, "arrays"), Throttle = _s.ArrayThrottle, DependsOn = deps,
            Cores = tasks.Max(t => t.Workspace.Cores), MemoryGB = tasks.Max(t => t.Workspace.MemoryGB), WallTime = tasks.Max(t => t.Workspace.WallTime),
            Partition = _s.Partition, Account = _s.Account,
        };
        var array = _system.SubmitArray(request, _ct);
        TestPause();
        if (EnvSeconds("VLASSPS_CAMPAIGN_TEST_PAUSE_AFTER_ARRAY") is TimeSpan pause) _ct.WaitHandle.WaitOne(pause);
        for (int i = 0; i < tasks.Count; i++) AddToManifest(tasks[i].Workspace.Path, array.Tasks[i].JobId, tasks[i].Workspace, deps, array.Tasks[i]);
        _ledger.RecordArraySubmitted(claimed[0].ArrayKey, array.ArrayJobId);
        _imaging += tasks.Count;
        _arrays++;
        _host.Verbose($"{claimed[0].ArrayKey}: {tasks.Count} imaging job(s) submitted as {_s.Scheduler} array {array.ArrayJobId} (at most {_s.ArrayThrottle} at once).");
    }

    /// <summary>A claim without a job id that belongs to an array: the whole array is resolved at once, by the array's
    /// name (found → every task recorded as &lt;id&gt;_&lt;index&gt;; not found and old enough → every task's claim dropped).
    /// False when the claim is not an array task.</summary>
    private bool ResolveArrayClaim(CampaignJobAttempt a)
    {
        _unrecordedArrayTasks ??= _ledger.UnrecordedArrayTasks().GroupBy(t => t.ArrayKey).SelectMany(g => g.Select(t => (t.Key, Tasks: g.ToList()))).ToDictionary(x => x.Key, x => x.Tasks, StringComparer.Ordinal);
        if (!_unrecordedArrayTasks.TryGetValue(a.Key, out var tasks)) return false;
        string arrayKey = tasks[0].ArrayKey;
        if (!_arraysSeen.Add(arrayKey)) return true;
        if (DateTimeOffset.UtcNow - a.Claimed < ClaimGrace)
        {
            _host.Verbose($"{arrayKey}: array of {tasks.Count} claimed {a.Claimed:u}, not yet recorded; left for a later pass.");
            return true;
        }
        var found = _system.FindByName(arrayKey, _ct);
        if (found.Count == 0)
        {
            if (!_host.ShouldProcess(arrayKey, $"Drop the claim of an array of {tasks.Count} the scheduler never saw")) return true;
            _ledger.DropArrayClaim(arrayKey);
            _host.Verbose($"{arrayKey}: no job of that name; claims of {tasks.Count} task(s) dropped.");
            return true;
        }
        string id = found[0];
        if (found.Count > 1) _host.Warning($"{arrayKey}: {found.Count} jobs carry this name ({string.Join(", ", found)}); recording {id}.");
        if (!_host.ShouldProcess(arrayKey, $"Record array {id} found by name ({tasks.Count} task(s))")) return true;
        _ledger.RecordArraySubmitted(arrayKey, id);
        foreach (var t in tasks)
        {
            string taskId = FormattableString.Invariant($"{id}_{t.Index}");
            if (UnitWorkspace(t.Unit) is string path && WorkspaceManifestStore.Exists(path))
            {
                var ws = ImagingWorkspace.Load(path);
                string log = Path.Combine(ws.WorkingDirectory, BatchScriptWriter.LogBase(Path.GetFileName(ws.BatchScript)) + "." + taskId);
                AddToManifest(path, taskId, ws, Array.Empty<string>(), new SubmittedJob
                {
                    JobId = taskId, Command = Array.Empty<string>(), StandardOutputPath = log + ".out", StandardErrorPath = log + ".err", LogFiles = new[] { log + ".out", log + ".err" },
                });
            }
            _recovered++;
        }
        _host.Verbose($"{arrayKey}: recovered array {id} ({tasks.Count} task(s)) by name.");
        return true;
    }

    private Dictionary<string, List<CampaignArrayTask>>? _unrecordedArrayTasks;
}
