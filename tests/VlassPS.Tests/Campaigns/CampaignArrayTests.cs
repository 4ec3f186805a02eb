using System.Diagnostics;
using System.Text.Json;
using VlassPS.Core.Processes;
using VlassPS.Tests.Hosting;
using SlurmCluster = VlassPS.Tests.Cluster.Cluster;

namespace VlassPS.Tests.Campaigns;

/// <summary>
/// Imaging jobs as Slurm job arrays, on the real test cluster with the fake casa and a fixture MS (python-casacore):
/// the units of one MS go in as ONE sbatch array, throttled (%N) and afterok on their split; every task runs its own
/// workspace and makes products; the ledger (read with Python's sqlite3) and each vlassps.json hold the task ids;
/// kill -9 between the array's sbatch and its record, then a rerun, loses nothing and duplicates nothing (counted on
/// the scheduler's side by job name); the ledger of a campaign started before arrays is migrated in place.
/// PBS (slurm-wlm-torque wrappers) and Local fall back to one job per unit.
/// </summary>
[Collection("Slurm cluster")]
public sealed class CampaignArrayTests
{
    // Six targets on one MS. The first target's name makes the fake casa sleep 20 s in the split (it reads the first
    // target of a split script) and in its own imaging task, so the array is still waiting on its split when checked.
    private const string PassScript = """
        param([string]$Data, [string]$Work, [string]$Casa, [int]$Throttle = 2, [string]$Scheduler = 'Slurm', [string]$First = 'A-fakecasa-sleep-20')
        $ErrorActionPreference = 'Stop'
        $targets = @(
            ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name $First
            ConvertTo-VlassPosition '08:08:05 +04:35:00' -Name 'J0808+0435'
            ConvertTo-VlassPosition '08:07:50 +04:30:00' -Name 'T3'
            ConvertTo-VlassPosition '08:08:00 +04:28:00' -Name 'T4'
            ConvertTo-VlassPosition '08:07:45 +04:36:00' -Name 'T5'
            ConvertTo-VlassPosition '08:08:10 +04:31:00' -Name 'T6'
        )
        $s = $targets | Invoke-VlassCampaign -DataDirectory $Data -WorkRoot $Work -CasaPath $Casa -Scheduler $Scheduler -WallTime 00:05:00 -Cores 1 -MemoryGB 1 -ArrayThrottle $Throttle -WarningAction Continue
        'PASS splits={0} imaging={1} arrays={2} recovered={3} busy={4}' -f $s.SplitsSubmitted, $s.ImagingSubmitted, $s.ArraysSubmitted, $s.Recovered, $s.Busy
        """;

    private sealed record Fixture(string Root, string Data, string Work, string Script);

    private static Fixture Make(string name)
    {
        string root = SlurmCluster.NewRoot(name);
        string data = Path.Combine(root, "data"), work = Path.Combine(root, "work");
        string maker = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "casa", "make_recipe_ms.py");
        var r = ProcessRunner.Run("/usr/bin/python3", new[] { maker, Path.Combine(data, "VLASS2.1_T10t13.ms"), "121.98974", "4.54293", "0.25" }, new ProcessOptions { Timeout = TimeSpan.FromMinutes(2) });
        Assert.True(r.ExitCode == 0, r.Output);
        string script = Path.Combine(root, "pass.ps1");
        File.WriteAllText(script, PassScript);
        return new Fixture(root, data, work, script);
    }

    private static ProcessStartInfo PassInfo(Fixture f, string[] extra, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { HostProcess.HostDll, "-File", f.Script, "-Data", f.Data, "-Work", f.Work, "-Casa", SlurmCluster.FakeCasa }.Concat(extra)) psi.ArgumentList.Add(a);
        psi.Environment["VLASSPS_FAKE_CASA_SLEEP"] = "0";
        foreach (var (n, v) in env) psi.Environment[n] = v;
        return psi;
    }

    private static string RunPass(Fixture f, string[] extra, params (string Name, string Value)[] env)
    {
        using var p = Process.Start(PassInfo(f, extra, env))!;
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(240_000), "pass did not finish in 4 min");
        Assert.True(p.ExitCode == 0, stdout + err.Result);
        return stdout;
    }

    private static Dictionary<string, string> Scontrol(string jobId)
    {
        var r = ProcessRunner.Run("scontrol", new[] { "show", "job", "-o", jobId }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(r.ExitCode == 0, r.Output);
        return r.StandardOutput.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Contains('='))
            .GroupBy(w => w[..w.IndexOf('=')]).ToDictionary(g => g.Key, g => g.First()[(g.First().IndexOf('=') + 1)..]);
    }

    /// <summary>The imaging job ids each workspace's vlassps.json records, read as plain JSON.</summary>
    private static Dictionary<string, List<string>> ManifestJobs(Fixture f)
    {
        var result = new Dictionary<string, List<string>>();
        foreach (var manifest in Directory.GetFiles(Path.Combine(f.Work, "imaging"), "vlassps.json", SearchOption.AllDirectories))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            var root = doc.RootElement;
            var jobs = root.EnumerateObject().First(p => p.Name.Equals("Jobs", StringComparison.OrdinalIgnoreCase)).Value;
            result[Path.GetDirectoryName(manifest)!] = jobs.EnumerateArray()
                .Select(j => j.EnumerateObject().First(p => p.Name.Equals("JobId", StringComparison.OrdinalIgnoreCase)).Value.GetString()!).ToList();
        }
        return result;
    }

    [SkippableFact]
    public void One_MS_goes_in_as_one_throttled_array_after_its_split_and_every_task_makes_its_products()
    {
        SlurmCluster.RequireSlurm();
        var f = Make("campaign-array");
        string pass = RunPass(f, new[] { "-Throttle", "2" });
        Assert.Contains("PASS splits=1 imaging=6 arrays=1", pass);

        var ledger = CampaignAudit.ReadLedger(f.Work);
        var split = Assert.Single(ledger.Jobs, j => j.Key.Contains("-s-", StringComparison.Ordinal));
        var imaging = ledger.Jobs.Where(j => j.Key.Contains("-i-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, imaging.Count);
        string arrayKey = Assert.Single(imaging.Select(j => j.ArrayKey).Distinct())!;
        string arrayId = imaging[0].JobId!.Split('_')[0];
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{arrayId}_{i}").OrderBy(x => x), imaging.Select(j => j.JobId!).OrderBy(x => x));

        // Exactly one submission under the array's name, and it is the one recorded.
        var cluster = CampaignAudit.ClusterJobs(ledger.CampaignId);
        Assert.Equal(new[] { (arrayKey, arrayId) }, cluster.Where(c => c.Name == arrayKey).ToArray());
        Assert.Equal(2, cluster.Count); // the split and the array: no single imaging jobs
        var job = Scontrol(arrayId + "_5");
        Assert.Equal(arrayKey, job["JobName"]);
        Assert.Equal("2", job["ArrayTaskThrottle"]);
        Assert.StartsWith("afterok:" + split.JobId, job["Dependency"]); // the split still runs (20 s)

        // Each workspace's vlassps.json records its own task id, the one the ledger has for its unit.
        var manifests = ManifestJobs(f);
        Assert.Equal(6, manifests.Count);
        Assert.Equal(imaging.Select(j => j.JobId!).OrderBy(x => x), manifests.Values.Select(v => Assert.Single(v)).OrderBy(x => x));

        string dispatch = Path.Combine(f.Work, "arrays", arrayKey + ".sh");
        var parse = ProcessRunner.Run("/usr/bin/bash", new[] { "-n", dispatch }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(parse.ExitCode == 0, parse.Output);

        // Get-VlassImagingJob / Wait-VlassImagingJob on the workspaces follow their tasks to the end.
        using var session = new ModuleSession();
        var ws = manifests.Keys.OrderBy(x => x, StringComparer.Ordinal).ToArray();
        var now = session.Run("Get-VlassImagingJob -Workspace $args[0]", ws[0]).Single();
        Assert.Matches($"^{arrayId}_[0-5]$", (string)now.Properties["JobId"].Value);
        Assert.Contains(now.Properties["State"].Value.ToString(), new[] { "Pending", "Running" });
        var done = session.Run("$args | Wait-VlassImagingJob -Timeout 00:03:00 -MaxPollInterval 00:00:03", ws.Cast<object>().ToArray());
        Assert.Equal(6, done.Count);
        Assert.All(done, d => Assert.Equal("Completed", d.Properties["State"].Value.ToString()));
        foreach (var dir in ws)
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "products"), "*.fits"));
            string id = Assert.Single(manifests[dir]);
            var logs = Directory.GetFiles(Path.Combine(dir, "working"), "*." + id + ".out");
            Assert.Contains("fake-casa (VlassPS test double)", File.ReadAllText(Assert.Single(logs)));
        }

        // The next pass records the completions and submits nothing.
        string again = RunPass(f, new[] { "-Throttle", "2" });
        Assert.Contains("PASS splits=0 imaging=0 arrays=0", again);
        Assert.All(CampaignAudit.ReadLedger(f.Work).Jobs, j => Assert.Equal("Completed", j.State));
        Assert.Equal((0, 0), (CampaignAudit.Audit(f.Work).Duplicates, CampaignAudit.Audit(f.Work).Lost));
    }

    [SkippableFact]
    public void Kill_9_between_the_array_sbatch_and_its_record_then_rerun_records_every_task_once_on_a_migrated_ledger()
    {
        SlurmCluster.RequireSlurm();
        var f = Make("campaign-array-kill");
        // A ledger written before arrays existed (schema 1, no array columns): the pass must migrate it in place.
        Directory.CreateDirectory(f.Work);
        const string oldSchema = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=DELETE')
            c.executescript('''
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE lease(id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, pid INTEGER NOT NULL, started TEXT NOT NULL, heartbeat TEXT NOT NULL);
            CREATE TABLE targets(name TEXT PRIMARY KEY, position TEXT NOT NULL);
            CREATE TABLE splits(ms TEXT PRIMARY KEY, targets TEXT NOT NULL, script TEXT);
            CREATE TABLE units(unit TEXT PRIMARY KEY, target TEXT NOT NULL REFERENCES targets(name), epoch TEXT NOT NULL, ms TEXT NOT NULL REFERENCES splits(ms), workspace TEXT, products INTEGER NOT NULL DEFAULT 0, UNIQUE(target, epoch));
            CREATE TABLE jobs(key TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('Split','Imaging')), subject TEXT NOT NULL, attempt INTEGER NOT NULL, job_id TEXT, state TEXT NOT NULL, reason TEXT, claimed TEXT NOT NULL, submitted TEXT, finished TEXT, UNIQUE(kind, subject, attempt));
            INSERT INTO meta VALUES ('schema', '1'), ('campaign', 'placeholder');
            INSERT INTO targets VALUES ('Old', '0 0');
            ''')
            c.execute("UPDATE meta SET value = ? WHERE key = 'campaign'", (sys.argv[2],))
            c.commit()
            """;
        string campaignId = Guid.NewGuid().ToString("N")[..8]; // fresh: job names of earlier runs stay in the jobcomp file
        var made = ProcessRunner.Run("/usr/bin/python3", new[] { "-c", oldSchema, Path.Combine(f.Work, ".vlassps-campaign.db"), campaignId }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(made.ExitCode == 0, made.Output);

        using var p = Process.Start(PassInfo(f, new[] { "-First", "J0807+0432" }, ("VLASSPS_CAMPAIGN_TEST_PAUSE_AFTER_ARRAY", "90")))!;
        // Wait until the array is in squeue, then kill -9 inside the pause between its sbatch and its record.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        List<(string Name, string Id)> arrays = new();
        while (DateTime.UtcNow < deadline && arrays.Count == 0)
        {
            Thread.Sleep(300);
            arrays = CampaignAudit.ClusterJobs(campaignId).Where(j => j.Name.Contains("-ia-", StringComparison.Ordinal)).ToList();
        }
        Assert.True(arrays.Count == 1, "the pass never submitted its array");
        Thread.Sleep(500); // sbatch has returned and the pass sits in the pause
        p.Kill(); // SIGKILL: no record, no lease release
        p.WaitForExit();
        var before = CampaignAudit.ReadLedger(f.Work);
        Assert.Equal(campaignId, before.CampaignId);
        var unrecorded = before.Jobs.Where(j => j.JobId is null).ToList();
        Assert.Equal(6, unrecorded.Count);
        Assert.All(unrecorded, j => Assert.Equal(arrays[0].Name, j.ArrayKey));

        string rerun = RunPass(f, new[] { "-First", "J0807+0432" }, ("VLASSPS_CAMPAIGN_CLAIM_GRACE", "0"));
        Assert.Contains("imaging=0 arrays=0 recovered=6", rerun);
        string again = RunPass(f, new[] { "-First", "J0807+0432" }, ("VLASSPS_CAMPAIGN_CLAIM_GRACE", "0"));
        var (jobs, duplicates, lost) = CampaignAudit.Audit(f.Work);
        Assert.True(duplicates == 0, $"{duplicates} duplicates\n{rerun}\n{again}");
        Assert.Equal(0, lost);
        Assert.Equal(2, jobs); // one split, one array
        var after = CampaignAudit.ReadLedger(f.Work);
        Assert.DoesNotContain(after.Jobs, j => j.JobId is null);
        var taskIds = after.Jobs.Where(j => j.ArrayKey == arrays[0].Name).Select(j => j.JobId!).OrderBy(x => x).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{arrays[0].Id}_{i}").OrderBy(x => x), taskIds);
        Assert.Equal(taskIds, ManifestJobs(f).Values.Select(v => Assert.Single(v)).OrderBy(x => x));
    }

    [SkippableFact]
    public void Failed_tasks_are_retried_as_a_new_smaller_array_until_the_limit()
    {
        SlurmCluster.RequireSlurm();
        var f = Make("campaign-array-retry");
        // Two of three units fail (the fake casa exits 3 for these names); -MaxAttempts 2.
        File.WriteAllText(f.Script, PassScript
            .Replace("ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name $First", "ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name 'F1-fakecasa-exit-3'")
            .Replace("-Name 'J0808+0435'", "-Name 'F2-fakecasa-exit-3'")
            .Replace("ConvertTo-VlassPosition '08:08:00 +04:28:00' -Name 'T4'", "")
            .Replace("ConvertTo-VlassPosition '08:07:45 +04:36:00' -Name 'T5'", "")
            .Replace("ConvertTo-VlassPosition '08:08:10 +04:31:00' -Name 'T6'", "")
            .Replace("-ArrayThrottle $Throttle", "-ArrayThrottle $Throttle -MaxAttempts 2"));
        string log = RunPass(f, Array.Empty<string>());
        Assert.Contains("imaging=3 arrays=1", log);
        var deadline = DateTime.UtcNow.AddSeconds(180);
        List<CampaignAudit.Row> failing = new();
        while (DateTime.UtcNow < deadline)
        {
            Thread.Sleep(3000);
            log += RunPass(f, Array.Empty<string>());
            var rows = CampaignAudit.ReadLedger(f.Work).Jobs;
            failing = rows.Where(j => j.Key.Contains("fakecasa-exit-3", StringComparison.Ordinal)).ToList();
            if (failing.Count == 4 && failing.All(j => j.State == "Failed")) break;
        }
        Assert.True(failing.Count == 4 && failing.All(j => j.State == "Failed"), string.Join("; ", failing) + "\n" + log);
        // The retries of both failed tasks went in together as ONE new array of 2, under a new name.
        Assert.Contains("imaging=2 arrays=1", log);
        var firsts = failing.Where(j => j.Key.EndsWith("-a1", StringComparison.Ordinal)).ToList();
        var retries = failing.Where(j => j.Key.EndsWith("-a2", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, firsts.Count);
        Assert.Equal(2, retries.Count);
        Assert.Single(firsts.Select(j => j.ArrayKey).Distinct());
        string retryKey = Assert.Single(retries.Select(j => j.ArrayKey).Distinct())!;
        Assert.EndsWith("-n2", retryKey);
        Assert.NotEqual(firsts[0].ArrayKey, retryKey);
        Assert.All(failing, j => Assert.Contains("exit 3", j.Reason ?? ""));
        Assert.Equal(new[] { "0", "1" }, retries.Select(j => j.JobId!.Split('_')[1]).OrderBy(x => x));
        var ok = Assert.Single(CampaignAudit.ReadLedger(f.Work).Jobs, j => j.Key.Contains("-i-T3", StringComparison.Ordinal));
        Assert.Equal("Completed", ok.State);
        var (_, duplicates, lost) = CampaignAudit.Audit(f.Work);
        Assert.Equal((0, 0), (duplicates, lost));
    }

    [Fact]
    public void Campaign_file_array_throttle_is_read_and_checked()
    {
        string dir = SlurmCluster.NewRoot("campaign-array-file");
        string good = Path.Combine(dir, "good.yaml"), bad = Path.Combine(dir, "bad.yaml");
        const string body = "targets:\n  - name: J0807+0432\n    position: \"08:07:57.538 +04:32:34.55\"\n";
        File.WriteAllText(good, "defaults:\n  array_throttle: 7\n" + body);
        File.WriteAllText(bad, "defaults:\n  array_throttle: 2.5\n" + body);
        using var session = new ModuleSession();
        var c = session.Run("Import-VlassCampaign -Path $args[0]", good).Single().BaseObject as VlassPS.Core.Campaigns.CampaignDefinition;
        Assert.Equal(7, c!.Defaults.ArrayThrottle);
        var errors = session.Run("try { Import-VlassCampaign -Path $args[0] -ErrorAction Stop } catch { \"$_\" }", bad);
        Assert.Contains(errors, e => e.ToString().Contains("bad.yaml:2:19") && e.ToString().Contains("array_throttle must be a whole number"));
    }

    [SkippableFact]
    public void Pbs_wrappers_and_local_runner_fall_back_to_one_job_per_unit()
    {
        SlurmCluster.RequireTorqueWrappers();
        foreach (var scheduler in new[] { "Pbs", "Local" })
        {
            var f = Make("campaign-array-" + scheduler.ToLowerInvariant());
            string pass = RunPass(f, new[] { "-Scheduler", scheduler, "-First", "J0807+0432" });
            Assert.Contains("PASS splits=1 imaging=6 arrays=0", pass);
            var ledger = CampaignAudit.ReadLedger(f.Work);
            var imaging = ledger.Jobs.Where(j => j.Key.Contains("-i-", StringComparison.Ordinal)).ToList();
            Assert.Equal(6, imaging.Count);
            Assert.All(imaging, j => Assert.Null(j.ArrayKey));
            Assert.Equal(6, imaging.Select(j => j.JobId).Distinct().Count());
            Assert.All(imaging, j => Assert.DoesNotContain("_", j.JobId!));
            if (scheduler == "Local") Assert.All(imaging, j => Assert.StartsWith("local-", j.JobId!));
            // Each single job's id is in its workspace's vlassps.json.
            Assert.Equal(imaging.Select(j => j.JobId!).OrderBy(x => x), ManifestJobs(f).Values.Select(v => Assert.Single(v)).OrderBy(x => x));
        }
    }
}
