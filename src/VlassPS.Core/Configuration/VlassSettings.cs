using VlassPS.Core.Catalog;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Configuration;

/// <summary>Where a resolved setting came from.</summary>
public enum SettingSource { Parameter, Environment, ConfigurationFile, Default }

/// <summary>One setting's value and where it came from.</summary>
public sealed record ResolvedSetting(string Name, string? Value, SettingSource Source);

/// <summary>
/// The one settings resolver every cmdlet uses: a parameter wins, then the setting's environment variable,
/// then the configuration file, then the built-in default. Each setting name has one meaning everywhere:
/// <list type="bullet">
/// <item>CacheDirectory: the VlassPS data folder (survey table; archive answers in its archive/ subfolder). $VLASSPS_DATA.</item>
/// <item>ArchiveBaseUri: the VLASS archive root; quick-look listings under quicklook/, the summary table at VLASS_dyn_summary.php. $VLASSPS_ARCHIVE.</item>
/// <item>CasaPath: CASA folder or casa executable for run scripts. $VLASSPS_CASA.</item>
/// <item>Scheduler: Slurm, Pbs or Local. $VLASSPS_SCHEDULER. Partition ($VLASSPS_PARTITION), Account ($VLASSPS_ACCOUNT).</item>
/// </list>
/// </summary>
public sealed class VlassSettings
{
    public const string DefaultArchiveBaseUri = "https://archive-new.nrao.edu/vlass/";

    /// <summary>Environment variable of each setting.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(VlassConfiguration.CasaPath)] = CasaLocation.EnvironmentVariable,
        [nameof(VlassConfiguration.CacheDirectory)] = VlassDirectories.DataVariable,
        [nameof(VlassConfiguration.ArchiveBaseUri)] = "VLASSPS_ARCHIVE",
        [nameof(VlassConfiguration.Scheduler)] = "VLASSPS_SCHEDULER",
        [nameof(VlassConfiguration.Partition)] = "VLASSPS_PARTITION",
        [nameof(VlassConfiguration.Account)] = "VLASSPS_ACCOUNT",
    };

    private readonly Func<string, string?> _environment;

    public VlassSettings(VlassConfiguration file, Func<string, string?>? environment = null)
    {
        File = file;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The configuration file's values (already validated by whoever read it).</summary>
    public VlassConfiguration File { get; }

    /// <summary>parameter &gt; environment &gt; configuration file &gt; default.</summary>
    public ResolvedSetting Resolve(string name, string? parameter, string? defaultValue = null)
    {
        if (!string.IsNullOrWhiteSpace(parameter)) return new(name, parameter, SettingSource.Parameter);
        if (EnvironmentVariables.TryGetValue(name, out var variable) && _environment(variable) is { } env && !string.IsNullOrWhiteSpace(env))
        {
            string? problem = VlassConfiguration.Check(name, env);
            if (problem is not null) throw new InvalidDataException($"Environment variable {variable}: {problem}");
            return new(name, env, SettingSource.Environment);
        }
        if (FileValue(name) is { } configured && !string.IsNullOrWhiteSpace(configured))
            return new(name, configured, SettingSource.ConfigurationFile);
        return new(name, defaultValue, SettingSource.Default);
    }

    /// <summary>The data folder: -CacheDirectory, $VLASSPS_DATA, the file's cacheDirectory, else the per-user data folder.</summary>
    public string DataDirectory(string? parameter)
        => Path.GetFullPath(Resolve(nameof(VlassConfiguration.CacheDirectory), parameter).Value ?? VlassDirectories.DataDirectory(null, _ => null));

    /// <summary>
    /// Folder of cached archive answers: &lt;data folder&gt;/archive when the data folder was chosen (parameter,
    /// $VLASSPS_DATA or the file); else $VLASSPS_CACHE, else the per-user cache folder.
    /// </summary>
    public string ArchiveCacheDirectory(string? dataParameter)
    {
        var data = Resolve(nameof(VlassConfiguration.CacheDirectory), dataParameter);
        if (data.Source != SettingSource.Default) return Path.Combine(Path.GetFullPath(data.Value!), "archive");
        return VlassDirectories.CacheDirectory(null, _environment);
    }

    /// <summary>The archive root (ends with '/').</summary>
    public Uri ArchiveBaseUri(Uri? parameter = null)
    {
        string value = Resolve(nameof(VlassConfiguration.ArchiveBaseUri), parameter?.AbsoluteUri, DefaultArchiveBaseUri).Value!;
        return new Uri(value.EndsWith('/') ? value : value + "/");
    }

    /// <summary>Quick-look listings: the -BaseUri parameter itself, else &lt;archive root&gt;quicklook/.</summary>
    public Uri QuickLookRoot(Uri? parameter) => parameter ?? new Uri(ArchiveBaseUri(), "quicklook/");

    /// <summary>The survey summary table: the -Uri parameter itself, else &lt;archive root&gt;VLASS_dyn_summary.php.</summary>
    public Uri SummaryTableUri(Uri? parameter) => parameter ?? new Uri(ArchiveBaseUri(), "VLASS_dyn_summary.php");

    public BatchScheduler Scheduler(BatchScheduler? parameter)
        => parameter ?? Enum.Parse<BatchScheduler>(Resolve(nameof(VlassConfiguration.Scheduler), null, nameof(BatchScheduler.Slurm)).Value!, ignoreCase: true);

    public string? CasaPath(string? parameter) => Resolve(nameof(VlassConfiguration.CasaPath), parameter).Value;
    public string? Partition(string? parameter) => Resolve(nameof(VlassConfiguration.Partition), parameter).Value;
    public string? Account(string? parameter) => Resolve(nameof(VlassConfiguration.Account), parameter).Value;

    private string? FileValue(string name) => name switch
    {
        nameof(VlassConfiguration.CasaPath) => File.CasaPath,
        nameof(VlassConfiguration.CacheDirectory) => File.CacheDirectory,
        nameof(VlassConfiguration.ArchiveBaseUri) => File.ArchiveBaseUri,
        nameof(VlassConfiguration.Scheduler) => File.Scheduler,
        nameof(VlassConfiguration.Partition) => File.Partition,
        nameof(VlassConfiguration.Account) => File.Account,
        _ => throw new ArgumentException($"'{name}' is not a VlassPS setting.", nameof(name)),
    };
}
