using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using VlassPS.Core.Campaigns;

namespace VlassPS.Campaigns;

/// <summary>
/// The campaign ledger: an SQLite database beside the work root (.vlassps-campaign.db) in rollback-journal mode
/// (journal_mode=DELETE: WAL needs shared memory that Lustre/NFS do not give coherently across clients; a rollback
/// journal only needs POSIX byte-range locks). Every change is one <c>BEGIN IMMEDIATE</c> transaction, so two passes
/// never interleave a read-then-write, and busy_timeout makes the second one wait instead of failing.
/// Submission protocol: claim (an intent row whose unique key is also the batch job's name) → commit → submit →
/// record the job id. A claim without a job id is resolved by asking the scheduler for a job of that name.
/// </summary>
public sealed partial class CampaignLedger : IDisposable
{
    public const string FileName = ".vlassps-campaign.db";
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _db;

    public string Path { get; }

    static CampaignLedger() => SQLitePCL.Batteries_V2.Init();

    private CampaignLedger(SqliteConnection db, string path) { _db = db; Path = path; }

    public static string PathFor(string workRoot) => System.IO.Path.Combine(System.IO.Path.GetFullPath(workRoot), FileName);

    /// <summary>Opens (creating when missing) the ledger for read and write.</summary>
    public static CampaignLedger Open(string workRoot)
    {
        string path = PathFor(workRoot);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 60 }.ToString());
        db.Open();
        var ledger = new CampaignLedger(db, path);
        ledger.Configure();
        ledger.CreateSchema();
        ledger.MigrateArrays();
        ledger.MigrateScience();
        return ledger;
    }

    /// <summary>A private in-memory copy (for -WhatIf: the pass runs against it and the file is never written).</summary>
    public static CampaignLedger OpenSnapshot(string workRoot)
    {
        string path = PathFor(workRoot);
        var mem = new SqliteConnection("Data Source=:memory:");
        mem.Open();
        if (File.Exists(path))
        {
            using var src = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString());
            src.Open();
            src.BackupDatabase(mem);
        }
        var ledger = new CampaignLedger(mem, path);
        ledger.Exec("PRAGMA foreign_keys=ON");
        ledger.CreateSchema();
        ledger.MigrateArrays();
        ledger.MigrateScience();
        return ledger;
    }

    /// <summary>Opens an existing ledger read-only, or null when the work root has none.</summary>
    public static CampaignLedger? OpenReadOnly(string workRoot)
    {
        string path = PathFor(workRoot);
        if (!File.Exists(path)) return null;
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString());
        db.Open();
        var ledger = new CampaignLedger(db, path);
        ledger.Exec("PRAGMA busy_timeout=60000");
        return ledger;
    }

    private void Configure()
    {
        Exec("PRAGMA busy_timeout=60000");
        // Rollback journal, never WAL (see the class comment and README "Campaign ledger").
        string mode = Scalar<string>("PRAGMA journal_mode=DELETE") ?? "";
        if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The campaign ledger {Path} could not switch to journal_mode=DELETE (got '{mode}').");
        Exec("PRAGMA synchronous=FULL");
        Exec("PRAGMA foreign_keys=ON");
    }

    private void CreateSchema() => Immediate(() =>
    {
        Exec("""
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS lease(id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, pid INTEGER NOT NULL,
                started TEXT NOT NULL, heartbeat TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS targets(name TEXT PRIMARY KEY, position TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS splits(ms TEXT PRIMARY KEY, targets TEXT NOT NULL, script TEXT);
            CREATE TABLE IF NOT EXISTS units(unit TEXT PRIMARY KEY, target TEXT NOT NULL REFERENCES targets(name),
                epoch TEXT NOT NULL, ms TEXT NOT NULL REFERENCES splits(ms), workspace TEXT, products INTEGER NOT NULL DEFAULT 0,
                UNIQUE(target, epoch));
            CREATE TABLE IF NOT EXISTS jobs(key TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('Split','Imaging')),
                subject TEXT NOT NULL, attempt INTEGER NOT NULL, job_id TEXT, state TEXT NOT NULL, reason TEXT,
                claimed TEXT NOT NULL, submitted TEXT, finished TEXT, UNIQUE(kind, subject, attempt));
            CREATE INDEX IF NOT EXISTS jobs_subject ON jobs(kind, subject);
            """);
        Exec("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', $v)", ("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        Exec("INSERT OR IGNORE INTO meta(key, value) VALUES ('campaign', $v)", ("$v", Guid.NewGuid().ToString("N")[..8]));
    });

    /// <summary>The retry limit the last pass ran with (Get-VlassCampaign uses it to tell Retrying from Failed).</summary>
    public int? MaxAttempts
    {
        get => int.TryParse(Scalar<string>("SELECT value FROM meta WHERE key='max_attempts'"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        set => Immediate(() => Exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('max_attempts', $v)", ("$v", value?.ToString(CultureInfo.InvariantCulture) ?? "3")));
    }

    /// <summary>A short id for this campaign (job names start with it, so campaigns sharing a cluster never collide).</summary>
    public string CampaignId => Scalar<string>("SELECT value FROM meta WHERE key='campaign'") ?? "00000000";

    // ---- lease: one pass at a time advances the campaign ----------------------------------------------------

    /// <summary>Takes the pass lease unless a live pass holds it; returns the holder when busy, else null.</summary>
    public string? TryAcquireLease(TimeSpan staleAfter)
    {
        string? busy = null;
        Immediate(() =>
        {
            using var cmd = Command("SELECT host, pid, started, heartbeat FROM lease WHERE id = 1");
            using (var r = cmd.ExecuteReader())
            {
                if (r.Read())
                {
                    string host = r.GetString(0); int pid = r.GetInt32(1); string started = r.GetString(2);
                    var beat = DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture);
                    bool self = host == Environment.MachineName && pid == Environment.ProcessId && started == ProcessStart(pid);
                    if (!self && IsAlive(host, pid, started, beat, staleAfter)) busy = $"{host} pid {pid} (since {beat:u})";
                }
            }
            if (busy is not null) return;
            Exec("INSERT OR REPLACE INTO lease(id, host, pid, started, heartbeat) VALUES (1, $h, $p, $s, $b)",
                ("$h", Environment.MachineName), ("$p", Environment.ProcessId), ("$s", ProcessStart(Environment.ProcessId) ?? ""), ("$b", Now()));
        });
        return busy;
    }

    public void Heartbeat() => Immediate(() => Exec("UPDATE lease SET heartbeat = $b WHERE pid = $p AND host = $h",
        ("$b", Now()), ("$p", Environment.ProcessId), ("$h", Environment.MachineName)));

    public void ReleaseLease() => Immediate(() => Exec("DELETE FROM lease WHERE pid = $p AND host = $h",
        ("$p", Environment.ProcessId), ("$h", Environment.MachineName)));

    /// <summary>Same host: the process with that pid and start time exists. Other host: its heartbeat is recent.</summary>
    private static bool IsAlive(string host, int pid, string started, DateTimeOffset beat, TimeSpan staleAfter)
    {
        if (host != Environment.MachineName) return DateTimeOffset.UtcNow - beat < staleAfter;
        return ProcessStart(pid) is string s && s == started;
    }

    /// <summary>The process's start time in clock ticks since boot (/proc/pid/stat field 22): a pid reused by
    /// another process has another start time. Null when there is no such process.</summary>
    internal static string? ProcessStart(int pid)
    {
        try
        {
            if (File.Exists($"/proc/{pid}/stat"))
            {
                string stat = File.ReadAllText($"/proc/{pid}/stat");
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return rest[19];
            }
            using var p = Process.GetProcessById(pid);
            return p.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // ---- desired state -------------------------------------------------------------------------------------

    public void UpsertTarget(string name, string position) => Immediate(() =>
        Exec("INSERT INTO targets(name, position) VALUES ($n, $p) ON CONFLICT(name) DO UPDATE SET position = excluded.position", ("$n", name), ("$p", position)));

    public void UpsertSplit(string ms, IEnumerable<string> targets, IEnumerable<(string Unit, string Target, string Epoch, string Workspace)> units) => Immediate(() =>
    {
        Exec("INSERT INTO splits(ms, targets) VALUES ($m, $t) ON CONFLICT(ms) DO UPDATE SET targets = excluded.targets", ("$m", ms), ("$t", string.Join('\n', targets)));
        foreach (var u in units)
            Exec("INSERT INTO units(unit, target, epoch, ms, workspace) VALUES ($u, $t, $e, $m, $w) ON CONFLICT(unit) DO UPDATE SET workspace = excluded.workspace",
                ("$u", u.Unit), ("$t", u.Target), ("$e", u.Epoch), ("$m", ms), ("$w", u.Workspace));
    });

    public void SetProducts(string unit, int products) => Immediate(() => Exec("UPDATE units SET products = $n WHERE unit = $u", ("$n", products), ("$u", unit)));

    public IReadOnlyList<(string Name, string Position)> Targets()
        => Query("SELECT name, position FROM targets ORDER BY name", r => (r.GetString(0), r.GetString(1)));

    public IReadOnlyList<(string Unit, string Target, string Epoch, string Ms, string? Workspace, int Products)> Units()
        => Query("SELECT unit, target, epoch, ms, workspace, products FROM units ORDER BY target, epoch", ReadUnit);

    /// <summary>One unit by its key (a keyed lookup: a pass asks this once per unit).</summary>
    public (string Unit, string Target, string Epoch, string Ms, string? Workspace, int Products)? Unit(string unit)
        => Query("SELECT unit, target, epoch, ms, workspace, products FROM units WHERE unit = $u", ReadUnit, ("$u", unit)) is [var row] ? row : null;

    /// <summary>One unit's workspace folder (the refresh asks this once per job).</summary>
    public string? UnitWorkspace(string unit) => Unit(unit)?.Workspace;

    private static (string Unit, string Target, string Epoch, string Ms, string? Workspace, int Products) ReadUnit(SqliteDataReader r)
        => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt32(5));

    // ---- jobs and the submission protocol -------------------------------------------------------------------

    public IReadOnlyList<CampaignJobAttempt> Attempts(string kind, string subject)
        => Query("SELECT key, kind, subject, attempt, job_id, state, reason, claimed, submitted, finished FROM jobs WHERE kind = $k AND subject = $s ORDER BY attempt",
            ReadAttempt, ("$k", kind), ("$s", subject));

    public IReadOnlyList<CampaignJobAttempt> AllAttempts()
        => Query("SELECT key, kind, subject, attempt, job_id, state, reason, claimed, submitted, finished FROM jobs ORDER BY kind, subject, attempt", ReadAttempt);

    /// <summary>
    /// Claims the next attempt of a job in one IMMEDIATE transaction, unless <paramref name="mayClaim"/> (seeing the
    /// attempts so far, inside the transaction) says no. Returns the claimed attempt, or null.
    /// </summary>
    public CampaignJobAttempt? Claim(string kind, string subject, Func<IReadOnlyList<CampaignJobAttempt>, bool> mayClaim)
    {
        CampaignJobAttempt? claimed = null;
        Immediate(() =>
        {
            var so_far = Attempts(kind, subject);
            if (!mayClaim(so_far)) return;
            int attempt = so_far.Count == 0 ? 1 : so_far[^1].Attempt + 1;
            string key = JobKey(kind, subject, attempt);
            Exec("INSERT INTO jobs(key, kind, subject, attempt, state, claimed) VALUES ($key, $k, $s, $a, 'Claimed', $c)",
                ("$key", key), ("$k", kind), ("$s", subject), ("$a", attempt), ("$c", Now()));
            claimed = new CampaignJobAttempt { Key = key, Kind = kind, Subject = subject, Attempt = attempt, State = "Claimed", Claimed = DateTimeOffset.UtcNow };
        });
        return claimed;
    }

    /// <summary>The batch job name for an attempt: campaign id, kind, a hash of the subject, attempt. A safe token.</summary>
    public string JobKey(string kind, string subject, int attempt)
    {
        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject)))[..10].ToLowerInvariant();
        string label = new string(System.IO.Path.GetFileName(subject.TrimEnd('/')).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' ? c : '_').Take(40).ToArray());
        return FormattableString.Invariant($"vc{CampaignId}-{(kind == "Split" ? "s" : "i")}-{label}-{hash}-a{attempt}");
    }

    public void RecordSubmitted(string key, string jobId) => Immediate(() =>
        Exec("UPDATE jobs SET job_id = $j, state = 'Pending', submitted = $t WHERE key = $key", ("$j", jobId), ("$t", Now()), ("$key", key)));

    public void RecordState(string key, string state, string? reason, bool final) => Immediate(() =>
        Exec("UPDATE jobs SET state = $s, reason = COALESCE($r, reason), finished = CASE WHEN $f THEN COALESCE(finished, $t) ELSE finished END WHERE key = $key",
            ("$s", state), ("$r", (object?)reason), ("$f", final), ("$t", Now()), ("$key", key)));

    /// <summary>A claim whose job the scheduler never saw (the pass died before or inside the submit call).
    /// Removed, not counted as an attempt: nothing ran. Only the lease holder calls this.</summary>
    public void DropClaim(string key) => Immediate(() => Exec("DELETE FROM jobs WHERE key = $key AND job_id IS NULL", ("$key", key)));

    private static CampaignJobAttempt ReadAttempt(SqliteDataReader r) => new()
    {
        Key = r.GetString(0), Kind = r.GetString(1), Subject = r.GetString(2), Attempt = r.GetInt32(3),
        JobId = r.IsDBNull(4) ? null : r.GetString(4), State = r.GetString(5), Reason = r.IsDBNull(6) ? null : r.GetString(6),
        Claimed = DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture),
        Submitted = r.IsDBNull(8) ? null : DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture),
        Finished = r.IsDBNull(9) ? null : DateTimeOffset.Parse(r.GetString(9), CultureInfo.InvariantCulture),
    };

    // ---- plumbing -------------------------------------------------------------------------------------------

    private int _depth;

    /// <summary>Runs <paramref name="body"/> in one BEGIN IMMEDIATE transaction (nested calls join the outer one).</summary>
    public void Immediate(Action body)
    {
        if (_depth > 0) { body(); return; }
        Exec("BEGIN IMMEDIATE");
        _depth++;
        try
        {
            body();
            _depth--;
            Exec("COMMIT");
        }
        catch
        {
            _depth = 0;
            try { Exec("ROLLBACK"); } catch (SqliteException) { /* already rolled back by SQLite */ }
            throw;
        }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return cmd;
    }

    private void Exec(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.ExecuteNonQuery();
    }

    private T? Scalar<T>(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        object? v = cmd.ExecuteScalar();
        return v is null or DBNull ? default : (T)Convert.ChangeType(v, typeof(T), CultureInfo.InvariantCulture);
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    /// <summary>The journal mode in force (tests check it is not WAL).</summary>
    public string JournalMode => Scalar<string>("PRAGMA journal_mode") ?? "";

    public void Dispose() => _db.Dispose();
}
