using VlassPS.Core.Sky;

namespace VlassPS.Core.Casa;

/// <summary>
/// What VlassPS needs from a Measurement Set, read natively (no CASA): fields with positions, frames, intents and
/// MAIN rows, spectral windows, observations and which visibility columns exist.
/// </summary>
public sealed class MeasurementSetInfo
{
    private static readonly DateTime MjdEpoch = new(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>MDirection codes in CASA's order, used when MEASINFO carries VarRefCol without its tables.</summary>
    private static readonly string[] DirectionTypes =
    {
        "J2000", "JMEAN", "JTRUE", "APP", "B1950", "B1950_VLA", "BMEAN", "BTRUE", "GALACTIC", "HADEC", "AZEL",
        "AZELSW", "AZELGEO", "AZELSWGEO", "JNAT", "ECLIPTIC", "MECLIPTIC", "TECLIPTIC", "SUPERGAL", "ITRF", "TOPO", "ICRS",
    };

    public string Path { get; init; } = "";
    public IReadOnlyList<MsField> Fields { get; init; } = Array.Empty<MsField>();
    public IReadOnlyList<MsSpectralWindow> SpectralWindows { get; init; } = Array.Empty<MsSpectralWindow>();
    public IReadOnlyList<MsObservation> Observations { get; init; } = Array.Empty<MsObservation>();

    /// <summary>The first observation (VLASS MSs have one).</summary>
    public MsObservation? Observation => Observations.Count > 0 ? Observations[0] : null;

    /// <summary>Visibility columns present in MAIN: DATA, CORRECTED_DATA, MODEL_DATA, FLOAT_DATA.</summary>
    public IReadOnlyList<string> DataColumns { get; init; } = Array.Empty<string>();

    public long Rows { get; init; }

    /// <summary>True when MAIN has STATE_ID and STATE has OBS_MODE, so field intents are meaningful.</summary>
    public bool IntentsKnown { get; init; }

    /// <summary>Table kind of MAIN (Plain, Ref for a persistent selection, Concat for a Multi-MS).</summary>
    public CasaTableKind Kind { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    public bool HasCorrectedData => DataColumns.Contains("CORRECTED_DATA");

    public override string ToString() => Path;

    /// <summary>Reads the MS at <paramref name="path"/> (read-only; never writes or locks).</summary>
    public static MeasurementSetInfo Read(string path, CancellationToken cancel = default)
    {
        try
        {
            return ReadTables(path, cancel);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or IndexOutOfRangeException
            or ArgumentException or KeyNotFoundException or InvalidOperationException or EndOfStreamException)
        {
            // A table casacore can describe but whose columns hold other types or values than an MS has
            // (NAME stored as int, a row count of 3e9, a TIME_RANGE of 1e20 s): a fault of this MS, typed.
            throw new CasaTableFormatException($"Unexpected content ({ex.GetType().Name}: {ex.Message})", path, ex);
        }
    }

    private static MeasurementSetInfo ReadTables(string path, CancellationToken cancel)
    {
        var warnings = new List<string>();
        using var main = CasaTable.Open(path);
        string fieldPath = main.GetSubtablePath("FIELD") ?? throw new CasaTableFormatException("Not a Measurement Set: no FIELD subtable", main.TablePath);
        cancel.ThrowIfCancellationRequested();

        var (rowsByField, statesByField) = CountMainRows(main, warnings);
        var stateModes = ReadStateModes(main);
        bool intentsKnown = stateModes is not null && statesByField is not null;
        cancel.ThrowIfCancellationRequested();

        List<MsField> fields;
        using (var field = CasaTable.Open(fieldPath))
            fields = ReadFields(field, rowsByField, intentsKnown ? statesByField : null, stateModes, warnings);
        cancel.ThrowIfCancellationRequested();

        return new MeasurementSetInfo
        {
            Path = main.TablePath,
            Fields = fields,
            SpectralWindows = ReadSpectralWindows(main),
            Observations = ReadObservations(main, warnings),
            DataColumns = new[] { "DATA", "CORRECTED_DATA", "MODEL_DATA", "FLOAT_DATA" }.Where(main.HasColumn).ToArray(),
            Rows = main.RowCount,
            IntentsKnown = intentsKnown,
            Kind = main.Kind,
            Warnings = warnings,
        };
    }

    /// <summary>Rows per field and the set of STATE_IDs per field, from run-length MAIN columns (merge-joined).</summary>
    private static (Dictionary<int, long> Rows, Dictionary<int, HashSet<int>>? States) CountMainRows(CasaTable main, List<string> warnings)
    {
        var rows = new Dictionary<int, long>();
        if (!main.HasColumn("FIELD_ID") || main.RowCount == 0) return (rows, null);
        main.RequireScalar("FIELD_ID", CasaDataType.Int);
        var f = main.GetColumnRuns("FIELD_ID");
        var fv = (int[])f.Values;
        if (!main.HasColumn("STATE_ID"))
        {
            for (int i = 0; i < f.Count; i++) rows[fv[i]] = rows.GetValueOrDefault(fv[i]) + f.Length[i];
            return (rows, null);
        }
        main.RequireScalar("STATE_ID", CasaDataType.Int);
        var s = main.GetColumnRuns("STATE_ID");
        var sv = (int[])s.Values;
        var states = new Dictionary<int, HashSet<int>>();
        int a = 0, b = 0;
        while (a < f.Count && b < s.Count)
        {
            long start = Math.Max(f.Start[a], s.Start[b]);
            long endA = f.Start[a] + f.Length[a], endB = s.Start[b] + s.Length[b];
            long end = Math.Min(endA, endB);
            if (end > start)
            {
                rows[fv[a]] = rows.GetValueOrDefault(fv[a]) + (end - start);
                if (!states.TryGetValue(fv[a], out var set)) states[fv[a]] = set = new HashSet<int>();
                set.Add(sv[b]);
            }
            if (endA <= endB) a++;
            else b++;
        }
        return (rows, states);
    }

    private static string[]? ReadStateModes(CasaTable main)
    {
        string? p = main.GetSubtablePath("STATE");
        if (p is null) return null;
        using var state = CasaTable.Open(p);
        if (state.RowCount == 0 || !state.HasColumn("OBS_MODE")) return null;
        return state.GetColumn<string>("OBS_MODE");
    }

    private static List<MsField> ReadFields(CasaTable field, Dictionary<int, long> rows, Dictionary<int, HashSet<int>>? states,
        string[]? modes, List<string> warnings)
    {
        int n = checked((int)field.RowCount);
        var names = field.GetColumn<string>("NAME");
        var dirs = field.GetDoubleArrayPrefix("PHASE_DIR", 2);         // term 0: RA, Dec (Fortran order [2, NUM_POLY+1])
        int[] numPoly = field.HasColumn("NUM_POLY") ? field.GetColumn<int>("NUM_POLY") : new int[n];
        var desc = field.GetColumnDesc("PHASE_DIR");
        string[] frames = Frames(field, desc, n);
        // Non-APDM MSs carry intents in FIELD.SOURCE_TYPE; the pipeline adds them to the STATE intents.
        string[]? sourceTypes = field.HasColumn("SOURCE_TYPE") && field.GetColumnDesc("SOURCE_TYPE").DataType == CasaDataType.String
            && !field.GetColumnDesc("SOURCE_TYPE").IsArray ? (string[])field.GetColumn("SOURCE_TYPE") : null;
        double unit = UnitToDegrees(desc, field.TablePath);

        // Intents per STATE row, computed once: fields share states, and an OBS_MODE can be megabytes long
        // (matching it once per field made a 5 MB OBS_MODE on 2,655 fields take minutes).
        var stateIntents = modes is null ? null : new IReadOnlyList<string>?[modes.Length];
        var result = new List<MsField>(n);
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(dirs[2 * i]) || double.IsNaN(dirs[2 * i + 1]))
                throw new CasaTableFormatException($"FIELD row {i}: PHASE_DIR is undefined or not a direction", field.TablePath);
            double lon = dirs[2 * i] * unit, lat = dirs[2 * i + 1] * unit;
            string frame = frames[i];
            SkyPosition? pos = null;
            if ((frame is "J2000" or "ICRS") && Math.Abs(lat) <= 90 && double.IsFinite(lon))
                pos = new SkyPosition(SphericalMath.WrapRa(lon), lat, frame, names[i]);
            var intents = new SortedSet<string>(StringComparer.Ordinal);
            if (states is not null && modes is not null && states.TryGetValue(i, out var ids))
                foreach (int s in ids)
                    if (s >= 0 && s < modes.Length)
                        foreach (var intent in stateIntents![s] ??= VlaStateIntents.Of(modes[s] ?? "")) intents.Add(intent);
            if (sourceTypes is not null && rows.GetValueOrDefault(i) > 0)
                foreach (var intent in VlaStateIntents.OfSourceType(sourceTypes[i] ?? "")) intents.Add(intent);
            result.Add(new MsField
            {
                Id = i,
                Name = names[i],
                PhaseDir = pos,
                Frame = frame,
                LonDeg = lon,
                LatDeg = lat,
                NumPoly = numPoly[i],
                Intents = intents.ToArray(),
                Rows = rows.GetValueOrDefault(i),
            });
        }
        int other = result.Count(f => f.PhaseDir is null);
        if (other > 0) warnings.Add($"{other} field(s) have PHASE_DIR in a frame other than J2000/ICRS and carry no sky position.");
        return result;
    }

    /// <summary>Frame per row from MEASINFO: a fixed Ref, or VarRefCol (an Int column of codes) with TabRefTypes/TabRefCodes.</summary>
    private static string[] Frames(CasaTable field, CasaColumnDesc desc, int n)
    {
        var frames = new string[n];
        var info = desc.Keywords.GetRecord("MEASINFO");
        string? varRef = info?.GetString("VarRefCol");
        if (varRef is not null && field.HasColumn(varRef))
        {
            var codeDesc = field.GetColumnDesc(varRef);
            if (codeDesc.IsArray || !CasaDataTypes.IsInteger(codeDesc.DataType))
                throw new CasaTableFormatException($"PHASE_DIR's reference column '{varRef}' holds {codeDesc.DataType}{(codeDesc.IsArray ? " arrays" : " values")}; reference codes are integers", field.TablePath);
            var codes = field.GetColumn(varRef);
            string[] types = (info!["TabRefTypes"] as CasaArray)?.Values as string[] ?? DirectionTypes;
            var codeList = (info["TabRefCodes"] as CasaArray)?.Values;
            for (int i = 0; i < n; i++)
            {
                long code = Convert.ToInt64(codes.GetValue(i));
                int k = -1;
                if (codeList is not null)
                    for (int j = 0; j < codeList.Length; j++)
                        if (Convert.ToInt64(codeList.GetValue(j)) == code) { k = j; break; }
                if (k < 0 && codeList is null) k = (int)code;
                frames[i] = k >= 0 && k < types.Length ? types[k] : $"code {code}";
            }
            return frames;
        }
        string fixedRef = info?.GetString("Ref") ?? "J2000";
        Array.Fill(frames, fixedRef);
        return frames;
    }

    private static double UnitToDegrees(CasaColumnDesc desc, string table)
    {
        string unit = ((desc.Keywords["QuantumUnits"] as CasaArray)?.Values as string[])?.FirstOrDefault() ?? "rad";
        return unit switch
        {
            "rad" => 180.0 / Math.PI,
            "deg" => 1.0,
            "arcmin" => 1.0 / 60,
            "arcsec" => 1.0 / 3600,
            _ => throw new CasaTableFormatException($"PHASE_DIR unit '{unit}' is not an angle unit", table),
        };
    }

    private static List<MsSpectralWindow> ReadSpectralWindows(CasaTable main)
    {
        var list = new List<MsSpectralWindow>();
        string? p = main.GetSubtablePath("SPECTRAL_WINDOW");
        if (p is null) return list;
        using var t = CasaTable.Open(p);
        int n = checked((int)t.RowCount);
        if (n == 0) return list;
        var names = t.GetColumn<string>("NAME");
        var refFreq = t.GetColumn<double>("REF_FREQUENCY");
        var nchan = t.GetColumn<int>("NUM_CHAN");
        var bw = t.GetColumn<double>("TOTAL_BANDWIDTH");
        for (int i = 0; i < n; i++)
            list.Add(new MsSpectralWindow { Id = i, Name = names[i], RefFrequencyHz = refFreq[i], NumChannels = nchan[i], TotalBandwidthHz = bw[i] });
        return list;
    }

    /// <summary>Seconds since MJD 0 as a UTC date; null (with a warning) for a time no calendar date can hold.</summary>
    private static DateTime? MjdSecondsToUtc(double seconds, int row, List<string> warnings)
    {
        if (seconds == 0) return null;                                    // unset
        if (double.IsFinite(seconds) && seconds > 0 && seconds < MaxMjdSeconds) return MjdEpoch.AddSeconds(seconds);
        warnings.Add($"OBSERVATION row {row}: TIME_RANGE holds {seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} s, which is no date between 1858 and 9999; the time is left empty.");
        return null;
    }

    private static readonly double MaxMjdSeconds = (DateTime.MaxValue - MjdEpoch).TotalSeconds - 1;

    private static List<MsObservation> ReadObservations(CasaTable main, List<string> warnings)
    {
        var list = new List<MsObservation>();
        string? p = main.GetSubtablePath("OBSERVATION");
        if (p is null) return list;
        using var t = CasaTable.Open(p);
        int n = checked((int)t.RowCount);
        if (n == 0) return list;
        var tel = t.GetColumn<string>("TELESCOPE_NAME");
        var proj = t.GetColumn<string>("PROJECT");
        var obs = t.HasColumn("OBSERVER") ? t.GetColumn<string>("OBSERVER") : new string[n];
        var range = t.GetArrayColumn("TIME_RANGE");
        for (int i = 0; i < n; i++)
        {
            var r = range[i]?.Values as double[];
            list.Add(new MsObservation
            {
                Id = i,
                Telescope = tel[i],
                Project = proj[i],
                Observer = obs[i] ?? "",
                StartUtc = r is { Length: 2 } ? MjdSecondsToUtc(r[0], i, warnings) : null,
                EndUtc = r is { Length: 2 } ? MjdSecondsToUtc(r[1], i, warnings) : null,
            });
        }
        return list;
    }
}
