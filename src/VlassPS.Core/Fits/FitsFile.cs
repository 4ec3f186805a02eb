using System.IO.MemoryMappedFiles;

namespace VlassPS.Core.Fits;

/// <summary>
/// A FITS file opened read-only and memory-mapped: headers are parsed on open, data are read in
/// place through <see cref="FitsImage"/> (rows, planes, single pixels) so a large image is never copied
/// into managed memory as a whole.
/// </summary>
public sealed unsafe class FitsFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _base;
    private readonly List<FitsHdu> _hdus = new();

    private FitsFile(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        Path = path;
        _map = map;
        _view = view;
        Length = length;
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset;
    }

    public string Path { get; }

    public long Length { get; }

    public IReadOnlyList<FitsHdu> Hdus => _hdus;

    public FitsHdu Primary => _hdus[0];

    /// <summary>Opens and parses every HDU header. Malformed files raise <see cref="FitsFormatException"/>.</summary>
    public static FitsFile Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        // Regular files only: a directory is not an image, a FIFO would block the open, a device never ends.
        var length = VlassPS.Core.IO.InputFile.RequireRegular(full, "Image", VlassPS.Core.Errors.VlassErrors.ImageNotFound);
        if (length < FitsCardParser.BlockLength)
            throw new FitsFormatException($"File is {length} bytes long, shorter than one 2880-byte FITS block", 0, -1, full);
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        FitsFile? file = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            file = new FitsFile(full, map, view, length);
            file.ParseAll();
            return file;
        }
        catch (FitsFormatException ex)
        {
            Dispose(file, view, map, stream);
            throw ex.FilePath is null ? ex.WithPath(full) : ex;
        }
        catch
        {
            Dispose(file, view, map, stream);
            throw;
        }
    }

    private static void Dispose(FitsFile? file, MemoryMappedViewAccessor? view, MemoryMappedFile? map, FileStream stream)
    {
        if (file is not null) { file.Dispose(); return; }
        view?.Dispose();
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

    internal byte* Pointer(long offset) => _base + offset;

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
        for (var o = offset; o < Length; o++)
        {
            var b = _base[o];
            if (b != 0 && b != 0x20) return false;
        }
        return true;
    }

    internal ReadOnlySpan<byte> Span(long offset, int length) => new(_base + offset, length);

    public void Dispose()
    {
        if (_base != null)
        {
            _base = null;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
        _view.Dispose();
        _map.Dispose();
    }
}
