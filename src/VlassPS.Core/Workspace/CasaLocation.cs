namespace VlassPS.Core.Workspace;

/// <summary>
/// The casa and mpicasa executables a run script calls. The configured value may name the CASA
/// installation folder (bin/casa is used) or the casa executable itself (any name, e.g. a test's
/// fake-casa). Precedence: explicit parameter, then $VLASSPS_CASA, then the module configuration, then
/// the profile's NRAO package, then 'casa' on PATH.
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

    public static CasaLocation Resolve(string? parameter, string? configured, PipelineProfile profile)
    {
        if (!string.IsNullOrWhiteSpace(parameter)) return FromPath(parameter, "Parameter");
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return FromPath(env, "Environment");
        if (!string.IsNullOrWhiteSpace(configured)) return FromPath(configured, "Configuration");
        if (profile.DefaultCasaPath is string p) return FromPath(p, "Profile");
        return new CasaLocation("casa", "mpicasa", "Path");
    }

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
