namespace VlassPS.Core.Casa;

/// <summary>
/// table.f&lt;N&gt;i (StManArrayFile): indirect arrays addressed by Int64 offsets (casacore-format.md §4.4).
/// Version 0 (SSM) has no refcount word, version 1 (ISM) has one before ndim.
/// </summary>
internal sealed class ArrayFile : IDisposable
{
    private readonly StorageFile _file;
    private readonly bool _be;
    private readonly uint _version;

    public ArrayFile(string path, string tableDir, bool bigEndian)
    {
        _file = new StorageFile(path, tableDir);
        _be = bigEndian;
        var h = _file.Read(0, 16);
        _version = ByteOrder.UInt32(h, _be);
        if (_version > 1) throw _file.Fail($"array file version {_version}");
    }

    private int[]? _lastShape;

    public CasaArray Read(long offset, CasaDataType type)
    {
        if (offset < 16 || offset >= _file.Length) throw _file.Fail($"array offset {offset} outside the file");
        long pos = offset + (_version >= 1 ? 4 : 0);
        // One bounded view for the header: ndim and up to 32 axes.
        var head = _file.Read(pos, (int)Math.Min(4 + 4 * 32, _file.Length - pos));
        if (head.Length < 4) throw _file.Fail($"array header at {offset} runs past the end of the file");
        int ndim = ByteOrder.Int32(head, _be);
        if (ndim < 0 || ndim > 32 || 4 + 4 * ndim > head.Length) throw _file.Fail($"array with {ndim} dimensions at {offset}");
        long n = 1;
        bool same = _lastShape is not null && _lastShape.Length == ndim;
        for (int i = 0; i < ndim; i++)
        {
            int d = ByteOrder.Int32(head[(4 + 4 * i)..], _be);
            if (d < 0) throw _file.Fail($"negative array axis at {offset}");
            n *= d;
            if (n > (_file.Length - pos) * 8) throw _file.Fail($"array at {offset} claims more elements than the file holds");
            if (same && _lastShape![i] != d) same = false;
        }
        int[] shape;
        if (same) shape = _lastShape!;                                  // cells of one column mostly share a shape: share the (never mutated) array
        else
        {
            shape = new int[ndim];
            for (int i = 0; i < ndim; i++) shape[i] = ByteOrder.Int32(head[(4 + 4 * i)..], _be);
            _lastShape = shape;
        }
        pos += 4 + 4 * ndim;
        var values = ElementCodec.Create(type, (int)n);
        if (type == CasaDataType.Bool)
            ElementCodec.DecodeBits(_file.Read(pos, (int)((n + 7) / 8)), 0, (bool[])values, 0, (int)n);
        else
        {
            int size = CasaDataTypes.FixedSize(type);
            if (size == 0) throw _file.Fail($"indirect arrays of {type} are not stored in the array file");
            if (n * size > _file.Length - pos) throw _file.Fail($"array at {offset} runs past the end of the file");
            ElementCodec.Decode(type, _file.Read(pos, (int)(n * size)), _be, values, 0, (int)n);
        }
        return new CasaArray(shape, values);
    }

    /// <summary>Copies up to dest.Length leading Double elements of the array at <paramref name="offset"/>; returns how many.</summary>
    public int ReadDoublePrefix(long offset, Span<double> dest)
    {
        if (offset < 16 || offset >= _file.Length) throw _file.Fail($"array offset {offset} outside the file");
        long pos = offset + (_version >= 1 ? 4 : 0);
        var head = _file.Read(pos, (int)Math.Min(4 + 4 * 32, _file.Length - pos));
        if (head.Length < 4) throw _file.Fail($"array header at {offset} runs past the end of the file");
        int ndim = ByteOrder.Int32(head, _be);
        if (ndim < 0 || ndim > 32 || 4 + 4 * ndim > head.Length) throw _file.Fail($"array with {ndim} dimensions at {offset}");
        long n = 1;
        for (int i = 0; i < ndim; i++)
        {
            int d = ByteOrder.Int32(head[(4 + 4 * i)..], _be);
            if (d < 0) throw _file.Fail($"negative array axis at {offset}");
            n = Math.Min(n * d, int.MaxValue);
        }
        pos += 4 + 4 * ndim;
        int take = (int)Math.Min(n, dest.Length);
        if (take * 8L > _file.Length - pos) throw _file.Fail($"array at {offset} runs past the end of the file");
        var data = _file.Read(pos, take * 8);
        for (int i = 0; i < take; i++) dest[i] = ByteOrder.Double(data[(8 * i)..], _be);
        return take;
    }

    public void Dispose() => _file.Dispose();
}
