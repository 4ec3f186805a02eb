namespace VlassPS.Core.Catalog;

/// <summary>
/// Per-user folders: data (the survey table) and cache (archive answers). An explicit path wins, then the
/// environment variables <c>VLASSPS_DATA</c> / <c>VLASSPS_CACHE</c>, then the platform's usual place.
/// The environment lookup can be replaced (tests must not change the process environment).
/// </summary>
public static class VlassDirectories
{
    public const string DataVariable = "VLASSPS_DATA";
    public const string CacheVariable = "VLASSPS_CACHE";
    private const string AppName = "VlassPS";

    /// <summary>
    /// LocalApplicationData/VlassPS: %LOCALAPPDATA% on Windows, $XDG_DATA_HOME or ~/.local/share on Linux,
    /// ~/Library/Application Support on macOS.
    /// </summary>
    public static string DataDirectory(string? explicitPath = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        var env = environment(DataVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(local)) local = Path.Combine(Home(), ".local", "share");
        return Path.Combine(local, AppName);
    }

    /// <summary>
    /// %LOCALAPPDATA%\VlassPS\Cache on Windows, ~/Library/Caches/VlassPS on macOS, $XDG_CACHE_HOME/VlassPS or
    /// ~/.cache/VlassPS elsewhere.
    /// </summary>
    public static string CacheDirectory(string? explicitPath = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        var env = environment(CacheVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), AppName, "Cache");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(Home(), "Library", "Caches", AppName);
        var xdg = environment("XDG_CACHE_HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) || !Path.IsPathRooted(xdg) ? Path.Combine(Home(), ".cache") : xdg, AppName);
    }

    private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
