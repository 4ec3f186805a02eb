using System.Globalization;
using System.Numerics;

namespace VlassPS.Core.Seip;

/// <summary>
/// The contents of a <c>SEIP_parameter.list</c>: an ordered set of key = Python literal pairs, with typed
/// properties for the keys VlassPS sets and the raw <see cref="PyValue"/> for any other key (the escape
/// hatch: <c>list["niter"] = 20000</c>). The raw values are the truth, so a list read from a file writes
/// back as an equivalent file even where a value does not have the typed shape.
/// </summary>
public sealed class SeipParameterList
{
    public const string DefaultFileName = "SEIP_parameter.list";

    private readonly List<string> _order = new();
    private readonly Dictionary<string, PyValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    /// <summary>An empty list (no keys at all, as the pipeline would see an empty file).</summary>
    public SeipParameterList() { }

    /// <summary>A new list with the Memo 20 imaging mode and the SE cell, ready for a name, centre and size.</summary>
    public static SeipParameterList CreateDefault()
    {
        var list = new SeipParameterList();
        list.ImagingMode = ImagingModes.SeContMosaic;
        return list;
    }

    /// <summary>Comment lines written at the top of the file (without the leading '#').</summary>
    public List<string> Comments { get; } = new();

    /// <summary>The file this list was read from or last written to.</summary>
    public string? Path { get; set; }

    /// <summary>Pipeline version the list is meant for (drives warnings); null = newest.</summary>
    public PipelineVersion? PipelineVersion { get; set; }

    /// <summary>What writing the list did (Created, Unchanged, Updated); null for a list read or not written.</summary>
    public IO.WriteStatus? Status { get; set; }

    /// <summary>The target the list was made for; names the default workspace folder.</summary>
    public Targets.VlassTarget? Target { get; set; }

    /// <summary>
    /// The science image side (arcsec) this list was built for, when known (from a geometry). Not written to
    /// the file; workspaces use it to produce the science-size image.
    /// </summary>
    public double? ScienceWidthArcsec { get; set; }
    public double? ScienceHeightArcsec { get; set; }

    /// <summary>
    /// Half-widths (arcsec) of VlassPS's field search region (science/2 + R_g) this list was built for, when known
    /// (from a geometry). Not written to the file; the validator checks that the pipeline's own search box covers it.
    /// </summary>
    public double? SearchHalfWidthXArcsec { get; set; }
    public double? SearchHalfWidthYArcsec { get; set; }

    public IReadOnlyList<string> Keys => _order;
    public int Count => _order.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Raw access to any key; setting null removes the key (use PyValue.None for Python None).</summary>
    public PyValue? this[string key]
    {
        get => _values.TryGetValue(key, out var v) ? v : null;
        set
        {
            if (value is null) { Remove(key); return; }
            Set(key, value);
        }
    }

    public void Set(string key, PyValue value, int? line = null)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_values.ContainsKey(key)) _order.Add(key);
        _values[key] = value;
        if (line is int l) _lines[key] = l; else _lines.Remove(key);
    }

    // The reader keeps keys exactly as the pipeline sees them, even odd ones ("# x", "my key").
    internal void SetUnchecked(string key, PyValue value, int line)
    {
        if (!_values.ContainsKey(key)) _order.Add(key);
        _values[key] = value;
        _lines[key] = line;
    }

    public bool Remove(string key)
    {
        _lines.Remove(key);
        return _values.Remove(key) && _order.Remove(key);
    }

    /// <summary>Line of the key in the file it was read from, if any.</summary>
    public int? LineOf(string key) => _lines.TryGetValue(key, out int l) ? l : null;

    /// <summary>
    /// A key must survive the pipeline's parse unchanged: the split at the first '=', whitespace stripping,
    /// the column-0 '#' rule, and one line per entry. Written files are ASCII, so keys are too.
    /// </summary>
    public static void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("A parameter key cannot be empty.", nameof(key));
        if (key.Contains('=')) throw new ArgumentException($"Parameter key '{key}' contains '=': the pipeline splits each line at the first '='.", nameof(key));
        if (key[0] == '#') throw new ArgumentException($"Parameter key '{key}' starts with '#': the pipeline would skip the line as a comment.", nameof(key));
        if (PythonText.Strip(key) != key) throw new ArgumentException($"Parameter key '{key}' has leading or trailing whitespace, which the pipeline strips.", nameof(key));
        foreach (char c in key)
            if (c < 0x21 || c > 0x7E)
                throw new ArgumentException($"Parameter key '{key}' contains a space, control or non-ASCII character; keys are Python identifiers such as 'imsize'.", nameof(key));
    }

    // ---------------------------------------------------------------- typed keys

    public string? ImageName { get => GetString(SeipKeys.ImageName); set => SetString(SeipKeys.ImageName, value); }

    /// <summary>The CASA phase centre string, e.g. <c>J2000 08:07:57.538 +04.32.34.53</c>.</summary>
    public string? PhaseCenter { get => GetString(SeipKeys.PhaseCenter); set => SetString(SeipKeys.PhaseCenter, value); }

    public string? ImagingMode { get => GetString(SeipKeys.ImagingMode); set => SetString(SeipKeys.ImagingMode, value); }

    /// <summary>Full image size in pixels: one value (square) or [nx, ny]; written as a list.</summary>
    public int[]? Imsize { get => GetIntArray(SeipKeys.Imsize); set => SetIntArray(SeipKeys.Imsize, value); }

    /// <summary>Cell size with unit, e.g. <c>0.6arcsec</c> (a one-element list in the file reads the same).</summary>
    public string? Cell
    {
        get => this[SeipKeys.Cell] switch
        {
            PyStr s => s.Value,
            PyList { Count: 1 } l when l[0] is PyStr s => s.Value,
            _ => null,
        };
        set => SetString(SeipKeys.Cell, value);
    }

    public int? CycleNiter { get => GetInt(SeipKeys.CycleNiter); set => SetInt(SeipKeys.CycleNiter, value); }
    public int? CycleNiterFinalImageNoMask { get => GetInt(SeipKeys.CycleNiterFinalImageNoMask); set => SetInt(SeipKeys.CycleNiterFinalImageNoMask, value); }
    public double? PbLimit { get => GetDouble(SeipKeys.PbLimit); set => SetDouble(SeipKeys.PbLimit, value, preferInt: false); }
    public double? SearchRadiusArcsec { get => GetDouble(SeipKeys.SearchRadiusArcsec); set => SetDouble(SeipKeys.SearchRadiusArcsec, value, preferInt: true); }
    public string? Field { get => GetString(SeipKeys.Field); set => SetString(SeipKeys.Field, value); }
    public string? Spw { get => GetString(SeipKeys.Spw); set => SetString(SeipKeys.Spw, value); }
    public double? NSigma { get => GetDouble(SeipKeys.NSigma); set => SetDouble(SeipKeys.NSigma, value, preferInt: false); }
    public double? Robust { get => GetDouble(SeipKeys.Robust); set => SetDouble(SeipKeys.Robust, value, preferInt: false); }
    /// <summary>Final cutout in pixels (pipeline ≥ 2025.1.1.52).</summary>
    public int[]? CutoutImsize { get => GetIntArray(SeipKeys.CutoutImsize); set => SetIntArray(SeipKeys.CutoutImsize, value); }
    /// <summary>W-projection planes for AWP modes (pipeline ≥ 2025.1.1.36).</summary>
    public int? WProjPlanes { get => GetInt(SeipKeys.WProjPlanes); set => SetInt(SeipKeys.WProjPlanes, value); }

    private static readonly HashSet<string> TypedKeys = new(StringComparer.Ordinal)
    {
        SeipKeys.ImageName, SeipKeys.PhaseCenter, SeipKeys.ImagingMode, SeipKeys.Imsize, SeipKeys.Cell,
        SeipKeys.CycleNiter, SeipKeys.CycleNiterFinalImageNoMask, SeipKeys.PbLimit, SeipKeys.SearchRadiusArcsec,
        SeipKeys.Field, SeipKeys.Spw, SeipKeys.NSigma, SeipKeys.Robust, SeipKeys.CutoutImsize, SeipKeys.WProjPlanes,
    };

    /// <summary>Every key without a typed property, with its raw value.</summary>
    public IReadOnlyDictionary<string, PyValue> AdditionalParameters
        => _order.Where(k => !TypedKeys.Contains(k)).ToDictionary(k => k, k => _values[k], StringComparer.Ordinal);

    private string? GetString(string key) => this[key] is PyStr s ? s.Value : null;
    private void SetString(string key, string? value) => this[key] = value is null ? null : new PyStr(value);

    private int? GetInt(string key) => this[key] is PyInt i && i.Value >= int.MinValue && i.Value <= int.MaxValue ? (int)i.Value : null;
    private void SetInt(string key, int? value) => this[key] = value is int v ? new PyInt(v) : null;

    private double? GetDouble(string key) => this[key] switch
    {
        PyFloat f => f.Value,
        PyInt i => (double)i.Value,
        _ => null,
    };

    private void SetDouble(string key, double? value, bool preferInt)
    {
        if (value is not double d) { this[key] = null; return; }
        if (!double.IsFinite(d)) throw new ArgumentOutOfRangeException(key, d, $"'{key}' must be a finite number.");
        this[key] = preferInt && d == Math.Floor(d) && Math.Abs(d) < 1e15 ? new PyInt(new BigInteger(d)) : new PyFloat(d);
    }

    private int[]? GetIntArray(string key)
    {
        switch (this[key])
        {
            case PyInt i when i.Value >= int.MinValue && i.Value <= int.MaxValue: return new[] { (int)i.Value };
            case PySequence s when s.Count > 0 && s.All(x => x is PyInt xi && xi.Value >= int.MinValue && xi.Value <= int.MaxValue):
                return s.Select(x => (int)((PyInt)x).Value).ToArray();
            default: return null;
        }
    }

    private void SetIntArray(string key, int[]? value)
        => this[key] = value is null ? null : new PyList(value.Select(v => (PyValue)new PyInt(v)));

    // ---------------------------------------------------------------- text

    /// <summary>The file text (domain.md §9.2 writer rules). Throws when an error-level issue remains.</summary>
    public string ToText(bool validate = true)
    {
        if (validate)
        {
            var errors = Validate(PipelineVersion).Where(i => i.Severity == SeipIssueSeverity.Error).ToList();
            if (errors.Count > 0) throw new SeipParameterListException(Path, errors);
        }
        return SeipParameterFileWriter.Write(this);
    }

    public static SeipParseResult Parse(string text, string? source = null) => SeipParameterFileReader.Parse(text, source);

    /// <summary>Validation against what the pipeline needs; see <see cref="SeipValidator"/>.</summary>
    public IReadOnlyList<SeipIssue> Validate(PipelineVersion? version = null) => SeipValidator.Validate(this, version ?? PipelineVersion);

    /// <summary>Key-by-key comparison of values; what differs, for messages (empty when equivalent).</summary>
    public IReadOnlyList<string> DifferencesFrom(SeipParameterList other)
    {
        var diffs = new List<string>();
        foreach (var k in _order)
        {
            if (!other._values.TryGetValue(k, out var ov)) diffs.Add($"{k}: {_values[k].ToPython()} (absent in the other list)");
            else if (!ov.Equals(_values[k])) diffs.Add($"{k}: {ov.ToPython()} -> {_values[k].ToPython()}");
        }
        foreach (var k in other._order.Where(k => !_values.ContainsKey(k)))
            diffs.Add($"{k}: {other._values[k].ToPython()} (absent in this list)");
        return diffs;
    }

    public SeipParameterList Clone()
    {
        var c = new SeipParameterList
        {
            Path = Path, PipelineVersion = PipelineVersion, ScienceWidthArcsec = ScienceWidthArcsec, ScienceHeightArcsec = ScienceHeightArcsec,
            SearchHalfWidthXArcsec = SearchHalfWidthXArcsec, SearchHalfWidthYArcsec = SearchHalfWidthYArcsec,
        };
        c.Comments.AddRange(Comments);
        foreach (var k in _order)
        {
            if (!c._values.ContainsKey(k)) c._order.Add(k);
            c._values[k] = _values[k];
            if (LineOf(k) is int l) c._lines[k] = l;
        }
        return c;
    }

    public override string ToString()
        => string.Join(", ", _order.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}={_values[k].ToPython()}")));
}
