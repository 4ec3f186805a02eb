using VlassPS.Core.Processes;

namespace VlassPS.Tests.Campaigns;

/// <summary>
/// What the scheduler and the ledger say about a campaign, read independently of VlassPS: the ledger with Python's
/// sqlite3, the cluster with squeue (%j|%F: an array task under its array's id) and the jobcomp text file that
/// sacct -c reads (finished jobs; ArrayJobId for array tasks). One submission = one (name, id): a single job, or a
/// whole job array.
/// </summary>
internal static class CampaignAudit
{
    public sealed record Row(string Key, string? JobId, string State, string? Reason, string? ArrayKey);

    public static (string JournalMode, string CampaignId, List<Row> Jobs) ReadLedger(string work)
    {
        string db = Path.Combine(work, ".vlassps-campaign.db");
        const string py = """
            import sqlite3, sys, json
            c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
            mode = c.execute('PRAGMA journal_mode').fetchone()[0]
            cid = c.execute("SELECT value FROM meta WHERE key='campaign'").fetchone()[0]
            cols = [r[1] for r in c.execute('PRAGMA table_info(jobs)')]
            arr = 'array_key' if 'array_key' in cols else 'NULL'
            jobs = c.execute('SELECT key, job_id, state, reason, ' + arr + ' FROM jobs ORDER BY key').fetchall()
            print(json.dumps({'mode': mode, 'id': cid, 'jobs': jobs}))
            """;
        var r = ProcessRunner.Run("/usr/bin/python3", new[] { "-c", py, db }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(r.ExitCode == 0, r.Output);
        using var doc = System.Text.Json.JsonDocument.Parse(r.StandardOutput);
        static string? S(System.Text.Json.JsonElement e) => e.ValueKind == System.Text.Json.JsonValueKind.Null ? null : e.GetString();
        var jobs = doc.RootElement.GetProperty("jobs").EnumerateArray().Select(j => new Row(j[0].GetString()!, S(j[1]), j[2].GetString()!, S(j[3]), S(j[4]))).ToList();
        return (doc.RootElement.GetProperty("mode").GetString()!, doc.RootElement.GetProperty("id").GetString()!, jobs);
    }

    /// <summary>Every submission the cluster knows whose name starts with the campaign's prefix: (name, id).</summary>
    public static List<(string Name, string Id)> ClusterJobs(string campaignId)
    {
        string prefix = "vc" + campaignId + "-";
        var seen = new HashSet<(string, string)>();
        var q = ProcessRunner.Run("squeue", new[] { "-h", "-t", "all", "-o", "%j|%F" }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(q.ExitCode == 0, q.Output);
        foreach (var line in q.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Trim().Split('|');
            if (parts.Length == 2 && parts[0].StartsWith(prefix, StringComparison.Ordinal)) seen.Add((parts[0], parts[1]));
        }
        foreach (var rec in JobComp())
            if (rec.TryGetValue("Name", out var name) && name.StartsWith(prefix, StringComparison.Ordinal))
                seen.Add((name, rec.TryGetValue("ArrayJobId", out var a) && a != "0" ? a : rec["JobId"]));
        return seen.Select(s => (s.Item1, s.Item2)).ToList();
    }

    /// <summary>The jobcomp/filetxt records (key=value words per line) of the test cluster.</summary>
    private static IEnumerable<Dictionary<string, string>> JobComp()
    {
        string conf = Environment.GetEnvironmentVariable("SLURM_CONF") ?? "/etc/slurm/slurm.conf";
        string? loc = File.ReadLines(conf).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("JobCompLoc=", StringComparison.Ordinal))?["JobCompLoc=".Length..];
        if (loc is null || !File.Exists(loc)) yield break;
        foreach (var line in File.ReadAllLines(loc))
            yield return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Contains('='))
                .GroupBy(w => w[..w.IndexOf('=')]).ToDictionary(g => g.Key, g => g.First()[(g.First().IndexOf('=') + 1)..]);
    }

    /// <summary>No name submitted twice, and every cluster submission is in the ledger with its id (nothing lost):
    /// a single job as key = name and job_id = id, an array as rows whose array_key = name and job_id = id_index.</summary>
    public static (int Jobs, int Duplicates, int Lost) Audit(string work)
    {
        var ledger = ReadLedger(work);
        var jobs = ClusterJobs(ledger.CampaignId);
        int duplicates = jobs.GroupBy(j => j.Name).Sum(g => g.Count() - 1);
        int lost = jobs.Count(j => !ledger.Jobs.Any(r =>
            (r.Key == j.Name && r.JobId == j.Id) ||
            (r.ArrayKey == j.Name && r.JobId is not null && r.JobId.StartsWith(j.Id + "_", StringComparison.Ordinal))));
        return (jobs.Count, duplicates, lost);
    }
}
