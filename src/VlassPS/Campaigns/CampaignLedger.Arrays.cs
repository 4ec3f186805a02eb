using System.Globalization;

namespace VlassPS.Campaigns;

/// <summary>One imaging attempt claimed as part of a job array (its row in jobs, with the array's key and its index).</summary>
public sealed record CampaignArrayTask(string Key, string Unit, int Attempt, string ArrayKey, int Index, DateTimeOffset Claimed);

/// <summary>
/// Job arrays in the ledger: the imaging attempts of one array are claimed together in one transaction; each row keeps
/// its own key and attempt, plus the array's key (the array job's name, how a lost record is found again) and its task
/// index, and is recorded with its task id &lt;array id&gt;_&lt;index&gt;. Columns added by migration (schema 1 → array columns).
/// </summary>
public sealed partial class CampaignLedger
{
    /// <summary>Adds array_key and array_index to jobs when a ledger written before arrays lacks them.</summary>
    private void MigrateArrays() => Immediate(() =>
    {
        var columns = Query("PRAGMA table_info(jobs)", r => r.GetString(1));
        if (!columns.Contains("array_key")) Exec("ALTER TABLE jobs ADD COLUMN array_key TEXT");
        if (!columns.Contains("array_index")) Exec("ALTER TABLE jobs ADD COLUMN array_index INTEGER");
        Exec("CREATE INDEX IF NOT EXISTS jobs_array ON jobs(array_key)");
    });

    /// <summary>
    /// Claims the next imaging attempt of every unit that <paramref name="mayClaim"/> (seeing its attempts so far,
    /// inside the transaction) allows, all under one array key, in one IMMEDIATE transaction. Returns the claimed
    /// tasks in index order (empty when none was claimed).
    /// </summary>
    public IReadOnlyList<CampaignArrayTask> ClaimArray(string ms, IReadOnlyList<string> units, Func<IReadOnlyList<Core.Campaigns.CampaignJobAttempt>, bool> mayClaim)
    {
        var claimed = new List<CampaignArrayTask>();
        Immediate(() =>
        {
            var rows = new List<(string Key, string Unit, int Attempt)>();
            foreach (var unit in units)
            {
                var soFar = Attempts("Imaging", unit);
                if (!mayClaim(soFar)) continue;
                int attempt = soFar.Count == 0 ? 1 : soFar[^1].Attempt + 1;
                rows.Add((JobKey("Imaging", unit, attempt), unit, attempt));
            }
            if (rows.Count == 0) return;
            string arrayKey = ArrayKey(ms, rows.Select(r => r.Key));
            string now = Now();
            for (int i = 0; i < rows.Count; i++)
            {
                Exec("INSERT INTO jobs(key, kind, subject, attempt, state, claimed, array_key, array_index) VALUES ($key, 'Imaging', $s, $a, 'Claimed', $c, $ak, $i)",
                    ("$key", rows[i].Key), ("$s", rows[i].Unit), ("$a", rows[i].Attempt), ("$c", now), ("$ak", arrayKey), ("$i", i));
                claimed.Add(new CampaignArrayTask(rows[i].Key, rows[i].Unit, rows[i].Attempt, arrayKey, i, DateTimeOffset.UtcNow));
            }
        });
        return claimed;
    }

    /// <summary>The array job's name: campaign id, "ia", the MS's name, a hash of its attempts' keys, the task count.
    /// Attempt keys are never reused once a job ran, so neither is this.</summary>
    private string ArrayKey(string ms, IEnumerable<string> attemptKeys)
    {
        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', attemptKeys))))[..10].ToLowerInvariant();
        string label = new string(System.IO.Path.GetFileName(ms.TrimEnd('/')).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' ? c : '_').Take(40).ToArray());
        return FormattableString.Invariant($"vc{CampaignId}-ia-{label}-{hash}-n{attemptKeys.Count()}");
    }

    /// <summary>Records the array's id: every task row of the array gets &lt;id&gt;_&lt;index&gt;, in one transaction.</summary>
    public void RecordArraySubmitted(string arrayKey, string arrayJobId) => Immediate(() =>
        Exec("UPDATE jobs SET job_id = $j || '_' || array_index, state = 'Pending', submitted = $t WHERE array_key = $k AND job_id IS NULL",
            ("$j", arrayJobId), ("$t", Now()), ("$k", arrayKey)));

    /// <summary>Array task rows still without a job id (claimed by a pass that died before it recorded the array).</summary>
    public IReadOnlyList<CampaignArrayTask> UnrecordedArrayTasks()
        => Query("SELECT key, subject, attempt, array_key, array_index, claimed FROM jobs WHERE array_key IS NOT NULL AND job_id IS NULL ORDER BY array_key, array_index",
            r => new CampaignArrayTask(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetInt32(4),
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture)));

    /// <summary>An array the scheduler never saw: its claimed rows go (nothing ran). Only the lease holder calls this.</summary>
    public void DropArrayClaim(string arrayKey) => Immediate(() => Exec("DELETE FROM jobs WHERE array_key = $k AND job_id IS NULL", ("$k", arrayKey)));

    /// <summary>How many job arrays the ledger holds (distinct array keys with a recorded id).</summary>
    public int ArrayCount => Scalar<int>("SELECT COUNT(DISTINCT array_key) FROM jobs WHERE array_key IS NOT NULL AND job_id IS NOT NULL");
}
