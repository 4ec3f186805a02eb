using System.Globalization;
using VlassPS.Core.Campaigns;

namespace VlassPS.Campaigns;

/// <summary>
/// The ledger's science part: plan rows still waiting for data (table <c>awaiting</c>) and each completed unit's
/// flux check (columns <c>check_*</c> of <c>units</c>). Added by migration (CREATE TABLE IF NOT EXISTS, ALTER TABLE
/// ADD COLUMN when the column is missing), never by rewriting the schema, so older ledgers open and keep their rows;
/// a read-only ledger that predates the migration reads as "nothing recorded".
/// </summary>
public sealed partial class CampaignLedger
{
    private static readonly (string Name, string Type)[] CheckColumns =
    [
        ("check_state", "TEXT"), ("check_image", "TEXT"), ("check_radius", "REAL"), ("check_peak", "REAL"), ("check_flux", "REAL"),
        ("check_flux_error", "REAL"), ("check_official", "TEXT"), ("check_official_flux", "REAL"), ("check_ratio", "REAL"),
        ("check_reason", "TEXT"), ("check_time", "TEXT"), ("check_settings", "TEXT"),
    ];

    private void MigrateScience() => Immediate(() =>
    {
        Exec("""
            CREATE TABLE IF NOT EXISTS awaiting(target TEXT NOT NULL, epoch TEXT NOT NULL, state TEXT NOT NULL,
                ebs TEXT NOT NULL, links TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY(target, epoch));
            """);
        var have = Columns("units");
        foreach (var (name, type) in CheckColumns)
            if (!have.Contains(name)) Exec($"ALTER TABLE units ADD COLUMN {name} {type}");
    });

    private HashSet<string> Columns(string table)
        => Query($"SELECT name FROM pragma_table_info('{table}')", r => r.GetString(0)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private bool HasScienceSchema => Columns("units").Contains("check_state") && Columns("awaiting").Count > 0;

    /// <summary>Replaces the plan rows that wait for data with this pass's view (one transaction).</summary>
    public void ReplaceAwaiting(IEnumerable<AwaitingUnit> rows) => Immediate(() =>
    {
        Exec("DELETE FROM awaiting");
        foreach (var a in rows)
            Exec("INSERT OR REPLACE INTO awaiting(target, epoch, state, ebs, links, note) VALUES ($t, $e, $s, $b, $l, $n)",
                ("$t", a.Target), ("$e", a.Epoch), ("$s", a.State), ("$b", string.Join('\n', a.ExecutionBlocks)), ("$l", string.Join('\n', a.Links)), ("$n", a.Note));
    });

    public IReadOnlyList<AwaitingUnit> Awaiting()
        => !HasScienceSchema ? [] : Query("SELECT target, epoch, state, ebs, links, note FROM awaiting ORDER BY target, epoch",
            r => new AwaitingUnit(r.GetString(0), r.GetString(1), r.GetString(2), Lines(r.GetString(3)), Lines(r.GetString(4)), r.GetString(5)));

    private static string[] Lines(string s) => s.Length == 0 ? [] : s.Split('\n');

    /// <summary>The recorded check of every unit that has one.</summary>
    public IReadOnlyDictionary<string, CampaignCheckResult> Checks() => Checks(null);

    private IReadOnlyDictionary<string, CampaignCheckResult> Checks(string? unit)
    {
        if (!HasScienceSchema) return new Dictionary<string, CampaignCheckResult>();
        var rows = Query("""
            SELECT unit, check_state, check_image, check_radius, check_peak, check_flux, check_flux_error, check_official,
                   check_official_flux, check_ratio, check_reason, check_time, check_settings FROM units WHERE check_state IS NOT NULL AND ($u IS NULL OR unit = $u)
            """, r => (r.GetString(0), new CampaignCheckResult
        {
            State = r.GetString(1), Image = Text(r, 2), RadiusArcsec = r.IsDBNull(3) ? 0 : r.GetDouble(3), PeakJyPerBeam = Real(r, 4),
            FluxJy = Real(r, 5), FluxUncertaintyJy = Real(r, 6), OfficialImage = Text(r, 7), OfficialFluxJy = Real(r, 8), FluxRatio = Real(r, 9),
            Reason = Text(r, 10), Checked = Text(r, 11) is string t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null, Settings = Text(r, 12) ?? "",
        }), ("$u", unit));
        return rows.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    public CampaignCheckResult? Check(string unit) => Checks(unit).GetValueOrDefault(unit);

    public void RecordCheck(string unit, CampaignCheckResult c) => Immediate(() => Exec("""
        UPDATE units SET check_state = $s, check_image = $i, check_radius = $r, check_peak = $p, check_flux = $f, check_flux_error = $fe,
            check_official = $o, check_official_flux = $of, check_ratio = $q, check_reason = $why, check_time = $t, check_settings = $cfg
        WHERE unit = $u
        """, ("$s", c.State), ("$i", c.Image), ("$r", c.RadiusArcsec), ("$p", Finite(c.PeakJyPerBeam)), ("$f", Finite(c.FluxJy)),
        ("$fe", Finite(c.FluxUncertaintyJy)), ("$o", c.OfficialImage), ("$of", Finite(c.OfficialFluxJy)), ("$q", Finite(c.FluxRatio)),
        ("$why", c.Reason), ("$t", Now()), ("$cfg", c.Settings), ("$u", unit)));

    // SQLite stores NaN as NULL; keep that explicit (a ratio of 0/0 is "not defined", not a number).
    private static object? Finite(double? v) => v is double d && double.IsFinite(d) ? d : null;
    private static double? Real(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
    private static string? Text(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
