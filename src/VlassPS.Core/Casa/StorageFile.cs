using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace VlassPS.Core.Casa;

/// <summary>
/// A read-only view of one storage-manager file (table.f&lt;N&gt;, table.f&lt;N&gt;i). The file is opened with
/// FileAccess.Read and FileShare.ReadWrite|Delete (a CASA writer is never blocked) and memory-mapped read-only, so
/// only the pages actually touched are read, whatever the file size (MAIN can be gigabytes). When mapping is not
/// possible the file is read bucket by bucket through a bounded cache. Every read is checked against the file length.
/// </summary>
internal sealed unsafe class StorageFile : IDisposable
{
    private const int MaxCachedBuckets = 256;

    private readonly SafeFileHandle _handle;
    private readonly string _table;
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;
    private readonly Dictionary<long, byte[]> _buckets = new();

    public StorageFile(string path, string tableDir)
    {
        FilePath = path;
        _table = tableDir;
        RequireRegularFile(path, tableDir);
        try
        {
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Length = RandomAccess.GetLength(_handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CasaTableFormatException($"Cannot open storage file {Path.GetFileName(path)}: {ex.Message}", tableDir, ex);
        }
        if (Length > 0 && IntPtr.Size == 8)
        {
            try
            {
                // Map through our own handle (FileShare.ReadWrite|Delete), read-only; leaveOpen: we dispose the handle.
                var stream = new FileStream(_handle, FileAccess.Read, 1);
                _map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
                _view = _map.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
                byte* p = null;
                _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
                _base = p + _view.PointerOffset;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _view?.Dispose();
                _map?.Dispose();
                _view = null;
                _map = null;
            }
        }
    }

    public string FilePath { get; }
    public long Length { get; }

    public CasaTableFormatException Fail(string what) => new($"{Path.GetFileName(FilePath)}: {what}", _table);

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; a view valid until the next call.</summary>
    public ReadOnlySpan<byte> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
            throw Fail($"read of {count} bytes at {offset} is outside the file ({Length} bytes); the table is truncated or corrupt");
        if (_base != null) return new ReadOnlySpan<byte>(_base + offset, count);
        return ReadFully(offset, count);
    }

    /// <summary>A bucket at 512 + k × size (64-bit arithmetic).</summary>
    public ReadOnlySpan<byte> Bucket(long k, int size)
    {
        if (k < 0 || k > (Length - 512) / Math.Max(size, 1)) throw Fail($"bucket {k} of {size} bytes is outside the file ({Length} bytes)");
        long offset = 512 + k * (long)size;
        if (_base != null) return Read(offset, size);
        if (_buckets.TryGetValue(k, out var b)) return b;
        if (offset > Length - size) throw Fail($"bucket {k} ({size} bytes at {offset}) is outside the file ({Length} bytes)");
        if (_buckets.Count >= MaxCachedBuckets) _buckets.Clear();
        b = ReadFully(offset, size);
        _buckets[k] = b;
        return b;
    }

    private byte[] ReadFully(long offset, int count)
    {
        var buf = GC.AllocateUninitializedArray<byte>(count);
        int done = 0;
        while (done < count)
        {
            int n = RandomAccess.Read(_handle, buf.AsSpan(done), offset + done);
            if (n <= 0) throw Fail($"file ended at {offset + done} while reading {count} bytes at {offset}");
            done += n;
        }
        return buf;
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
        _handle.Dispose();
    }

    /// <summary>
    /// A table file that is a FIFO would block the open for ever and a device never ends: refuse anything but a
    /// regular file before opening it (a missing file is reported by the open, as before).
    /// </summary>
    public static void RequireRegularFile(string path, string tableDir)
    {
        var kind = VlassPS.Core.IO.FileKinds.Of(path);
        if (kind is not (VlassPS.Core.IO.FileKind.Regular or VlassPS.Core.IO.FileKind.Missing))
            throw new CasaTableFormatException($"{Path.GetFileName(path)} is {VlassPS.Core.IO.FileKinds.Describe(kind)}, not a regular file", tableDir);
    }

    /// <summary>Reads a whole small metadata file (table.dat, table.lock), refusing files above <paramref name="max"/> bytes.</summary>
    public static byte[] ReadSmallFile(string path, long max, string tableDir)
    {
        RequireRegularFile(path, tableDir);
        try
        {
            using var h = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long len = RandomAccess.GetLength(h);
            if (len > max) throw new CasaTableFormatException($"{Path.GetFileName(path)} is {len} bytes, more than the {max} this reader accepts", tableDir);
            var buf = new byte[len];
            int done = 0;
            while (done < len)
            {
                int n = RandomAccess.Read(h, buf.AsSpan(done), done);
                if (n <= 0) throw new CasaTableFormatException($"{Path.GetFileName(path)} shrank while being read", tableDir);
                done += n;
            }
            return buf;
        }
        catch (FileNotFoundException ex)
        {
            throw new CasaTableFormatException($"{Path.GetFileName(path)} not found: this is not a casacore table directory", tableDir, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CasaTableFormatException($"Table directory not found", tableDir, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CasaTableFormatException($"Cannot read {Path.GetFileName(path)}: {ex.Message}", tableDir, ex);
        }
    }
}
