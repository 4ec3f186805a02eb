using System.IO.MemoryMappedFiles;

namespace VlassPS.Core.Fits;

/// <summary>
/// A FITS file opened read-only and memory-mapped: headers are parsed on open, data are read in
/// place through <see cref="FitsImage"/> (rows, planes, single pixels) so a large image is never copied
/// into managed memory as a whole. Only one window of the file (<see cref="DefaultWindowBytes"/>) is mapped
/// at a time, so walking a 40 GB image keeps the resident set near the window size instead of the file size
/// (pages of an unmapped window leave the process). Not thread-safe: one reader at a time.
/// </summary>
public sealed unsafe class FitsFile : IDisposable
{
    /// <summary>Bytes mapped at once: large enough that rows and bilinear neighbours rarely cross a window.</summary>
    internal const long DefaultWindowBytes = 64L << 20;

    private readonly MemoryMappedFile _map;
    private readonly long _windowBytes;
    private MemoryMappedViewAccessor? _view;
    private byte* _viewBase;
    private long _viewStart, _viewEnd;
    private bool _disposed;
    private readonly List<FitsHdu> _hdus = new();

    private FitsFile(string path, MemoryMappedFile map, long length, long windowBytes)
    {
        Path = path;
        _map = map;
        Length = length;
        _windowBytes = windowBytes;
    }

    public string Path { get; }

    public long Length { get; }

    public IReadOnlyList<FitsHdu> Hdus => _hdus;

    public FitsHdu Primary => _hdus[0];

    /// <summary>Opens and parses every HDU header. Malformed files raise <see cref="FitsFormatException"/>.</summary>
    public static FitsFile Open(string path) => Open(path, DefaultWindowBytes);

    /// <summary>Opens with a window of <paramref name="windowBytes"/> (tests use small windows to cross many).</summary>
    internal static FitsFile Open(string path, long windowBytes)
    {
        if (windowBytes < FitsCardParser.BlockLength) throw new ArgumentOutOfRangeException(nameof(windowBytes));
        var full = System.IO.Path.GetFullPath(path);
        // Regular files only: a directory is not an image, a FIFO would block the open, a device never ends.
        var length = VlassPS.Core.IO.InputFile.RequireRegular(full, "Image", VlassPS.Core.Errors.VlassErrors.ImageNotFound);
        if (length < FitsCardParser.BlockLength)
            throw new FitsFormatException($"File is {length} bytes long, shorter than one 2880-byte FITS block", 0, -1, full);
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        MemoryMappedFile? map = null;
        FitsFile? file = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            file = new FitsFile(full, map, length, windowBytes);
            file.ParseAll();
            return file;
        }
        catch (FitsFormatException ex)
        {
            Dispose(file, map, stream);
            throw ex.FilePath is null ? ex.WithPath(full) : ex;
        }
        catch
        {
            Dispose(file, map, stream);
            throw;
        }
    }

    private static void Dispose(FitsFile? file, MemoryMappedFile? map, FileStream stream)
    {
        if (file is not null) { file.Dispose(); return; }
        if (map is not null) map.Dispose(); else stream.Dispose();
    }

    /// <summary>The image in HDU <paramref name="hduIndex"/>, or the first HDU holding an image when -1.</summary>
    public FitsImage GetImage(int hduIndex = -1)
    {
        if (hduIndex >= 0)
        {
            if (hduIndex >= _hdus.Count)
                throw new ArgumentOutOfRangeException(nameof(hduIndex), hduIndex, $"The file has {_hdus.Count} HDUs.");
            var h = _hdus[hduIndex];
            if (!h.IsImage) throw new InvalidOperationException($"HDU {hduIndex} of '{Path}' holds no image data.");
            return new FitsImage(this, h);
        }
        foreach (var h in _hdus)
            if (h.IsImage) return new FitsImage(this, h);
        throw new InvalidOperationException($"'{Path}' holds no image HDU.");
    }

    /// <summary>Largest byte count one <see cref="Pointer"/> call may ask for (callers split longer reads).</summary>
    internal long MaxSpanBytes => _windowBytes / 2;

    /// <summary>
    /// A pointer to <paramref name="offset"/>, valid for <paramref name="length"/> bytes (at most
    /// <see cref="MaxSpanBytes"/>) until the next call: the window moves when the range lies outside it.
    /// </summary>
    internal byte* Pointer(long offset, long length)
    {
        if (offset >= _viewStart && offset + length <= _viewEnd && _view is not null) return _viewBase + (offset - _viewStart);
        if (length > MaxSpanBytes || offset < 0 || offset + length > Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"Bytes {offset}..{offset + length} do not fit a {_windowBytes}-byte window of a {Length}-byte file.");
        ObjectDisposedException.ThrowIf(_disposed, this);
        Unmap();
        // A quarter of the window behind the request: rows read backwards or a row's neighbour stay mapped.
        var start = Math.Max(0, offset - _windowBytes / 4);
        var end = Math.Min(Length, start + _windowBytes);
        var view = _map.CreateViewAccessor(start, end - start, MemoryMappedFileAccess.Read);
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _view = view;
        _viewBase = p + view.PointerOffset;
        _viewStart = start;
        _viewEnd = end;
        return _viewBase + (offset - start);
    }

    private void Unmap()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();   // munmap: the window's pages no longer count against this process
        _view = null;
        _viewBase = null;
        _viewStart = _viewEnd = 0;
    }

    private void ParseAll()
    {
        long offset = 0;
        while (offset < Length)
        {
            // Trailing zero or blank padding after the last HDU is tolerated (astropy does the same).
            if (_hdus.Count > 0 && IsPadding(offset)) break;
            var hdu = FitsHduReader.Read(this, _hdus.Count, offset, Length);
            _hdus.Add(hdu);
            offset = hdu.DataOffset + hdu.PaddedDataBytes;
        }
    }

    private bool IsPadding(long offset)
    {
        for (var o = offset; o < Length;)
        {
            var n = (int)Math.Min(Length - o, MaxSpanBytes);
            foreach (var b in Span(o, n))
                if (b != 0 && b != 0x20) return false;
            o += n;
        }
        return true;
    }

    internal ReadOnlySpan<byte> Span(long offset, int length) => new(Pointer(offset, length), length);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Unmap();
        _map.Dispose();
    }
}
