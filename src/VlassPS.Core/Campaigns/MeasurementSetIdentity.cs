using System.Text.RegularExpressions;
using VlassPS.Core.Archive;
using VlassPS.Core.Casa;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// What a measurement set says about which execution block it holds, read from its own tables (no CASA): EB names
/// written in OBSERVATION.SCHEDULE or HISTORY (importasdm records <c>asdm='&lt;EB&gt;'</c>), the project
/// (VLASS MSs carry the epoch there, e.g. <c>VLASS2.1</c>) and the start of the observation. The campaign pass
/// uses it when the MS folder is not named after an execution block of the plan.
/// </summary>
public sealed partial class MeasurementSetIdentity
{
    /// <summary>History rows read at most: the name, when there, is among the first (importasdm writes it).</summary>
    public const int MaxHistoryRows = 5000;

    /// <summary>EB names found in the MS's own tables, distinct, in the order found.</summary>
    public IReadOnlyList<string> ExecutionBlockNames { get; init; } = Array.Empty<string>();
    /// <summary>OBSERVATION.PROJECT of the first observation ("" when absent).</summary>
    public string Project { get; init; } = "";
    /// <summary>Start of the first observation (UTC) as MJD; null when TIME_RANGE is not set.</summary>
    public double? StartMjd { get; init; }

    /// <summary>The epoch the project names (VLASSn.m), else null.</summary>
    public string? ProjectEpoch => VlassEpochPattern().IsMatch(Project) ? Project : null;

    /// <summary>Reads the identity of the MS described by <paramref name="info"/> (already read) at its path.</summary>
    public static MeasurementSetIdentity Read(MeasurementSetInfo info)
    {
        var names = new List<string>();
        double? start = info.Observation?.StartUtc is DateTime t ? (t - MjdZero).TotalDays : null;
        try
        {
            using var main = CasaTable.Open(info.Path);
            Collect(main, "OBSERVATION", "SCHEDULE", names);
            Collect(main, "HISTORY", "MESSAGE", names);
            Collect(main, "HISTORY", "CLI_COMMAND", names);
        }
        catch (Exception ex) when (ex is CasaTableException or IOException or InvalidCastException or UnauthorizedAccessException)
        {
            // The subtables that name the EB are optional: an MS without them is identified by project and time.
        }
        return new MeasurementSetIdentity { ExecutionBlockNames = names, Project = info.Observation?.Project ?? "", StartMjd = start };
    }

    private static readonly DateTime MjdZero = new(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc);

    private static void Collect(CasaTable main, string subtable, string column, List<string> names)
    {
        string? path = main.GetSubtablePath(subtable);
        if (path is null) return;
        using var t = CasaTable.Open(path);
        if (!t.HasColumn(column) || t.RowCount == 0 || t.RowCount > MaxHistoryRows) return;
        var desc = t.GetColumnDesc(column);
        if (desc.DataType is not (CasaDataType.String or CasaDataType.ArrayString)) return;
        IEnumerable<string?> cells = desc.IsArray
            ? t.GetArrayColumn(column).Where(a => a?.Values is string[]).SelectMany(a => (string[])a!.Values)
            : (string[])t.GetColumn(column);
        foreach (var cell in cells)
            if (cell is not null)
                foreach (Match m in EbToken().Matches(cell))
                    if (ExecutionBlockName.TryParse(m.Value, out var n) && !names.Contains(n.Name)) names.Add(n.Name);
    }

    [GeneratedRegex(@"VLASS[0-9]+\.[0-9]\.sb[0-9]+\.eb[0-9]+\.[0-9]{5}\.[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex EbToken();

    [GeneratedRegex(@"^VLASS[0-9]+\.[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex VlassEpochPattern();
}
