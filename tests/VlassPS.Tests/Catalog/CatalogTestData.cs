namespace VlassPS.Tests.Catalog;

/// <summary>Locates the repo root and the shared survey table used by the catalog tests.</summary>
internal static class CatalogTestData
{
    public static string RepoRoot => TestPaths.RepoRoot;

    /// <summary>
    /// <c>../shared/data/VLASS_dyn_summary.txt</c> relative to the repo root (one more level up when the
    /// checkout is a git worktree nested one directory deeper, as developers' worktrees are).
    /// </summary>
    public static string SummaryTablePath { get; } = FindSharedFile("VLASS_dyn_summary.txt");

    public static string FixturesDirectory => Path.Combine(RepoRoot, "tests", "fixtures", "catalog");

    private static string FindSharedFile(string name)
    {
        string[] candidates =
        [
            Path.Combine(TestPaths.SharedData, name),
            Path.Combine(RepoRoot, "..", "..", "shared", "data", name),
        ];
        foreach (var c in candidates)
            if (File.Exists(c)) return Path.GetFullPath(c);
        throw new FileNotFoundException($"The shared survey table was not found at {candidates[0]}.", candidates[0]);
    }
}
