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
