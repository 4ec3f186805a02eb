namespace VlassPS.Core.IO;

/// <summary>
/// An exclusive lock between processes on &lt;file&gt;.lock (an open handle with FileShare.None), so that a
/// read-modify-write of a shared file by concurrent commands loses nothing.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock of <paramref name="path"/>.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout, CancellationToken cancel = default)
    {
        string lockPath = Path.GetFullPath(path) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            // Only a lock held by another process is worth waiting for; a name too long or a missing folder never clears.
            catch (IOException ex) when (ex is not (PathTooLongException or DirectoryNotFoundException or FileNotFoundException) && DateTime.UtcNow < deadline)
            {
                Task.Delay(delay, cancel).GetAwaiter().GetResult();
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            }
            catch (IOException ex)
            {
                throw new IOException($"'{path}' is locked by another VlassPS command (lock file {lockPath}); try again.", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
