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

    public static WorkspaceStatus Write(ImagingWorkspacePlan plan, bool force)
    {
        var diffs = Compare(plan);
        if (diffs.Count > 0 && !force) throw new WorkspaceConflictException(plan.Spec.WorkspaceDirectory, diffs);
        bool any = false, existed = false;
        Directory.CreateDirectory(plan.Spec.WorkingDirectory);
        Directory.CreateDirectory(plan.Spec.ProductsDirectory);
        foreach (var (rel, content) in plan.Files)
        {
            string path = Path.Combine(plan.Spec.WorkspaceDirectory, rel);
            if (File.Exists(path))
            {
                existed = true;
                if (File.ReadAllText(path, Utf8) == content) continue;
            }
            AtomicFile.WriteAllText(path, content);
            if (rel.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                           UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            any = true;
        }
        // The manifest identifies the workspace and carries its job records (kept across rewrites).
        WorkspaceManifestStore.WritePlan(plan);
        return !any ? WorkspaceStatus.Unchanged : existed && diffs.Count > 0 ? WorkspaceStatus.Updated : WorkspaceStatus.Created;
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
