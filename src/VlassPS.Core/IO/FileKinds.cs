using System.Runtime.InteropServices;

namespace VlassPS.Core.IO;

/// <summary>
/// The type of a file without opening it: opening a FIFO blocks until a writer comes, and devices such as
/// /dev/zero never end, so a reader must know what it opens first. .NET exposes no file type on Unix; the
/// runtime's own System.Native stat does (its FileStatus starts with Flags, Mode).
/// </summary>
public static partial class FileKinds
{
    private const int IfMt = 0xF000, IfIfo = 0x1000, IfChr = 0x2000, IfDir = 0x4000, IfBlk = 0x6000, IfReg = 0x8000, IfSock = 0xC000;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int SystemNativeStat(string path, byte* status);

    public static FileKind Of(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return FileKind.Missing;   // no file has such a name
        if (OperatingSystem.IsWindows())
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        int mode;
        try
        {
            mode = StatMode(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
        if (mode < 0) return FileKind.Missing;
        return (mode & IfMt) switch
        {
            IfReg => FileKind.Regular,
            IfDir => FileKind.Directory,
            IfIfo => FileKind.Fifo,
            IfChr => FileKind.CharacterDevice,
            IfBlk => FileKind.BlockDevice,
            IfSock => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    private static unsafe int StatMode(string path)
    {
        byte* status = stackalloc byte[512];   // FileStatus is ~120 bytes; Mode is the second int
        return SystemNativeStat(path, status) == 0 ? *(int*)(status + 4) : -1;
    }

    /// <summary>A short description for messages ("a directory", "a FIFO", …).</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "not a regular file",
    };
}
