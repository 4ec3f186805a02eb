using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace VlassPS.Core.Casa;

/// <summary>
/// Reads casacore AipsIO serialisation (casacore-format.md §2) from an in-memory buffer. Every read is bounds
/// checked against the buffer, and every count is checked against the bytes left before anything is allocated,
/// so a corrupt length field produces a <see cref="CasaTableFormatException"/>, never a huge allocation.
/// </summary>
internal sealed class AipsIoReader
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly byte[] _buffer;
    private readonly int _end;
    private readonly bool _bigEndian;
    private readonly string? _path;
    private int _pos;

    public AipsIoReader(byte[] buffer, bool bigEndian, string? path, int start = 0, int end = -1)
    {
        _buffer = buffer;
        _pos = start;
        _end = end < 0 ? buffer.Length : end;
        _bigEndian = bigEndian;
        _path = path;
    }

    public int Position { get => _pos; set { if (value < 0 || value > _end) throw Fail($"seek to {value} outside 0..{_end}"); _pos = value; } }
    public int End => _end;
    public int Remaining => _end - _pos;
    public bool BigEndian => _bigEndian;

    public CasaTableFormatException Fail(string what) => new($"Malformed casacore data at byte {_pos}: {what}", _path);

    public ReadOnlySpan<byte> Take(long n)
    {
        if (n < 0 || n > Remaining) throw Fail($"needs {n} bytes but only {Remaining} remain");
        var s = new ReadOnlySpan<byte>(_buffer, _pos, (int)n);
        _pos += (int)n;
        return s;
    }

    public byte ReadByte() => Take(1)[0];
    public bool ReadBool() => ReadByte() != 0;
    public short ReadInt16() => ByteOrder.Int16(Take(2), _bigEndian);
    public ushort ReadUInt16() => ByteOrder.UInt16(Take(2), _bigEndian);
    public int ReadInt32() => ByteOrder.Int32(Take(4), _bigEndian);
    public uint ReadUInt32() => ByteOrder.UInt32(Take(4), _bigEndian);
    public long ReadInt64() => ByteOrder.Int64(Take(8), _bigEndian);
    public float ReadSingle() => ByteOrder.Single(Take(4), _bigEndian);
    public double ReadDouble() => ByteOrder.Double(Take(8), _bigEndian);

    /// <summary>A uInt element count, checked so that count × minimum element size fits in what is left.</summary>
    public int ReadCount(int minElementBytes, string what)
    {
        uint n = ReadUInt32();
        if ((long)n * Math.Max(minElementBytes, 0) > Remaining || n > int.MaxValue)
            throw Fail($"{what} count {n} exceeds the {Remaining} bytes left");
        return (int)n;
    }

    public string ReadString()
    {
        uint n = ReadUInt32();
        if (n > Remaining) throw Fail($"string length {n} exceeds the {Remaining} bytes left");
        return DecodeString(Take(n));
    }

    /// <summary>UTF-8 when valid, else Latin-1 (casacore stores raw bytes).</summary>
    public static string DecodeString(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Ascii.IsValid(bytes)) return Encoding.ASCII.GetString(bytes);        // VLASS names: the fast common case
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Latin1.GetString(bytes);
    }

    public static bool IsMagic(ReadOnlySpan<byte> s) => s.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(s) == 0xBEBEBEBE;

    public void ExpectMagic()
    {
        if (!IsMagic(Take(4))) throw Fail("missing AipsIO magic BEBEBEBE");
    }

    /// <summary>Consumes a magic word when one is next (it precedes each new top-level object).</summary>
    public bool SkipMagicIfPresent()
    {
        if (Remaining >= 4 && IsMagic(new ReadOnlySpan<byte>(_buffer, _pos, 4))) { _pos += 4; return true; }
        return false;
    }

    /// <summary>Reads an object header (length, type name, version); returns the version and the object's end offset.</summary>
    public (uint Version, int End, string Type) ReadObjectHeader(params string[] accepted)
    {
        int start = _pos;
        uint length = ReadUInt32();
        if (length < 12 || length > _end - start) throw Fail($"object length {length} does not fit (at most {_end - start})");
        string type = ReadString();
        if (accepted.Length > 0 && Array.IndexOf(accepted, type) < 0)
            throw Fail($"expected object {string.Join(" or ", accepted)}, found '{Truncate(type)}'");
        uint version = ReadUInt32();
        int end = start + (int)length;
        if (_pos > end) throw Fail($"object '{Truncate(type)}' header runs past its length");
        return (version, end, type);
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "..." : s;

    public void SkipTo(int end)
    {
        if (end < _pos || end > _end) throw Fail($"cannot skip to {end}");
        _pos = end;
    }

    /// <summary>IPosition v1 (Int32) or v2 (Int64).</summary>
    public long[] ReadIPosition()
    {
        var (v, end, _) = ReadObjectHeader("IPosition");
        if (v is < 1 or > 2) throw Fail($"IPosition version {v}");
        int n = ReadCount(v == 1 ? 4 : 8, "IPosition");
        var r = new long[n];
        for (int i = 0; i < n; i++) r[i] = v == 1 ? ReadInt32() : ReadInt64();
        SkipTo(end);
        return r;
    }

    /// <summary>A <c>Block</c> of integers; the element width (4 or 8) follows from the object length.</summary>
    public long[] ReadIntBlock(bool signed = false)
    {
        var (_, end, _) = ReadObjectHeader("Block");
        uint n = ReadUInt32();
        long bytes = end - _pos;
        int width = n == 0 ? 4 : bytes == (long)n * 8 ? 8 : bytes == (long)n * 4 ? 4 : -1;
        if (width < 0) throw Fail($"Block of {n} elements does not match its length {bytes}");
        var r = new long[n];
        for (int i = 0; i < n; i++) r[i] = width == 8 ? ReadInt64() : signed ? ReadInt32() : ReadUInt32();
        SkipTo(end);
        return r;
    }

    public string[] ReadStringBlock()
    {
        var (_, end, _) = ReadObjectHeader("Block");
        int n = ReadCount(4, "Block<String>");
        var r = new string[n];
        for (int i = 0; i < n; i++) r[i] = ReadString();
        SkipTo(end);
        return r;
    }

    /// <summary>An <c>Array</c> / <c>Array&lt;T&gt;</c> object holding elements of <paramref name="element"/>.</summary>
    public CasaArray ReadArrayObject(CasaDataType element)
    {
        var (v, end, type) = ReadObjectHeader();
        if (!type.StartsWith("Array", StringComparison.Ordinal)) throw Fail($"expected an Array object, found '{Truncate(type)}'");
        if (v is < 1 or > 3) throw Fail($"Array version {v}");
        int ndim = ReadCount(4, "Array ndim");
        var shape = new int[ndim];
        long product = 1;
        for (int i = 0; i < ndim; i++)
        {
            uint d = ReadUInt32();
            if (d > int.MaxValue) throw Fail($"array axis {d}");
            shape[i] = (int)d;
            product *= d;
            if (product > int.MaxValue) throw Fail("array too large");
        }
        if (v < 3) Take(4L * ndim);                                   // origin, unused
        int nelem = ReadCount(element == CasaDataType.Bool ? 0 : 1, "Array elements");
        if (ndim > 0 && nelem != product) throw Fail($"array holds {nelem} elements for shape product {product}");
        Array values = ElementCodec.ReadAipsIoElements(this, element, nelem);
        SkipTo(end);
        return new CasaArray(shape, values);
    }
}
