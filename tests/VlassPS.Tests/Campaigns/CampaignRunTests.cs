using System.Diagnostics;
using VlassPS.Core.Processes;
using SlurmCluster = VlassPS.Tests.Cluster.Cluster;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Campaigns;

/// <summary>
/// Invoke-VlassCampaign on the real Slurm test cluster with the fake casa and fixture MSs written by python-casacore:
/// concurrent passes in separate vlassps processes, kill -9 between sbatch and the ledger record, retries with reasons.
/// Duplicates are counted on the scheduler's side (squeue -t all / sacct -c by job name), records with Python's
/// sqlite3 (an independent reader of the ledger file).
/// </summary>
[Collection("Slurm cluster")]
public sealed class CampaignRunTests
{
    private const string PassScript = """
        param([string]$Data, [string]$Work, [string]$Casa, [int]$MaxAttempts = 2)
        $ErrorActionPreference = 'Stop'
        $targets = @(
            ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name 'J0807+0432'
            ConvertTo-VlassPosition '08:08:05 +04:35:00' -Name 'J0808+0435'
            ConvertTo-VlassPosition '09:25:07.271 +14:44:25.74' -Name 'J0925+1444'
            ConvertTo-VlassPosition '09:25:20 +14:40:00' -Name 'Q-fakecasa-exit-3'
            ConvertTo-VlassPosition '13:31:08.288 +30:30:32.959' -Name '3C286'
        )
        $s = $targets | Invoke-VlassCampaign -DataDirectory $Data -WorkRoot $Work -CasaPath $Casa -WallTime 00:05:00 -Cores 1 -MemoryGB 1 -MaxAttempts $MaxAttempts -WarningAction Continue
        'PASS splits={0} imaging={1} recovered={2} busy={3}' -f $s.SplitsSubmitted, $s.ImagingSubmitted, $s.Recovered, $s.Busy
        """;

    private sealed class Fixture
    {
        public required string Root, Data, Work, Script;
    }

    private static Fixture Make(string name)
    {
        SlurmCluster.RequireSlurm();
        string root = SlurmCluster.NewRoot(name);
        string data = Path.Combine(root, "data"), work = Path.Combine(root, "work");
        Directory.CreateDirectory(data);
        string maker = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "casa", "make_recipe_ms.py");
        foreach (var (ms, ra, dec) in new[] { ("VLASS2.1_T10t13.ms", "121.98974", "4.54293"), ("VLASS1.2_T12t18.ms", "141.28030", "14.74048") })
        {
            var r = ProcessRunner.Run("/usr/bin/python3", new[] { maker, Path.Combine(data, ms), ra, dec, "0.25" }, new ProcessOptions { Timeout = TimeSpan.FromMinutes(2) });
            Assert.True(r.ExitCode == 0, r.Output);
        }
        string script = Path.Combine(root, "pass.ps1");
        File.WriteAllText(script, PassScript);
        return new Fixture { Root = root, Data = data, Work = work, Script = script };
    }

    private static ProcessStartInfo PassInfo(Fixture f, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { HostProcess.HostDll, "-File", f.Script, "-Data", f.Data, "-Work", f.Work, "-Casa", SlurmCluster.FakeCasa }) psi.ArgumentList.Add(a);
        psi.Environment["VLASSPS_FAKE_CASA_SLEEP"] = "0";
        foreach (var (n, v) in env) psi.Environment[n] = v;
        return psi;
    }

    private static string RunPass(Fixture f, params (string Name, string Value)[] env)
    {
        using var p = Process.Start(PassInfo(f, env))!;
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(180_000), "pass did not finish in 3 min");
        Assert.True(p.ExitCode == 0, stdout + err.Result);
        return stdout;
    }

    private static (string JournalMode, string CampaignId, List<CampaignAudit.Row> Jobs) ReadLedger(Fixture f) => CampaignAudit.ReadLedger(f.Work);

    private static List<(string Name, string Id)> ClusterJobs(string campaignId) => CampaignAudit.ClusterJobs(campaignId);

    private static (int Jobs, int Duplicates, int Lost) Audit(Fixture f) => CampaignAudit.Audit(f.Work);

    [SkippableFact]
    public void Concurrent_passes_submit_nothing_twice()
    {
        var f = Make("campaign-concurrent");
        // Four passes started at the same moment, in separate processes, on an empty ledger.
        var procs = Enumerable.Range(0, 4).Select(_ => Process.Start(PassInfo(f))!).ToList();
        var outputs = procs.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        foreach (var p in procs) Assert.True(p.WaitForExit(180_000));
        for (int i = 0; i < procs.Count; i++) Assert.True(procs[i].ExitCode == 0, outputs[i].Out.Result + outputs[i].Err.Result);
        string all = string.Join("\n", outputs.Select(o => o.Out.Result));
        // Then a few more in a row: they find the work done (or resume it) and add nothing twice.
        for (int i = 0; i < 2; i++) all += RunPass(f);
        var (jobs, duplicates, lost) = Audit(f);
        Assert.True(duplicates == 0, $"{duplicates} duplicate submissions\n{all}");
        Assert.Equal(0, lost);
        // 2 splits + one array per MS (2 units each) at least (the failing unit may have been retried once, as a plain job).
        Assert.True(jobs >= 4, $"{jobs} jobs\n{all}");
        var ledger = ReadLedger(f);
        Assert.Equal("delete", ledger.JournalMode);
        Assert.False(File.Exists(Path.Combine(f.Work, ".vlassps-campaign.db-wal")));
        Assert.Equal(2, ledger.Jobs.Count(j => j.Key.Contains("-s-", StringComparison.Ordinal)));
        // Each MS's two imaging units went in as one array: 2 arrays of 2 first attempts, task ids <array>_<index>.
        var firsts = ledger.Jobs.Where(j => j.Key.Contains("-i-", StringComparison.Ordinal) && j.Key.EndsWith("-a1", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, firsts.Count);
        Assert.Equal(2, firsts.Select(j => j.ArrayKey).Distinct().Count(k => k is not null));
        Assert.All(firsts, j => Assert.Matches(@"^\d+_[01]$", j.JobId ?? ""));
    }

    [SkippableFact]
    public void Kill_9_between_sbatch_and_record_then_rerun_loses_nothing_and_duplicates_nothing()
    {
        var f = Make("campaign-kill");
        using var p = Process.Start(PassInfo(f, ("VLASSPS_CAMPAIGN_TEST_PAUSE_AFTER_SUBMIT", "60")))!;
        // Wait until the first sbatch went through (the job is in squeue), then kill -9 inside the pause.
        string? campaignId = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Thread.Sleep(300);
            string db = Path.Combine(f.Work, ".vlassps-campaign.db");
            if (campaignId is null && File.Exists(db)) { try { campaignId = ReadLedger(f).CampaignId; } catch (Xunit.Sdk.XunitException) { } }
            if (campaignId is not null && ClusterJobs(campaignId).Count >= 1) break;
        }
        Assert.True(campaignId is not null && ClusterJobs(campaignId).Count == 1, "the pass never submitted");
        p.Kill(); // SIGKILL: no finally blocks, no lease release, no record
        p.WaitForExit();
        var before = ReadLedger(f);
        Assert.Single(before.Jobs, j => j.JobId is null); // the claim without its job id

        string rerun = RunPass(f, ("VLASSPS_CAMPAIGN_CLAIM_GRACE", "0"));
        Assert.Contains("recovered=1", rerun);
        string again = RunPass(f, ("VLASSPS_CAMPAIGN_CLAIM_GRACE", "0"));
        var (jobs, duplicates, lost) = Audit(f);
        Assert.True(duplicates == 0, $"{duplicates} duplicates\n{rerun}\n{again}");
        Assert.Equal(0, lost);
        Assert.True(jobs >= 4, $"{jobs} jobs\n{rerun}\n{again}");
        Assert.DoesNotContain(ReadLedger(f).Jobs, j => j.JobId is null);
    }

    [SkippableFact]
    public void Failed_imaging_is_retried_up_to_the_limit_with_every_reason_kept()
    {
        var f = Make("campaign-retry");
        string log = "";
        var deadline = DateTime.UtcNow.AddSeconds(150);
        List<CampaignAudit.Row> bad = new();
        while (DateTime.UtcNow < deadline)
        {
            log += RunPass(f);
            var ledger = ReadLedger(f);
            bad = ledger.Jobs.Where(j => j.Key.Contains("Q-fakecasa-exit-3", StringComparison.Ordinal)).ToList();
            bool settled = ledger.Jobs.All(j => j.State is "Completed" or "Failed") && bad.Count == 2;
            if (settled) break;
            Thread.Sleep(3000);
        }
        Assert.True(bad.Count == 2, $"attempts: {string.Join("; ", bad)}\n{log}");
        Assert.All(bad, j => Assert.Equal("Failed", j.State));
        Assert.All(bad, j => Assert.Contains("exit 3", j.Reason ?? ""));
        // The first attempt ran as a task of its MS's array, the retry (one unit) as a plain job.
        Assert.Matches(@"^\d+_\d+$", bad[0].JobId ?? "");
        Assert.NotNull(bad[0].ArrayKey);
        Assert.Matches(@"^\d+$", bad[1].JobId ?? "");
        Assert.Equal(0, Audit(f).Duplicates);

        using var session = new ModuleSession();
        var rows = session.Run("Get-VlassCampaign -WorkRoot $args[0] -Detail", f.Work);
        var byTarget = rows.ToDictionary(r => (string)r.Properties["Target"].Value, r => r);
        Assert.Equal("Failed", byTarget["Q-fakecasa-exit-3"].Properties["State"].Value);
        Assert.Equal(2, ((System.Collections.IEnumerable)byTarget["Q-fakecasa-exit-3"].Properties["Reasons"].Value).Cast<object>().Count());
        Assert.Equal("Completed", byTarget["J0807+0432"].Properties["State"].Value);
        Assert.Equal("NoData", byTarget["3C286"].Properties["State"].Value);
        Assert.True((int)byTarget["J0925+1444"].Properties["Products"].Value > 0);
    }

    [SkippableFact]
    public void WhatIf_pass_in_process_reports_the_plan_and_writes_nothing()
    {
        var f = Make("campaign-whatif");
        // In the xUnit host's runspace: the ledger's SQLite (native e_sqlite3) loads in the module's private context.
        using var session = new ModuleSession();
        var result = session.Run("""
            $data, $work, $casa = $args
            $t = @((ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name 'J0807+0432'), (ConvertTo-VlassPosition '09:25:07.271 +14:44:25.74' -Name 'J0925+1444'))
            $t | Invoke-VlassCampaign -DataDirectory $data -WorkRoot $work -CasaPath $casa -WhatIf
            """, f.Data, f.Work, SlurmCluster.FakeCasa);
        var summary = result.Single(o => o.BaseObject is VlassPS.Core.Campaigns.CampaignSummary).BaseObject as VlassPS.Core.Campaigns.CampaignSummary;
        Assert.Equal(2, summary!.Units);
        Assert.Equal(2, summary.States["SplitPending"]);
        Assert.Equal(0, summary.SplitsSubmitted + summary.ImagingSubmitted);
        Assert.False(Directory.Exists(f.Work), "-WhatIf created the work root");
    }
}
