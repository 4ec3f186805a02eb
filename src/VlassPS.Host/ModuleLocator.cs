namespace VlassPS.Host;

/// <summary>Finds the assembled VlassPS module: $VLASSPS_MODULE, next to the host, or the repository's output/.</summary>
internal static class ModuleLocator
{
    public static string? Find(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        string? env = Environment.GetEnvironmentVariable("VLASSPS_MODULE");
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string root in new[] { Path.Combine(dir.FullName, "Modules", "VlassPS"), Path.Combine(dir.FullName, "output", "VlassPS") })
            {
                if (!Directory.Exists(root)) continue;
                var newest = Directory.GetFiles(root, "VlassPS.psd1", SearchOption.AllDirectories)
                    .Select(p => (Path: p, Version: Version.TryParse(Path.GetFileName(Path.GetDirectoryName(p)), out var v) ? v : new Version(0, 0)))
                    .OrderByDescending(x => x.Version).FirstOrDefault();
                if (newest.Path is not null) return newest.Path;
            }
        }
        return null;
    }
}
