using System.Text;
using VlassPS.Core.Errors;

namespace VlassPS.Core.IO;

/// <summary>
/// Opens an input only when it is a regular file of bounded size: a FIFO would block for ever, a device such as
/// /dev/zero never ends, a directory is not a file. Failures are <see cref="VlassException"/>s naming the input
/// as the user wrote it (<paramref name="what"/> is e.g. "Target list").
/// </summary>
public static class InputFile
{
    /// <summary>Text inputs (target lists, parameter lists, region files, configuration) are small; 256 MiB is generous.</summary>
    public const long DefaultMaxBytes = 256L << 20;

    /// <summary>Checks <paramref name="path"/> is an existing regular file; returns its length.</summary>
    public static long RequireRegular(string path, string what, VlassErrorId notFound, long maxBytes = long.MaxValue)
    {
        if (path.Contains('\0'))
            throw new VlassException(notFound, $"{what} '{path.Replace('\0', '?')}' contains a NUL character; no file has that name.", path);
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
            throw new VlassException(notFound, $"{what} '{path}' was not found.", path, new FileNotFoundException(null, path));
        if (kind == FileKind.Directory)
            throw new VlassException(VlassErrors.PathIsDirectory, $"{what} '{path}' is a directory, not a file.", path);
        if (kind != FileKind.Regular)
            throw new VlassException(VlassErrors.PathNotRegularFile, $"{what} '{path}' is {FileKinds.Describe(kind)}; VlassPS reads regular files only.", path);
        long length = new FileInfo(path).Length;
        if (length > maxBytes)
            throw new VlassException(VlassErrors.InputFileTooLarge, $"{what} '{path}' is {length:N0} bytes; the limit is {maxBytes:N0}.", path);
        return length;
    }

    /// <summary>Reads a regular file's bytes, bounded (the length is checked again while reading: it may grow).</summary>
    public static byte[] ReadAllBytes(string path, string what, VlassErrorId notFound, VlassErrorId unreadable, long maxBytes = DefaultMaxBytes)
    {
        RequireRegular(path, what, notFound, maxBytes);
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var ms = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = fs.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > maxBytes)
                    throw new VlassException(VlassErrors.InputFileTooLarge, $"{what} '{path}' is larger than the limit of {maxBytes:N0} bytes.", path);
                ms.Write(buffer, 0, n);
            }
            return ms.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VlassException(unreadable, $"{what} '{path}' cannot be read: {ex.Message}", path, ex);
        }
    }

    /// <summary>Reads a regular file as text (UTF-8 unless a byte-order mark says otherwise), bounded.</summary>
    public static string ReadAllText(string path, string what, VlassErrorId notFound, VlassErrorId unreadable, long maxBytes = DefaultMaxBytes)
    {
        var bytes = ReadAllBytes(path, what, notFound, unreadable, maxBytes);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Opens a regular file for streaming reads (after the type check, so the open cannot block).</summary>
    public static FileStream OpenRead(string path, string what, VlassErrorId notFound, VlassErrorId unreadable, long maxBytes = long.MaxValue)
    {
        RequireRegular(path, what, notFound, maxBytes);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VlassException(unreadable, $"{what} '{path}' cannot be read: {ex.Message}", path, ex);
        }
    }
}
