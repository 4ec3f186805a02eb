namespace VlassPS.Core.Configuration;

/// <summary>
/// Module-wide defaults, stored as YAML in the user's configuration folder. Parameters given to a cmdlet
/// always win over these; environment variables win over the file where a cmdlet documents one.
/// </summary>
public sealed class VlassConfiguration
{
    /// <summary>CASA installation (the folder holding bin/casa) used in generated run scripts.</summary>
    public string? CasaPath { get; set; }

    /// <summary>Where downloaded catalogues and archive answers are cached.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Root of the VLASS archive tree (quick-look listings, summary table).</summary>
    public string? ArchiveBaseUri { get; set; }

    /// <summary>Default batch system for imaging runs: Slurm, Pbs or Local.</summary>
    public string? Scheduler { get; set; }

    public string? Partition { get; set; }
    public string? Account { get; set; }

    /// <summary>The file this configuration was read from or written to.</summary>
    public string? Path { get; set; }

    public static IReadOnlyList<string> SettingNames { get; } =
        new[] { nameof(CasaPath), nameof(CacheDirectory), nameof(ArchiveBaseUri), nameof(Scheduler), nameof(Partition), nameof(Account) };

    /// <summary>
    /// Why <paramref name="value"/> is not a valid value of setting <paramref name="name"/>, or null when it is.
    /// The same rule for the file, the environment and Set-VlassConfiguration.
    /// </summary>
    public static string? Check(string name, string? value)
    {
        if (value is null) return null;
        switch (name.ToLowerInvariant())
        {
            case "scheduler":
                return Enum.GetNames<Workspace.BatchScheduler>().Any(n => n.Equals(value, StringComparison.OrdinalIgnoreCase))
                    ? null : $"scheduler '{value}' is not one of {string.Join(", ", Enum.GetNames<Workspace.BatchScheduler>())}.";
            case "archivebaseuri":
                return Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
                    ? null : $"archiveBaseUri '{value}' is not an absolute http(s) URL.";
            case "casapath":
            case "cachedirectory":
                return value.Trim().Length == 0 ? $"{char.ToLowerInvariant(name[0])}{name[1..]} is empty."
                    : value.Contains('\0') ? $"{char.ToLowerInvariant(name[0])}{name[1..]} contains a NUL character." : null;
            default:
                return null;
        }
    }

    /// <summary>Every invalid value of this configuration, as (setting, problem).</summary>
    public IEnumerable<(string Setting, string Problem)> Problems()
    {
        foreach (var (name, value) in new[] { (nameof(CasaPath), CasaPath), (nameof(CacheDirectory), CacheDirectory), (nameof(ArchiveBaseUri), ArchiveBaseUri), (nameof(Scheduler), Scheduler) })
            if (Check(name, value) is { } problem) yield return (name, problem);
    }

    /// <summary>
    /// The configuration file: $VLASSPS_CONFIG, else $XDG_CONFIG_HOME/vlassps/config.yaml, else the platform's
    /// per-user application-data folder (~/.config on Linux and macOS, %APPDATA% on Windows).
    /// </summary>
    public static string DefaultPath()
    {
        string? env = Environment.GetEnvironmentVariable("VLASSPS_CONFIG");
        if (!string.IsNullOrWhiteSpace(env)) return env;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return System.IO.Path.Combine(root, "vlassps", "config.yaml");
    }
}
