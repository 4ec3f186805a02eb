namespace VlassPS.Core.IO;

/// <summary>What writing one output file did (or, for Conflict, would have done with -Force).</summary>
public enum WriteStatus
{
    /// <summary>The file did not exist and was written.</summary>
    Created,
    /// <summary>The file already held exactly these bytes; nothing was written.</summary>
    Unchanged,
    /// <summary>The file held other bytes and was replaced (-Force, or a writer whose job is to update).</summary>
    Updated,
    /// <summary>The file holds other bytes; it was left alone because replacing it needs -Force.</summary>
    Conflict,
    /// <summary>-WhatIf: nothing was written.</summary>
    Planned,
}

/// <summary>
/// The one write rule of the module: content is staged in a temporary sibling, compared with what is there,
/// and moved into place only when new (Created) or when replacing is allowed (Updated); identical content is
/// Unchanged, other content without force is a Conflict. An output is never an input of the same command, and
/// never replaces anything that is not a regular file (a directory, device, FIFO or socket).
/// </summary>
public static class OutputFile
{
    /// <summary>Refuses a destination that is not a regular file or that is one of <paramref name="inputs"/>.</summary>
    public static void CheckDestination(string path, IEnumerable<string>? inputs = null)
    {
        string full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind is not (FileKind.Missing or FileKind.Regular))
            throw new OutputPathException($"'{full}' is {FileKinds.Describe(kind)}; VlassPS writes regular files only and never replaces anything else.", full);
        foreach (var input in inputs ?? [])
        {
            if (string.IsNullOrEmpty(input)) continue;
            if (SameFile(full, Path.GetFullPath(input)))
                throw new OutputPathException($"'{full}' is an input of this command; choose another output path.", full);
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> by the rule above.</summary>
    public static WriteStatus Write(string path, byte[] content, bool force, IEnumerable<string>? inputs = null)
        => Write(path, s => s.Write(content), force, inputs);

    /// <summary>Streams content into a staged file, then commits it by the rule above.</summary>
    public static WriteStatus Write(string path, Action<Stream> produce, bool force, IEnumerable<string>? inputs = null)
    {
        CheckDestination(path, inputs);
        string temp = Stage(path, produce);
        return Commit(temp, path, force);
    }

    /// <summary>Writes a temporary sibling of <paramref name="path"/> and returns its path.</summary>
    public static string Stage(string path, Action<Stream> produce)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = TempNameFor(full);
        try
        {
            using var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            produce(fs);
            fs.Flush(flushToDisk: true);
        }
        catch
        {
            Discard(temp);
            throw;
        }
        return temp;
    }

    public static string TempNameFor(string fullPath)
        => Path.Combine(Path.GetDirectoryName(fullPath) ?? ".", $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

    /// <summary>What committing <paramref name="staged"/> over <paramref name="path"/> would do.</summary>
    public static WriteStatus Plan(string staged, string path, bool force)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) return WriteStatus.Created;
        if (SameContent(staged, full)) return WriteStatus.Unchanged;
        return force ? WriteStatus.Updated : WriteStatus.Conflict;
    }

    /// <summary>Moves a staged file into place (or discards it when Unchanged or Conflict) and says which.</summary>
    public static WriteStatus Commit(string staged, string path, bool force)
    {
        try
        {
            CheckDestination(path);
            var status = Plan(staged, path, force);
            if (status is WriteStatus.Created or WriteStatus.Updated)
            {
                File.Move(staged, Path.GetFullPath(path), overwrite: true);
                return status;
            }
            Discard(staged);
            return status;
        }
        catch
        {
            Discard(staged);
            throw;
        }
    }

    public static void Discard(string temp)
    {
        try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static bool SameContent(string a, string b)
    {
        using var fa = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var fb = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        if (fa.Length != fb.Length) return false;
        var ba = new byte[1 << 16];
        var bb = new byte[1 << 16];
        while (true)
        {
            int n = fa.ReadAtLeast(ba, ba.Length, throwOnEndOfStream: false);
            int m = fb.ReadAtLeast(bb, n, throwOnEndOfStream: false);
            if (n != m) return false;
            if (n == 0) return true;
            if (!ba.AsSpan(0, n).SequenceEqual(bb.AsSpan(0, n))) return false;
        }
    }

    private static bool SameFile(string a, string b)
    {
        if (string.Equals(a, b, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) return true;
        // Links and other spellings of the same file: compare the resolved targets when both exist.
        try
        {
            string ra = File.Exists(a) ? (new FileInfo(a).ResolveLinkTarget(true)?.FullName ?? a) : a;
            string rb = File.Exists(b) ? (new FileInfo(b).ResolveLinkTarget(true)?.FullName ?? b) : b;
            return string.Equals(ra, rb, StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
    }
}

/// <summary>An output path that must not be written: not a regular file, or an input of the same command.</summary>
public sealed class OutputPathException : IOException
{
    public OutputPathException(string message, string path) : base(message) => Path = path;
    public string Path { get; }
}

/// <summary>An output file holds other content and -Force was not given.</summary>
public sealed class OutputConflictException : IOException
{
    public OutputConflictException(string path)
        : base($"'{path}' exists with different content; use -Force to replace it (re-running with the same inputs leaves it Unchanged).") => Path = path;
    public string Path { get; }
}
