namespace VlassPS.Core.Workspace;

/// <summary>
/// The casa and mpicasa executables a run script calls. The configured value may name the CASA
/// installation folder (bin/casa is used) or the casa executable itself (any name, e.g. a test's
/// fake-casa). Precedence: explicit parameter, then the setting (VlassSettings: $VLASSPS_CASA, then the
/// configuration file), then the profile's NRAO package, then 'casa' on PATH.
/// </summary>
public sealed class CasaLocation
{
    public const string EnvironmentVariable = "VLASSPS_CASA";

    private CasaLocation(string casa, string mpicasa, string source)
    {
        Casa = casa; MpiCasa = mpicasa; Source = source;
    }

    public string Casa { get; }
    public string MpiCasa { get; }
    /// <summary>Where the value came from: Parameter, Environment, Configuration, Profile or Path.</summary>
    public string Source { get; }

    /// <summary><paramref name="configured"/> is the settings resolver's value ($VLASSPS_CASA, else the configuration
    /// file): the environment is read there, in one place, not here.</summary>
    public static CasaLocation Resolve(string? parameter, string? configured, PipelineProfile profile)
    {
        if (!string.IsNullOrWhiteSpace(parameter)) return FromPath(parameter, "Parameter");
        if (!string.IsNullOrWhiteSpace(configured)) return FromPath(configured, "Configuration");
        if (profile.DefaultCasaPath is string p) return FromPath(p, "Profile");
        return new CasaLocation("casa", "mpicasa", "Path");
    }

    /// <summary>The same, from the resolver's setting, so the run script names where the value came from
    /// (Environment or ConfigurationFile).</summary>
    public static CasaLocation FromSetting(string? parameter, Configuration.ResolvedSetting setting, PipelineProfile profile)
        => string.IsNullOrWhiteSpace(parameter) && setting.Source != Configuration.SettingSource.Default && !string.IsNullOrWhiteSpace(setting.Value)
            ? FromPath(setting.Value, setting.Source.ToString())
            : Resolve(parameter, null, profile);

    public static CasaLocation FromPath(string path, string source)
    {
        if (path.Contains('\0')) throw new ArgumentException("The CASA path contains a NUL character.", nameof(path));
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        bool isExecutable = File.Exists(trimmed) || (!Directory.Exists(trimmed) && Path.GetFileName(trimmed) == "casa");
        if (isExecutable)
        {
            string? dir = Path.GetDirectoryName(trimmed);
            return new CasaLocation(trimmed, string.IsNullOrEmpty(dir) ? "mpicasa" : dir + "/mpicasa", source);
        }
        return new CasaLocation(trimmed + "/bin/casa", trimmed + "/bin/mpicasa", source);
    }
}
