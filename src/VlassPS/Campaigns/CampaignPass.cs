using System.Globalization;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Workspace;

namespace VlassPS.Campaigns;

/// <summary>What one pass needs to know: targets, folders, scheduler and limits.</summary>
public sealed class CampaignPassSettings
{
    public required string WorkRoot { get; init; }
    public required string DataDirectory { get; init; }
    public required IReadOnlyList<VlassTarget> Targets { get; init; }
    public BatchScheduler Scheduler { get; init; } = BatchScheduler.Slurm;
    public required CasaLocation Casa { get; init; }
    public double ScienceSizeArcsec { get; init; } = 500;
    /// <summary>Per-target science size (a campaign file's overrides); others use <see cref="ScienceSizeArcsec"/>.</summary>
    public IReadOnlyDictionary<string, double> ScienceSizeByTarget { get; init; } = new Dictionary<string, double>();
    public double SizeFor(VlassTarget t) => ScienceSizeByTarget.TryGetValue(t.Name, out double s) ? s : ScienceSizeArcsec;
    public int MaxAttempts { get; init; } = 3;
    public TimeSpan SplitWallTime { get; init; } = SplitBatchScript.DefaultWallTime;
    public string? Partition { get; init; }
    public string? Account { get; init; }
    /// <summary>At most this many tasks of one job array run at once (Slurm's --array=…%N).</summary>
    public int ArrayThrottle { get; init; } = CampaignPass.DefaultArrayThrottle;
    /// <summary>The campaign plan (Get-VlassCampaignPlan's rows for these targets): which EB is which epoch and serves
    /// which targets. Null when no survey table was at hand: each MS is then identified by its own metadata.</summary>
    public IReadOnlyList<CampaignPlanEntry>? Plan { get; init; }
    /// <summary>Per-target campaign settings (the flux check after completion reads them).</summary>
    public IReadOnlyDictionary<string, CampaignSettings> CampaignSettingsByTarget { get; init; } = new Dictionary<string, CampaignSettings>();
}

/// <summary>The cmdlet's side of a pass: confirmation, workspace creation (the module's own cmdlets), messages.</summary>
public interface ICampaignHost
{
    bool ShouldProcess(string target, string action);
    /// <summary>Creates (or returns the existing) imaging workspace for a target on a split MS under root.</summary>
    ImagingWorkspace EnsureWorkspace(VlassTarget target, string measurementSet, string root);
    void Progress(string activity, string status, int percent);
    void Verbose(string text);
    void Warning(string text);
}

/// <summary>
/// One reconciliation pass: the ledger's desired state (targets, MSs in the data directory) against what exists
/// (workspaces and their vlassps.json, the scheduler), advancing every unit as far as it can. Idempotent:
/// a claimed-but-unrecorded submission is resolved by job name before anything is submitted again.
/// </summary>
public sealed partial class CampaignPass
{
    private readonly CampaignLedger _ledger;
    private readonly CampaignPassSettings _s;
    private readonly ICampaignHost _host;
    private readonly IBatchSystem _system;
    private readonly CancellationToken _ct;
    private int _splits, _imaging, _recovered;

    /// <summary>Claims younger than this are left alone: the submit command of a pass that just died may still be running.</summary>
    public static TimeSpan ClaimGrace => EnvSeconds("VLASSPS_CAMPAIGN_CLAIM_GRACE") ?? TimeSpan.FromMinutes(2);
    /// <summary>A lease whose holder is on another host counts as abandoned after this long without a heartbeat.</summary>
    public static readonly TimeSpan LeaseStaleAfter = TimeSpan.FromMinutes(15);

    public CampaignPass(CampaignLedger ledger, CampaignPassSettings settings, ICampaignHost host, CancellationToken ct)
    {
        _ledger = ledger; _s = settings; _host = host; _ct = ct;
        _system = BatchSystems.For(settings.Scheduler);
    }

    public CampaignSummary Run(bool takeLease)
    {
        if (takeLease)
        {
            string? holder = _ledger.TryAcquireLease(LeaseStaleAfter);
            if (holder is not null)
            {
                _host.Warning($"Another pass is advancing this campaign ({holder}); this one did nothing. Run again later.");
                return CampaignStatus.Summarize(_ledger, busy: true, _s.MaxAttempts);
            }
        }
        try
        {
            _ledger.MaxAttempts = _s.MaxAttempts;
            foreach (var t in _s.Targets) _ledger.UpsertTarget(t.Name, t.Position!.ToString());
            Refresh();
            Discover();
            var units = _ledger.Units();
            var byMs = units.GroupBy(u => u.Ms).ToList();
            int done = 0;
            foreach (var group in byMs)
            {
                _ct.ThrowIfCancellationRequested();
                _host.Progress("Invoke-VlassCampaign", $"{Path.GetFileName(group.Key)}: split and {group.Count()} imaging job(s)", 100 * done++ / Math.Max(1, byMs.Count));
                var split = AdvanceSplit(group.Key, group.Select(u => u.Target).ToList());
                var ready = new List<ReadyImaging>();
                foreach (var u in group) AdvanceImaging(u.Unit, u.Workspace, split, ready);
                SubmitImaging(group.Key, ready);
                if (takeLease) _ledger.Heartbeat();
            }
        }
        finally
        {
            if (takeLease) _ledger.ReleaseLease();
        }
        var summary = CampaignStatus.Summarize(_ledger, busy: false, _s.MaxAttempts);
        return new CampaignSummary
        {
            Ledger = summary.Ledger, Targets = summary.Targets, Units = summary.Units, States = summary.States, Submitted = summary.Submitted,
            SplitsSubmitted = _splits, ImagingSubmitted = _imaging, Recovered = _recovered, ArraysSubmitted = _arrays,
        };
    }

    // 1. What exists: live jobs' states, claims without a job id.
    private void Refresh()
    {
        foreach (var a in _ledger.AllAttempts())
        {
            _ct.ThrowIfCancellationRequested();
            if (a.JobId is null) { ResolveClaim(a); continue; }
            if (a.State is "Completed" || IsFinalState(a.State)) continue;
            JobStatus status;
            try { status = Query(a); }
            catch (SchedulerUnavailableException ex) { _host.Warning($"{a.Key}: state not refreshed ({ex.Message})."); continue; }
            if (status.State == JobState.Unknown) continue;
            string? reason = JobStates.IsFinal(status.State) && status.State != JobState.Completed ? FailureReason(status) : null;
            _ledger.RecordState(a.Key, status.State.ToString(), reason, JobStates.IsFinal(status.State));
        }
    }

    private JobStatus Query(CampaignJobAttempt a)
    {
        if (a.Kind == "Imaging" && UnitWorkspace(a.Subject) is string ws && WorkspaceManifestStore.Exists(ws))
        {
            // The workspace manifest is the truth for its jobs: refresh through it so both agree.
            var rec = WorkspaceManifestStore.Read(ws).Jobs.LastOrDefault(j => j.JobId == a.JobId)
                      ?? new JobRecord { Kind = "Imaging", Scheduler = _s.Scheduler.ToString(), JobId = a.JobId!, State = JobState.Pending };
            var r = JobTracker.Refresh(ws, rec, _ct);
            return new JobStatus { JobId = r.JobId, State = r.State, RawState = r.RawState ?? "", Reason = r.Reason, ExitCode = r.ExitCode, Source = "manifest" };
        }
        return _system.Query(a.JobId!, _ct);
    }

    private static string FailureReason(JobStatus s)
        => string.Create(CultureInfo.InvariantCulture, $"{s.State}{(s.ExitCode is int e ? $" (exit {e})" : "")}{(s.Reason is string r ? ": " + r : "")}");

    /// <summary>A claim without a job id: the pass that made it died between claim and record. Ask the scheduler
    /// for a job of that name; found → record it; not found (and old enough) → drop the claim.</summary>
    private void ResolveClaim(CampaignJobAttempt a)
    {
        if (ResolveArrayClaim(a)) return;
        if (DateTimeOffset.UtcNow - a.Claimed < ClaimGrace)
        {
            _host.Verbose($"{a.Key}: claimed {a.Claimed:u}, not yet recorded; left for a later pass.");
            return;
        }
        var found = _system.FindByName(a.Key, _ct);
        if (found.Count > 0)
        {
            string id = found[0];
            if (found.Count > 1) _host.Warning($"{a.Key}: {found.Count} jobs carry this name ({string.Join(", ", found)}); recording {id}.");
            if (!_host.ShouldProcess(a.Key, $"Record job {id} found by name")) return;
            _ledger.RecordSubmitted(a.Key, id);
            if (a.Kind == "Imaging" && UnitWorkspace(a.Subject) is string ws && WorkspaceManifestStore.Exists(ws))
                AddToManifest(ws, id, ImagingWorkspace.Load(ws), Array.Empty<string>());
            _recovered++;
            _host.Verbose($"{a.Key}: recovered job {id} by name.");
        }
        else
        {
            if (!_host.ShouldProcess(a.Key, "Drop a claim the scheduler never saw")) return;
            _ledger.DropClaim(a.Key);
            _host.Verbose($"{a.Key}: no job of that name; claim dropped.");
        }
    }

    // 2. What should exist: each MS in the data directory identified by the plan (else by its own metadata, else by
    //    its folder name), the targets it serves; plan rows with no MS yet are recorded as awaiting data.
    private void Discover()
    {
        var index = new CampaignDataIndex(_s.Plan ?? []);
        var present = new HashSet<string>(StringComparer.Ordinal);
        var byName = _s.Targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (!Directory.Exists(_s.DataDirectory)) _host.Warning($"Data directory '{_s.DataDirectory}' does not exist yet; no MS to split.");
        var mss = Directory.Exists(_s.DataDirectory) ? Directory.EnumerateDirectories(_s.DataDirectory, "*.ms").OrderBy(p => p, StringComparer.Ordinal).ToList() : [];
        int i = 0;
        foreach (var ms in mss)
        {
            _ct.ThrowIfCancellationRequested();
            _host.Progress("Invoke-VlassCampaign", $"Reading {Path.GetFileName(ms)}", 100 * i++ / Math.Max(1, mss.Count));
            MeasurementSetInfo info;
            try { info = MeasurementSetInfo.Read(ms, _ct); }
            catch (Exception ex) when (ex is CasaTableException or IOException or InvalidDataException)
            {
                _host.Warning($"{ms}: not a readable measurement set ({ex.Message}); skipped.");
                continue;
            }
            var match = index.Identify(Path.GetFileName(ms), () => MeasurementSetIdentity.Read(info));
            if (match.ExecutionBlock is string eb) present.Add(eb);
            string how = $"{Path.GetFileName(ms)}: epoch {match.Epoch} from the {match.Source switch { MeasurementSetIdentitySource.Plan => "plan", MeasurementSetIdentitySource.Metadata => "MS's own metadata", _ => "folder name" }}: {match.Reason}.";
            if (match.Source == MeasurementSetIdentitySource.Plan || (match.Source == MeasurementSetIdentitySource.Metadata && _s.Plan is null)) _host.Verbose(how);
            else _host.Warning(how);
            var candidates = match.PlannedTargets is { } names ? names.Where(byName.ContainsKey).Select(n => byName[n]) : _s.Targets;
            var served = new List<(string Unit, string Target, string Epoch, string Workspace)>();
            foreach (var t in candidates)
            {
                var sel = FieldSelector.Select(info, t.Position!, _s.SizeFor(t));
                if (sel.Fields.Count == 0)
                {
                    if (match.PlannedTargets is not null) _host.Warning($"{Path.GetFileName(ms)}: the plan says it serves {t.Name}, but it has no field within its science region.");
                    continue;
                }
                if (index.MeasurementSetsNeeded(t.Name, match.Epoch) is int n and > 1)
                    _host.Warning($"{t.Name} {match.Epoch}: the plan needs {n} MSs for its region; the campaign images it from one of them only (joint imaging of several MSs is not done yet).");
                served.Add((UnitKey(t.Name, match.Epoch), t.Name, match.Epoch, Path.Combine(_s.WorkRoot, "imaging", SplitScript.SafeFileName(match.Epoch), t.Id)));
            }
            if (served.Count > 0) _ledger.UpsertSplit(Path.GetFullPath(ms), served.Select(u => u.Target), served);
        }
        if (_s.Plan is null) return;
        var units = _ledger.Units().Select(u => (u.Target, u.Epoch)).ToHashSet();
        _ledger.ReplaceAwaiting(index.Awaiting(present, (target, epoch) => units.Contains((target, epoch))));
    }

    public static string UnitKey(string target, string epoch) => target + "@" + epoch;

    private string? UnitWorkspace(string unit) => _ledger.UnitWorkspace(unit);

    // 3. One split job per MS, covering every target it serves.
    private CampaignJobAttempt? AdvanceSplit(string ms, IReadOnlyList<string> targets)
    {
        var latest = _ledger.Attempts("Split", ms).LastOrDefault();
        if (latest is not null && !NeedsRetry(latest, _ledger.Attempts("Split", ms).Count)) return latest;
        string dir = Path.Combine(_s.WorkRoot, "splits", SplitScript.SafeFileName(Path.GetFileNameWithoutExtension(ms)));
        string script = Path.Combine(dir, "split.py");
        if (!_host.ShouldProcess(ms, $"Write {script} and submit a split job for {targets.Count} target(s) to {_s.Scheduler}")) return latest;
        MeasurementSetInfo info;
        try { info = MeasurementSetInfo.Read(ms, _ct); }
        catch (Exception ex) when (ex is CasaTableException or IOException or InvalidDataException)
        {
            // A ledger row whose MS has since gone (moved, deleted, unreadable): say so, keep the row, go on.
            _host.Warning($"{ms}: not readable any more ({ex.Message}); its split is not submitted.");
            return latest;
        }
        var jobs = new List<SplitJob>();
        foreach (var name in targets)
        {
            var t = _s.Targets.First(x => x.Name == name);
            var sel = FieldSelector.Select(info, t.Position!, _s.SizeFor(t));
            jobs.Add(new SplitJob
            {
                MeasurementSet = ms, OutputVis = SplitOutput(ms, t), Field = sel.Selection,
                DataColumn = info.HasCorrectedData ? "corrected" : "data", FieldCount = sel.Fields.Count, SelectedRows = sel.SelectedRows, TotalRows = sel.TotalRows,
            });
        }
        Directory.CreateDirectory(dir);
        Core.IO.AtomicFile.WriteAllText(script, SplitScript.Render(Path.GetFileName(ms), jobs, "VlassPS Invoke-VlassCampaign"));
        var resources = new BatchResources { Cores = 1, MemoryGB = SplitBatchScript.DefaultMemoryGB, WallTime = _s.SplitWallTime, Partition = _s.Partition, Account = _s.Account };
        string run = SplitBatchScript.Write(SplitBatchScript.PathFor(script), SplitBatchScript.Render(_system, script, _s.Casa, resources, _s.SplitWallTime, ModuleVersion));
        var request = new BatchJobRequest
        {
            ScriptPath = run, WorkingDirectory = dir, LogBase = BatchScriptWriter.LogBase(Path.GetFileName(run)),
            WallTime = _s.SplitWallTime, ScriptWallTime = _s.SplitWallTime,
        };
        var submitted = ClaimAndSubmit("Split", ms, request);
        if (submitted is not null) _splits++;
        return _ledger.Attempts("Split", ms).LastOrDefault();
    }

    public string SplitOutput(string ms, VlassTarget t)
        => Path.Combine(_s.WorkRoot, "splits", SplitScript.SafeFileName(Path.GetFileNameWithoutExtension(ms)), t.Id + ".ms");

    // 4. An imaging workspace per target × epoch, submitted after its split (afterok).
    private void AdvanceImaging(string unit, string? workspace, CampaignJobAttempt? split, List<ReadyImaging> ready)
    {
        if (split?.JobId is null || workspace is null) return;
        if (split.State is not ("Pending" or "Running" or "Completed")) return; // the split failed: nothing to image
        var attempts = _ledger.Attempts("Imaging", unit);
        var latest = attempts.LastOrDefault();
        if (latest is not null && latest.State == "Completed")
        {
            int n = Directory.Exists(Path.Combine(workspace, "products")) ? Directory.GetFiles(Path.Combine(workspace, "products"), "*.fits").Length : 0;
            _ledger.SetProducts(unit, n);
            CampaignChecks.AfterCompletion(_ledger, _s, _host, unit, workspace, _ct);
            return;
        }
        if (latest is not null && !NeedsRetry(latest, attempts.Count)) return;
        var unitRow = _ledger.Unit(unit) ?? throw new InvalidOperationException($"{unit}: not in the ledger.");
        var target = _s.Targets.First(t => t.Name == unitRow.Target);
        if (!_host.ShouldProcess(workspace, $"Create the imaging workspace and submit its job to {_s.Scheduler} after split job {split.JobId}")) return;
        var ws = WorkspaceManifestStore.Exists(workspace) ? ImagingWorkspace.Load(workspace)
            : _host.EnsureWorkspace(target, SplitOutput(unitRow.Ms, target), Path.GetDirectoryName(workspace)!);
        var deps = split.State == "Completed" ? Array.Empty<string>() : new[] { split.JobId };
        var request = new BatchJobRequest
        {
            ScriptPath = ws.BatchScript, WorkingDirectory = ws.WorkingDirectory, LogBase = BatchScriptWriter.LogBase(Path.GetFileName(ws.BatchScript)),
            DependsOn = deps, ScriptWallTime = ws.WallTime, Partition = _s.Partition, Account = _s.Account,
        };
        ready.Add(new ReadyImaging(unit, ws, request));
    }

    private bool NeedsRetry(CampaignJobAttempt latest, int count)
    {
        if (latest.JobId is null || !IsFinalState(latest.State) || latest.State == "Completed") return false;
        if (count >= _s.MaxAttempts)
        {
            _host.Verbose($"{latest.Subject}: {latest.Kind} failed {count} time(s); limit {_s.MaxAttempts} reached.");
            return false;
        }
        return true;
    }

    private static bool IsFinalState(string state) => Enum.TryParse<JobState>(state, out var s) && JobStates.IsFinal(s);

    /// <summary>The submission protocol: claim (committed) → submit under the claim's unique name → record.</summary>
    private SubmittedJob? ClaimAndSubmit(string kind, string subject, BatchJobRequest request, ImagingWorkspace? ws = null)
    {
        var claim = _ledger.Claim(kind, subject, soFar =>
        {
            // Decided again inside the transaction: another pass may have claimed since we looked.
            var last = soFar.LastOrDefault();
            return last is null || NeedsRetry(last, soFar.Count);
        });
        if (claim is null) return null;
        var named = new BatchJobRequest
        {
            ScriptPath = request.ScriptPath, WorkingDirectory = request.WorkingDirectory, LogBase = request.LogBase, DependsOn = request.DependsOn,
            Partition = request.Partition, WallTime = request.WallTime, ScriptWallTime = request.ScriptWallTime, MemoryGB = request.MemoryGB,
            Cores = request.Cores, Account = request.Account, JobName = claim.Key,
        };
        var job = _system.Submit(named, _ct);
        TestPause();
        if (ws is not null) AddToManifest(ws.Path, job.JobId, ws, named.DependsOn, job);
        _ledger.RecordSubmitted(claim.Key, job.JobId);
        _host.Verbose($"{claim.Key}: submitted as {_s.Scheduler} job {job.JobId}.");
        return job;
    }

    /// <summary>The job goes into the workspace's vlassps.json too (the workspace's own truth), once.</summary>
    private void AddToManifest(string workspace, string jobId, ImagingWorkspace ws, IReadOnlyList<string> deps, SubmittedJob? job = null)
        => WorkspaceManifestStore.Update(workspace, m =>
        {
            if (m is null) throw new FileNotFoundException($"'{workspace}' is not a VlassPS workspace (no {WorkspaceManifest.FileName}).");
            if (m.Jobs.Any(j => j.JobId == jobId && j.Scheduler == _s.Scheduler.ToString())) return m;
            var now = DateTimeOffset.Now;
            m.Jobs.Add(new JobRecord
            {
                Kind = "Imaging", Scheduler = _s.Scheduler.ToString(), JobId = jobId, Cluster = job?.Cluster, SubmitTime = now,
                Command = job?.Command.ToList() ?? new List<string>(), WorkingDirectory = ws.WorkingDirectory, Script = ws.BatchScript,
                DependsOn = deps.ToList(), State = JobState.Pending,
                StandardOutputPath = job?.StandardOutputPath, StandardErrorPath = job?.StandardErrorPath, LogFiles = job?.LogFiles.ToList() ?? new List<string>(),
                History = new() { new JobStateChange { State = JobState.Pending, Time = now } },
            });
            return m;
        });

    /// <summary>Test hook ($VLASSPS_CAMPAIGN_TEST_PAUSE_AFTER_SUBMIT seconds): widens the window between the submit
    /// call and its record so the kill -9 test can hit it.</summary>
    private void TestPause()
    {
        if (EnvSeconds("VLASSPS_CAMPAIGN_TEST_PAUSE_AFTER_SUBMIT") is TimeSpan t) _ct.WaitHandle.WaitOne(t);
    }

    private static TimeSpan? EnvSeconds(string name)
        => double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 ? TimeSpan.FromSeconds(v) : null;

    private static string ModuleVersion => typeof(CampaignPass).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
