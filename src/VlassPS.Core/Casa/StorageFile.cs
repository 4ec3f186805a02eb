using Microsoft.Win32.SafeHandles;

namespace VlassPS.Core.Casa;

/// <summary>
/// A read-only view of one storage-manager file (table.f&lt;N&gt;, table.f&lt;N&gt;i). Opened with FileAccess.Read and
/// FileShare.ReadWrite|Delete so a CASA writer is never blocked; small files are read whole, large ones (MAIN
/// can be gigabytes) bucket by bucket through a bounded cache. Every read is checked against the file length.
/// </summary>
internal sealed class StorageFile : IDisposable
{
    /// <summary>Files up to this size are read in one go (metadata subtables); larger ones by bucket.</summary>
    private const long WholeFileLimit = 64L << 20;
    private const int MaxCachedBuckets = 256;

    private readonly SafeFileHandle _handle;
    private readonly string _table;
    private byte[]? _whole;
    private readonly Dictionary<long, byte[]> _buckets = new();

    public StorageFile(string path, string tableDir)
    {
        FilePath = path;
        _table = tableDir;
        try
        {
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Length = RandomAccess.GetLength(_handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CasaTableFormatException($"Cannot open storage file {Path.GetFileName(path)}: {ex.Message}", tableDir, ex);
        }
    }

    public string FilePath { get; }
    public long Length { get; }

    public CasaTableFormatException Fail(string what) => new($"{Path.GetFileName(FilePath)}: {what}", _table);

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; a view into a cache, valid until the next call.</summary>
    public ReadOnlySpan<byte> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
            throw Fail($"read of {count} bytes at {offset} is outside the file ({Length} bytes); the table is truncated or corrupt");
        if (Length <= WholeFileLimit)
        {
            _whole ??= ReadFully(0, (int)Length);
            return new ReadOnlySpan<byte>(_whole, (int)offset, count);
        }
        return ReadFully(offset, count);
    }

    /// <summary>A bucket at 512 + k × size (64-bit arithmetic), cached.</summary>
    public ReadOnlySpan<byte> Bucket(long k, int size)
    {
        if (k < 0) throw Fail($"negative bucket number {k}");
        long offset = 512 + k * (long)size;
        if (Length <= WholeFileLimit) return Read(offset, size);
        if (_buckets.TryGetValue(k, out var b)) return b;
        if (offset < 0 || offset > Length - size) throw Fail($"bucket {k} ({size} bytes at {offset}) is outside the file ({Length} bytes)");
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

    public void Dispose() => _handle.Dispose();

    /// <summary>Reads a whole small metadata file (table.dat, table.lock), refusing files above <paramref name="max"/> bytes.</summary>
    public static byte[] ReadSmallFile(string path, long max, string tableDir)
    {
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
