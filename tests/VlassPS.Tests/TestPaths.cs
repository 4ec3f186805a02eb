namespace VlassPS.Tests;

/// <summary>Where the repository, the assembled module and the shared test data are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/data beside the repository (NRAO data is never committed here).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string SummaryTable => Path.Combine(SharedData, "VLASS_dyn_summary.txt");

    /// <summary>The assembled module manifest under output/VlassPS/&lt;version&gt;/.</summary>
    public static string ModuleManifest
    {
        get
        {
            string root = Path.Combine(RepoRoot, "output", "VlassPS");
            var manifests = Directory.Exists(root)
                ? Directory.GetFiles(root, "VlassPS.psd1", SearchOption.AllDirectories).OrderByDescending(p => Version.Parse(Path.GetFileName(Path.GetDirectoryName(p))!)).ToArray()
                : Array.Empty<string>();
            if (manifests.Length == 0)
                throw new InvalidOperationException($"No assembled module under {root}: build the solution first (dotnet build).");
            return manifests[0];
        }
    }

    public static string ModuleDirectory => Path.GetDirectoryName(ModuleManifest)!;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VlassPS.sln"))) return dir.FullName;
        throw new InvalidOperationException("VlassPS.sln not found above " + AppContext.BaseDirectory);
    }
}
