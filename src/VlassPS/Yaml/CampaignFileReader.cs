using System.Globalization;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Catalog;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Tiling;
using VlassPS.Core.Workspace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VlassPS.Yaml;

/// <summary>
/// Reads a campaign YAML file (schema: about_VlassCampaigns) into a <see cref="CampaignDefinition"/>, collecting
/// every problem with its line and column instead of stopping at the first. Only this file touches YamlDotNet for
/// campaigns; the node model (not the object deserializer) is used because it keeps each value's position.
/// </summary>
internal sealed class CampaignFileReader
{
    public static readonly IReadOnlyList<string> TopKeys = ["name", "defaults", "targets", "targets_file"];
    public static readonly IReadOnlyList<string> SettingKeys =
        ["science_size", "cell", "epochs", "imaging_mode", "pipeline_version", "casa_path", "scheduler", "resources", "data_directory", "work_root", "array_throttle", "checks"];
    public static readonly IReadOnlyList<string> CheckKeys = ["flux"];
    public static readonly IReadOnlyList<string> FluxCheckKeys = ["radius_arcsec"];
    public static readonly IReadOnlyList<string> CampaignWideKeys = ["scheduler", "data_directory", "work_root", "array_throttle"];
    public static readonly IReadOnlyList<string> ResourceKeys = ["cores", "memory_gb", "wall_time", "partition", "account"];

    private readonly string _path;
    private readonly string _folder;
    private readonly IReadOnlyCollection<string>? _knownEpochs;
    private readonly List<CampaignProblem> _problems = [];

    private CampaignFileReader(string path, IReadOnlyCollection<string>? knownEpochs)
    {
        _path = path;
        _folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        _knownEpochs = knownEpochs;
    }

    /// <summary>Reads and validates; throws <see cref="CampaignFormatException"/> listing every problem.</summary>
    /// <param name="extraTargets">Targets from a CSV list given outside the file (-TargetList), validated alike.</param>
    /// <param name="knownEpochs">Epochs of the survey table when one is at hand; null checks the form only.</param>
    public static CampaignDefinition Read(string path, string text, IReadOnlyCollection<string>? knownEpochs,
        IEnumerable<TargetRow>? extraTargets = null, string? extraTargetsPath = null)
    {
        var reader = new CampaignFileReader(path, knownEpochs);
        return reader.Parse(text, extraTargets, extraTargetsPath);
    }

    private CampaignDefinition Parse(string text, IEnumerable<TargetRow>? extraTargets, string? extraTargetsPath)
    {
        var yaml = new YamlStream();
        try { yaml.Load(new StringReader(text)); }
        catch (YamlException ex)
        {
            Problem(ex.Start.Line, ex.Start.Column, ex.InnerException?.Message ?? ex.Message);
            throw new CampaignFormatException(_path, _problems);
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(1, 1, "A campaign file is a mapping with 'defaults:' and 'targets:' (see about_VlassCampaigns).");
            throw new CampaignFormatException(_path, _problems);
        }

        string name = System.IO.Path.GetFileNameWithoutExtension(_path);
        var defaults = new CampaignSettings();
        YamlNode? targetsNode = null, targetsFileNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = Key(keyNode);
            switch (key)
            {
                case "name": name = Scalar(value, "name") ?? name; break;
                case "defaults":
                    if (value is YamlMappingNode m) defaults = Settings(m, defaults, campaignWide: true, out _);
                    else At(value, "'defaults' must be a mapping of settings.");
                    break;
                case "targets": targetsNode = value; break;
                case "targets_file": targetsFileNode = value; break;
                default: Unknown(keyNode, key, TopKeys); break;
            }
        }

        var targets = new List<CampaignTarget>();
        var names = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (targetsNode is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children)
                if (Target(item, defaults) is { } t) AddTarget(t, item.Start, names, ids, targets);
        }
        else if (targetsNode is not null && !(targetsNode is YamlScalarNode { Value: null or "" or "~" }))
            At(targetsNode, "'targets' must be a list of targets (- name: ..., position: ...).");

        if (targetsFileNode is not null && Scalar(targetsFileNode, "targets_file") is { } file)
        {
            string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(_folder, file));
            if (!File.Exists(full)) At(targetsFileNode, $"targets_file '{file}' does not exist ({full}).");
            else FromCsv(ReadCsv(full, targetsFileNode.Start), full, defaults, names, ids, targets);
        }
        if (extraTargets is not null) FromCsv(extraTargets, extraTargetsPath ?? "target list", defaults, names, ids, targets);

        if (_problems.Count > 0) throw new CampaignFormatException(_path, _problems);
        return new CampaignDefinition(name, defaults, targets, System.IO.Path.GetFullPath(_path));
    }

    private IEnumerable<TargetRow> ReadCsv(string full, Mark at)
    {
        try
        {
            using var reader = new StreamReader(full);
            char sep = full.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
            return TargetListReader.Read(reader, sep).ToList();
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            Problem(at.Line, at.Column, $"targets_file {full}: {ex.Message}");
            return [];
        }
    }

    private void FromCsv(IEnumerable<TargetRow> rows, string source, CampaignSettings defaults,
        Dictionary<string, Mark> names, Dictionary<string, string> ids, List<CampaignTarget> targets)
    {
        foreach (var row in rows)
        {
            if (row.Error is not null) { _problems.Add(new CampaignProblem(source, row.Line, 1, row.Error.Message)); continue; }
            var p = row.Position!;
            var target = p.Target;
            if (!InSurvey(p, source, row.Line, 1)) continue;
            var settings = defaults;
            var keys = new List<string>();
            foreach (var (k, v) in target.Overrides)
            {
                string key = k.ToLowerInvariant();
                var problem = ApplyOverride(ref settings, key, v);
                if (problem is not null) _problems.Add(new CampaignProblem(source, row.Line, 1, $"Column '{k}': {problem}"));
                else keys.Add(key);
            }
            var t = new CampaignTarget(target, settings, keys);
            var mark = new Mark(0, row.Line, 1);
            AddTarget(t, mark, names, ids, targets, source);
        }
    }

    /// <summary>CSV override columns map onto the YAML per-target keys (ScienceSize → science_size).</summary>
    private static string? ApplyOverride(ref CampaignSettings s, string key, string value)
    {
        key = key.Replace("sciencesize", "science_size").Replace("imagingmode", "imaging_mode").Replace("pipelineversion", "pipeline_version");
        switch (key)
        {
            case "science_size":
                if (!TryArcsec(value, out double size)) return $"'{value}' is not a science size in arcsec (a number > 0).";
                s = s with { ScienceWidthArcsec = size, ScienceHeightArcsec = size };
                return null;
            case "cell":
                if (!TryArcsec(value, out double cell) || cell > 60) return $"'{value}' is not a cell size in arcsec (0 < cell ≤ 60).";
                s = s with { CellArcsec = cell };
                return null;
            case "epochs":
            case "epoch":
                var epochs = value.Split([';', ' ', '|'], StringSplitOptions.RemoveEmptyEntries);
                if (epochs.Length == 0 || !epochs.All(VlassEpoch.IsValid)) return $"'{value}' is not a list of epochs like VLASS2.1;VLASS3.1.";
                s = s with { Epochs = epochs };
                return null;
            case "imaging_mode":
                if (!ImagingModes.IsKnown(value)) return $"'{value}' is not an imaging mode ({string.Join(", ", ImagingModes.All)}).";
                s = s with { ImagingMode = value };
                return null;
            case "pipeline_version":
                if (!PipelineVersion.TryParse(value, out var v)) return $"'{value}' is not a pipeline version like 2023.1.1.8.";
                s = s with { PipelineVersion = v };
                return null;
            default:
                return null; // other CSV columns are the target's own data (kept in Target.Overrides)
        }
    }

    private void AddTarget(CampaignTarget t, Mark at, Dictionary<string, Mark> names, Dictionary<string, string> ids,
        List<CampaignTarget> targets, string? source = null)
    {
        if (names.TryGetValue(t.Name, out var first))
        {
            Problem(at.Line, at.Column, $"Duplicate target name '{t.Name}' (first at line {first.Line}).", source);
            return;
        }
        if (ids.TryGetValue(t.Target.Id, out var other))
        {
            Problem(at.Line, at.Column, $"Target '{t.Name}' has the same folder id '{t.Target.Id}' as '{other}'.", source);
            return;
        }
        names[t.Name] = at;
        ids[t.Target.Id] = t.Name;
        targets.Add(t);
    }

    private CampaignTarget? Target(YamlNode node, CampaignSettings defaults)
    {
        if (node is not YamlMappingNode m)
        {
            At(node, "A target is a mapping: - name: J0807+0432, position: '08:07:57.538 +04:32:34.55'.");
            return null;
        }
        string? name = null, official = null;
        SkyPosition? position = null;
        YamlNode? positionNode = null;
        var overrides = new YamlMappingNode();
        bool ok = true;
        foreach (var (keyNode, value) in m.Children)
        {
            string key = Key(keyNode);
            switch (key)
            {
                case "name": name = Scalar(value, "name"); ok &= name is not null; break;
                case "position":
                    positionNode = value;
                    var text = Scalar(value, "position");
                    if (text is null) { ok = false; break; }
                    if (!SkyPosition.TryParse(text, out position, out var error)) { At(value, $"Position '{text}' is not readable: {error}"); ok = false; }
                    break;
                case "official_image":
                    // The official SE image a completed unit is compared with; relative to the campaign file's folder.
                    if (Scalar(value, key) is { } img) official = System.IO.Path.GetFullPath(System.IO.Path.Combine(_folder, img));
                    else ok = false;
                    break;
                default:
                    if (SettingKeys.Contains(key) && !CampaignWideKeys.Contains(key)) overrides.Add(keyNode, value);
                    else if (CampaignWideKeys.Contains(key)) { At(keyNode, $"'{key}' is campaign-wide: set it under 'defaults:', not per target."); ok = false; }
                    else { Unknown(keyNode, key, ["name", "position", "official_image", .. SettingKeys.Except(CampaignWideKeys)]); ok = false; }
                    break;
            }
        }
        if (positionNode is null) { At(m, "A target needs 'position:'."); return null; }
        if (position is not null && !InSurvey(position, _path, positionNode.Start.Line, positionNode.Start.Column)) return null;
        var settings = Settings(overrides, defaults, campaignWide: false, out var keys);
        if (official is not null) { settings = settings with { OfficialImage = official }; keys.Add("official_image"); }
        if (!ok || position is null) return null;
        var target = position.WithTarget(name ?? position.IauName, null).Target;
        return new CampaignTarget(target, settings, keys);
    }

    private bool InSurvey(SkyPosition p, string source, long line, long column)
    {
        if (p.DecDeg >= TileGrid.SouthernLimitDeg) return true;
        _problems.Add(new CampaignProblem(source, (int)line, (int)column,
            string.Create(CultureInfo.InvariantCulture, $"Position at Dec {p.DecDeg:F4}° is south of the survey limit ({TileGrid.SouthernLimitDeg}°).")));
        return false;
    }

    private CampaignSettings Settings(YamlMappingNode m, CampaignSettings s, bool campaignWide, out List<string> keys)
    {
        keys = [];
        foreach (var (keyNode, value) in m.Children)
        {
            string key = Key(keyNode);
            keys.Add(key);
            switch (key)
            {
                case "science_size":
                    if (value is YamlSequenceNode { Children.Count: 2 } pair)
                    {
                        if (Number(pair.Children[0], "science_size width", 1, 36000) is double w && Number(pair.Children[1], "science_size height", 1, 36000) is double h)
                            s = s with { ScienceWidthArcsec = w, ScienceHeightArcsec = h };
                    }
                    else if (Number(value, "science_size", 1, 36000) is double size)
                        s = s with { ScienceWidthArcsec = size, ScienceHeightArcsec = size };
                    break;
                case "cell":
                    if (Number(value, "cell", 0.001, 60) is double cell) s = s with { CellArcsec = cell };
                    break;
                case "epochs":
                    if (Epochs(value) is { } epochs) s = s with { Epochs = epochs };
                    break;
                case "imaging_mode":
                    if (Scalar(value, key) is { } mode)
                    {
                        if (ImagingModes.IsKnown(mode)) s = s with { ImagingMode = mode };
                        else At(value, $"imaging_mode '{mode}' is not one of {string.Join(", ", ImagingModes.All)}.");
                    }
                    break;
                case "pipeline_version":
                    if (Scalar(value, key) is { } pv)
                    {
                        if (PipelineVersion.TryParse(pv, out var v)) s = s with { PipelineVersion = v };
                        else At(value, $"pipeline_version '{pv}' is not a version like 2023.1.1.8.");
                    }
                    break;
                case "casa_path":
                    if (Scalar(value, key) is { } casa) s = s with { CasaPath = casa };
                    break;
                case "scheduler":
                    if (Scalar(value, key) is { } sch)
                    {
                        if (Enum.TryParse<BatchScheduler>(sch, ignoreCase: true, out var scheduler) && Enum.IsDefined(scheduler) && !sch.Any(char.IsDigit))
                            s = s with { Scheduler = scheduler };
                        else At(value, $"scheduler '{sch}' is not one of {string.Join(", ", Enum.GetNames<BatchScheduler>())}.");
                    }
                    break;
                case "resources":
                    if (value is YamlMappingNode r) s = s with { Resources = Resources(r, s) };
                    else At(value, "'resources' must be a mapping (cores, memory_gb, wall_time, partition, account).");
                    break;
                case "array_throttle":
                    if (Number(value, key, 0, 100000) is double n && n == Math.Floor(n)) s = s with { ArrayThrottle = (int)n };
                    else if (IsNumber(value)) At(value, "array_throttle must be a whole number.");
                    break;
                case "data_directory":
                case "work_root":
                    if (Scalar(value, key) is { } dir)
                    {
                        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(_folder, dir));
                        s = key == "data_directory" ? s with { DataDirectory = full } : s with { WorkRoot = full };
                    }
                    break;
                case "checks":
                    if (value is YamlMappingNode checks) s = Checks(checks, s);
                    else At(value, "'checks' must be a mapping, e.g. checks: { flux: { radius_arcsec: 10 } }.");
                    break;
                case "official_image":
                    At(keyNode, "'official_image' is the official image of one target: set it per target, not under 'defaults:'.");
                    break;
                default:
                    Unknown(keyNode, key, SettingKeys);
                    break;
            }
        }
        return s;
    }

    /// <summary><c>checks: { flux: { radius_arcsec: r } }</c>: measure the flux of each completed unit in that circle.</summary>
    private CampaignSettings Checks(YamlMappingNode m, CampaignSettings s)
    {
        foreach (var (keyNode, value) in m.Children)
        {
            string key = Key(keyNode);
            if (key != "flux") { Unknown(keyNode, key, CheckKeys); continue; }
            if (value is not YamlMappingNode flux) { At(value, "'flux' must be a mapping, e.g. flux: { radius_arcsec: 10 }."); continue; }
            foreach (var (k, v) in flux.Children)
            {
                string fk = Key(k);
                if (fk != "radius_arcsec") { Unknown(k, fk, FluxCheckKeys); continue; }
                if (Number(v, "radius_arcsec", 0.01, 3600) is double r) s = s with { FluxRadiusArcsec = r };
            }
        }
        return s;
    }

    private BatchResources Resources(YamlMappingNode m, CampaignSettings s)
    {
        var r = new BatchResources
        {
            Cores = s.Resources.Cores, MemoryGB = s.Resources.MemoryGB, WallTime = s.Resources.WallTime,
            Partition = s.Resources.Partition, Account = s.Resources.Account,
        };
        foreach (var (keyNode, value) in m.Children)
        {
            string key = Key(keyNode);
            switch (key)
            {
                case "cores": if (Number(value, key, 1, 1024) is double c && c == Math.Floor(c)) r.Cores = (int)c; else if (IsNumber(value)) At(value, "cores must be a whole number."); break;
                case "memory_gb": if (Number(value, key, 1, 65536) is double g && g == Math.Floor(g)) r.MemoryGB = (int)g; else if (IsNumber(value)) At(value, "memory_gb must be a whole number."); break;
                case "wall_time":
                    if (Scalar(value, key) is { } wt)
                    {
                        if (TimeSpan.TryParse(wt, CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.FromMinutes(1) && t <= TimeSpan.FromDays(365)) r.WallTime = t;
                        else At(value, $"wall_time '{wt}' is not a duration like 12:00:00 or 2.00:00:00 (1 minute to 365 days).");
                    }
                    break;
                case "partition": r.Partition = Scalar(value, key); break;
                case "account": r.Account = Scalar(value, key); break;
                default: Unknown(keyNode, key, ResourceKeys); break;
            }
        }
        try { r.Validate(s.Scheduler ?? BatchScheduler.Local); }
        catch (ArgumentException ex) { At(m, ex.Message); }
        return r;
    }

    private IReadOnlyList<string>? Epochs(YamlNode value)
    {
        var nodes = value is YamlSequenceNode seq ? seq.Children.ToList() : [value];
        var result = new List<string>();
        bool ok = true;
        foreach (var n in nodes)
        {
            var e = Scalar(n, "epochs");
            if (e is null) { ok = false; continue; }
            if (!VlassEpoch.IsValid(e)) { At(n, $"'{e}' is not an epoch name like VLASS2.1."); ok = false; }
            else if (_knownEpochs is not null && !_knownEpochs.Contains(e, StringComparer.Ordinal))
            { At(n, $"Epoch '{e}' is not in the survey table (it has {string.Join(", ", _knownEpochs)})."); ok = false; }
            else if (!result.Contains(e)) result.Add(e);
        }
        return ok ? result : null;
    }

    private static bool IsNumber(YamlNode n) => n is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool TryArcsec(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);

    private double? Number(YamlNode n, string what, double min, double max)
    {
        var text = Scalar(n, what);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= min && v <= max) return v;
        At(n, string.Create(CultureInfo.InvariantCulture, $"{what} '{text}' must be a number from {min} to {max} (arcsec for sizes)."));
        return null;
    }

    private string? Scalar(YamlNode n, string what)
    {
        if (n is YamlScalarNode { Value: { Length: > 0 } v }) return v;
        At(n, $"'{what}' must be a single non-empty value.");
        return null;
    }

    private string Key(YamlNode keyNode)
    {
        if (keyNode is YamlScalarNode { Value: { } k }) return k;
        At(keyNode, "Keys must be plain words.");
        return "";
    }

    private void Unknown(YamlNode keyNode, string key, IEnumerable<string> allowed)
    {
        if (key.Length == 0) return;
        At(keyNode, $"Unknown key '{key}'; expected one of: {string.Join(", ", allowed)}.");
    }

    private void At(YamlNode n, string message) => Problem(n.Start.Line, n.Start.Column, message);

    private void Problem(long line, long column, string message, string? source = null)
        => _problems.Add(new CampaignProblem(source ?? _path, (int)line, (int)column, message));
}
