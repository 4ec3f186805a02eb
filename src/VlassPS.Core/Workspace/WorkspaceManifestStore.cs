using System.Text.Json;
using VlassPS.Core.IO;

namespace VlassPS.Core.Workspace;

/// <summary>Reads and updates vlassps.json: atomic replace, one writer at a time (a lock file beside it).</summary>
public static class WorkspaceManifestStore
{
    public static string PathOf(string workspaceDirectory) => Path.Combine(workspaceDirectory, WorkspaceManifest.FileName);

    public static bool Exists(string workspaceDirectory) => File.Exists(PathOf(workspaceDirectory));

    /// <summary>Throws FileNotFoundException (no manifest) or InvalidDataException (not a VlassPS manifest).</summary>
    public static WorkspaceManifest Read(string workspaceDirectory)
    {
        string path = PathOf(workspaceDirectory);
        if (!File.Exists(path)) throw new FileNotFoundException($"'{workspaceDirectory}' is not a VlassPS workspace (no {WorkspaceManifest.FileName}).", path);
        var info = new FileInfo(path);
        if (info.Length > 64 * 1024 * 1024) throw new InvalidDataException($"{path} is larger than 64 MB; not a VlassPS manifest.");
        try
        {
            var m = JsonSerializer.Deserialize<WorkspaceManifest>(File.ReadAllText(path), WorkspaceManifest.Json)
                ?? throw new InvalidDataException($"{path} is empty.");
            m.Files = new SortedDictionary<string, string>(m.Files, StringComparer.Ordinal); // the deserializer's comparer is culture-aware
            if (m.Schema != WorkspaceManifest.CurrentSchema) throw new InvalidDataException($"{path} has schema {m.Schema}; this VlassPS reads schema {WorkspaceManifest.CurrentSchema}.");
            return m;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid VlassPS manifest: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the plan's manifest, keeping the job records of an existing one.</summary>
    public static void WritePlan(ImagingWorkspacePlan plan)
    {
        var fresh = WorkspaceManifest.FromPlan(plan);
        using var lck = Lock(plan.Spec.WorkspaceDirectory);
        var old = Exists(plan.Spec.WorkspaceDirectory) ? Read(plan.Spec.WorkspaceDirectory) : null;
        if (old is not null)
        {
            // Same workspace again (an idempotent re-run): leave the file, its time stamp and its jobs alone.
            fresh.Jobs = old.Jobs;
            fresh.Written = old.Written;
            if (Serialize(fresh) == Serialize(old)) return;
            fresh.Written = DateTimeOffset.UtcNow;
        }
        AtomicFile.WriteAllText(PathOf(plan.Spec.WorkspaceDirectory), Serialize(fresh));
    }

    private static string Serialize(WorkspaceManifest m) => JsonSerializer.Serialize(m, WorkspaceManifest.Json) + "\n";

    /// <summary>Read-modify-write under an exclusive lock; <paramref name="change"/> gets null when there is no manifest yet.</summary>
    public static WorkspaceManifest Update(string workspaceDirectory, Func<WorkspaceManifest?, WorkspaceManifest> change)
    {
        using var lck = Lock(workspaceDirectory);
        var current = Exists(workspaceDirectory) ? Read(workspaceDirectory) : null;
        var next = change(current);
        AtomicFile.WriteAllText(PathOf(workspaceDirectory), Serialize(next));
        return next;
    }

    private static FileStream Lock(string workspaceDirectory)
    {
        string path = Path.Combine(workspaceDirectory, "." + WorkspaceManifest.FileName + ".lock");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(20); }
        }
    }
}
