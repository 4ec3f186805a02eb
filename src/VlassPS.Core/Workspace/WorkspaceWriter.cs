using System.Text;
using VlassPS.Core.IO;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Puts a plan on disk. Idempotent: files that already hold exactly the planned bytes are left alone;
/// files with other content are replaced only with force, otherwise <see cref="WorkspaceConflictException"/>
/// lists what differs. Every file is written atomically.
/// </summary>
public static class WorkspaceWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Files whose current content differs from the plan, with the first differing line.</summary>
    public static IReadOnlyList<WorkspaceDifference> Compare(ImagingWorkspacePlan plan)
    {
        var diffs = new List<WorkspaceDifference>();
        foreach (var (rel, content) in plan.Files)
        {
            string path = Path.Combine(plan.Spec.WorkspaceDirectory, rel);
            if (!File.Exists(path)) continue;
            string existing = File.ReadAllText(path, Utf8);
            if (existing == content) continue;
            diffs.Add(new WorkspaceDifference(rel, FirstDifference(existing, content)));
        }
        return diffs;
    }

    public static bool Exists(ImagingWorkspacePlan plan)
        => plan.Files.Keys.Any(rel => File.Exists(Path.Combine(plan.Spec.WorkspaceDirectory, rel)));

    /// <summary>
    /// All or nothing: every changed file is staged first (a failure there leaves the old set untouched), then
    /// the staged files replace the old ones, which are put back if any replacement fails.
    /// </summary>
    public static WorkspaceStatus Write(ImagingWorkspacePlan plan, bool force)
    {
        var diffs = Compare(plan);
        if (diffs.Count > 0 && !force) throw new WorkspaceConflictException(plan.Spec.WorkspaceDirectory, diffs);
        var paths = plan.Files.Keys.Select(rel => Path.Combine(plan.Spec.WorkspaceDirectory, rel)).ToList();
        foreach (var path in paths) OutputFile.CheckDestination(path);
        Directory.CreateDirectory(plan.Spec.WorkingDirectory);
        Directory.CreateDirectory(plan.Spec.ProductsDirectory);

        bool existed = paths.Any(File.Exists);
        var staged = new List<(string Temp, string Path)>();
        try
        {
            foreach (var (rel, content) in plan.Files)
            {
                string path = Path.Combine(plan.Spec.WorkspaceDirectory, rel);
                if (File.Exists(path) && File.ReadAllText(path, Utf8) == content) continue;
                string temp = OutputFile.Stage(path, s => s.Write(Utf8.GetBytes(content)));
                staged.Add((temp, path));
                if (rel.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                               UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }
        catch
        {
            foreach (var (temp, _) in staged) OutputFile.Discard(temp);
            throw;
        }
        if (staged.Count > 0) Swap(staged);
        // The manifest identifies the workspace and carries its job records (kept across rewrites).
        WorkspaceManifestStore.WritePlan(plan);
        if (staged.Count == 0) return WorkspaceStatus.Unchanged;
        return existed && diffs.Count > 0 ? WorkspaceStatus.Updated : WorkspaceStatus.Created;
    }

    private static void Swap(List<(string Temp, string Path)> staged)
    {
        var done = new List<(string Path, string? Backup)>();
        try
        {
            foreach (var (temp, path) in staged)
            {
                string? backup = null;
                if (File.Exists(path))
                {
                    backup = OutputFile.TempNameFor(path) + ".old";
                    File.Move(path, backup);
                }
                done.Add((path, backup));
                File.Move(temp, path);
            }
        }
        catch
        {
            for (int i = done.Count - 1; i >= 0; i--)
            {
                var (path, backup) = done[i];
                try
                {
                    if (File.Exists(path) && (backup is null || File.Exists(backup))) File.Delete(path);
                    if (backup is not null) File.Move(backup, path);
                }
                catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            foreach (var (temp, _) in staged) OutputFile.Discard(temp);
            throw;
        }
        foreach (var (_, backup) in done)
            if (backup is not null) OutputFile.Discard(backup);
    }

    private static string FirstDifference(string existing, string planned)
    {
        var a = existing.Split('\n');
        var b = planned.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "<end of file>", y = i < b.Length ? b[i] : "<end of file>";
            if (x != y) return $"line {i + 1}: existing {Excerpt(x)}, new {Excerpt(y)}";
        }
        return "line endings differ";
    }

    private static string Excerpt(string s) => "'" + (s.Length > 70 ? s[..67] + "..." : s) + "'";
}

public sealed record WorkspaceDifference(string File, string Detail)
{
    public override string ToString() => $"{File} ({Detail})";
}

public sealed class WorkspaceConflictException : IOException
{
    public WorkspaceConflictException(string directory, IReadOnlyList<WorkspaceDifference> differences)
        : base($"Workspace '{directory}' already exists with different content; use -Force to replace it. Differs: {string.Join("; ", differences)}")
    {
        Directory = directory;
        Differences = differences;
    }

    public string Directory { get; }
    public IReadOnlyList<WorkspaceDifference> Differences { get; }
}
