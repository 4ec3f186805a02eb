using System.Buffers.Binary;

namespace VlassPS.Core.Fits;

/// <summary>
/// Read access to an image HDU in physical units (raw * BSCALE + BZERO; BLANK and NaN become NaN).
/// Axes 1 and 2 are the image (x = column, y = row, both 0-based here); all further axes (FREQ, STOKES,
/// as VLASS writes them, usually of length 1) are flattened into "planes". Reads straight from the
/// memory-mapped window of the file (<see cref="FitsFile.Pointer"/>): nothing is cached, so a 625 MB image
/// costs no managed memory and a 40 GB one no more resident memory than one window.
/// </summary>
public sealed unsafe class FitsImage
{
    private readonly FitsFile _file;
    private readonly int _bytesPerPixel;
    private readonly long? _blank;

    internal FitsImage(FitsFile file, FitsHdu hdu)
    {
        _file = file;
        Hdu = hdu;
        var axes = hdu.Axes;
        if (axes[0] > int.MaxValue || (axes.Count > 1 && axes[1] > int.MaxValue))
            throw new FitsFormatException("Image axes longer than 2^31-1 pixels are not supported", hdu.Header.ByteOffset);
        Width = (int)axes[0];
        Height = axes.Count > 1 ? (int)axes[1] : 1;
        long planes = 1;
        for (var i = 2; i < axes.Count; i++) planes *= axes[i];
        PlaneCount = planes;
        _bytesPerPixel = Math.Abs(hdu.Bitpix) / 8;
        var h = hdu.Header;
        BScale = h.GetDouble("BSCALE", 1.0);
        BZero = h.GetDouble("BZERO", 0.0);
        if (hdu.Bitpix > 0 && h.Find("BLANK") is { } b)
        {
            _blank = b.Value is long l ? l
                : throw new FitsFormatException($"BLANK must be an integer, found '{b.Value}'", b.ByteOffset, b.Index);
        }
        Header = h;
    }

    public FitsHdu Hdu { get; }

    public FitsHeader Header { get; }

    public string Path => _file.Path;

    /// <summary>NAXIS1.</summary>
    public int Width { get; }

    /// <summary>NAXIS2 (1 for a 1-D array).</summary>
    public int Height { get; }

    /// <summary>Product of NAXIS3..NAXISn.</summary>
    public long PlaneCount { get; }

    public int Bitpix => Hdu.Bitpix;

    public double BScale { get; }

    public double BZero { get; }

    public long? Blank => _blank;

    /// <summary>Reads row <paramref name="y"/> (0-based) of plane <paramref name="plane"/> in physical units.</summary>
    public void ReadRow(int y, Span<double> destination, long plane = 0)
    {
        CheckRow(y, plane, destination.Length);
        // A row longer than the file window is read in pieces; usually the whole row is one piece.
        var chunk = ChunkPixels;
        for (var x0 = 0; x0 < Width; x0 += chunk)
        {
            var n = Math.Min(chunk, Width - x0);
            var p = _file.Pointer(PixelOffset(x0, y, plane), (long)n * _bytesPerPixel);
            var dst = destination.Slice(x0, n);
            switch (Hdu.Bitpix)
            {
                case -32:
                    for (var x = 0; x < n; x++)
                        dst[x] = BScale * BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness(((int*)p)[x])) + BZero;
                    break;
                case -64:
                    for (var x = 0; x < n; x++)
                        dst[x] = BScale * BitConverter.Int64BitsToDouble(BinaryPrimitives.ReverseEndianness(((long*)p)[x])) + BZero;
                    break;
                default:
                    for (var x = 0; x < n; x++) dst[x] = Convert(p + (long)x * _bytesPerPixel);
                    break;
            }
        }
    }

    /// <summary>Reads row y as float (single precision): what statistics and the bench use for float32 images.</summary>
    public void ReadRow(int y, Span<float> destination, long plane = 0)
    {
        CheckRow(y, plane, destination.Length);
        var chunk = ChunkPixels;
        for (var x0 = 0; x0 < Width; x0 += chunk)
        {
            var n = Math.Min(chunk, Width - x0);
            var p = _file.Pointer(PixelOffset(x0, y, plane), (long)n * _bytesPerPixel);
            var dst = destination.Slice(x0, n);
            if (Hdu.Bitpix == -32 && BScale == 1.0 && BZero == 0.0)
            {
                var src = new ReadOnlySpan<int>(p, n);
                BinaryPrimitives.ReverseEndianness(src, System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(dst));
                continue;
            }
            for (var x = 0; x < n; x++) dst[x] = (float)Convert(p + (long)x * _bytesPerPixel);
        }
    }

    /// <summary>One pixel (0-based) in physical units.</summary>
    public double this[int x, int y, long plane = 0]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height || plane < 0 || plane >= PlaneCount)
                throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x}, {y}, plane {plane}) lies outside the {Width}x{Height}x{PlaneCount} image.");
            return Convert(_file.Pointer(PixelOffset(x, y, plane), _bytesPerPixel));
        }
    }

    /// <summary>Unchecked pixel read for inner loops that already bound x and y.</summary>
    internal double GetUnchecked(int x, int y, long plane) => Convert(_file.Pointer(PixelOffset(x, y, plane), _bytesPerPixel));

    private long PixelOffset(int x, int y, long plane)
        => Hdu.DataOffset + ((plane * Height + y) * (long)Width + x) * _bytesPerPixel;

    /// <summary>Pixels one window read may cover.</summary>
    private int ChunkPixels => (int)Math.Min(int.MaxValue, Math.Max(1, _file.MaxSpanBytes / _bytesPerPixel));

    private void CheckRow(int y, long plane, int length)
    {
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y), y, $"Row must lie in 0..{Height - 1}.");
        if (plane < 0 || plane >= PlaneCount) throw new ArgumentOutOfRangeException(nameof(plane), plane, $"Plane must lie in 0..{PlaneCount - 1}.");
        if (length < Width) throw new ArgumentException($"Destination holds {length} values, the row has {Width}.");
    }

    private double Convert(byte* p)
    {
        long raw;
        switch (Hdu.Bitpix)
        {
            case 8: raw = *p; break;
            case 16: raw = BinaryPrimitives.ReverseEndianness(*(short*)p); break;
            case 32: raw = BinaryPrimitives.ReverseEndianness(*(int*)p); break;
            case 64: raw = BinaryPrimitives.ReverseEndianness(*(long*)p); break;
            case -32: return BScale * BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness(*(int*)p)) + BZero;
            default: return BScale * BitConverter.Int64BitsToDouble(BinaryPrimitives.ReverseEndianness(*(long*)p)) + BZero;
        }
        if (_blank == raw) return double.NaN;
        return BScale * raw + BZero;
    }
}
