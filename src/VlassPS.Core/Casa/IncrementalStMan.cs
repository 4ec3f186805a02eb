namespace VlassPS.Core.Casa;

/// <summary>
/// IncrementalStMan (casacore-format.md §5): each bucket stores, per column, the rows where the value changes
/// and the new values. Read as runs, so per-field row counts of a million-row MAIN touch a few buckets only.
/// </summary>
internal sealed class IncrementalStMan : IDisposable
{
    private readonly StorageFile _file;
    private readonly string _table;
    private long[] _startRow = Array.Empty<long>();
    private long[] _bucketNr = Array.Empty<long>();

    public IncrementalStMan(string tableDir, DataManagerEntry dm, bool bigEndian)
    {
        _table = tableDir;
        BigEndian = bigEndian;
        var blob = new AipsIoReader(dm.Blob, bigEndian: true, tableDir);
        blob.ExpectMagic();
        blob.ReadObjectHeader("ISM");
        _file = new StorageFile(Path.Combine(tableDir, "table.f" + dm.SeqNr), tableDir);
        ReadHeaderAndIndex();
    }

    public bool BigEndian { get; }
    public int BucketSize { get; private set; }

    private void ReadHeaderAndIndex()
    {
        byte[] head = _file.Read(0, (int)Math.Min(512, _file.Length)).ToArray();
        var r = new AipsIoReader(head, BigEndian, _table);
        r.ExpectMagic();
        var (v, _, _) = r.ReadObjectHeader("IncrementalStMan");
        if (v is < 1 or > 5) throw r.Fail($"IncrementalStMan version {v}");
        if (v >= 5 && r.ReadBool() != BigEndian) throw r.Fail("IncrementalStMan byte order differs from table.dat");
        uint bucketSize = r.ReadUInt32();
        uint nBuckets = r.ReadUInt32();
        if (bucketSize < 16 || bucketSize > (1 << 28)) throw r.Fail($"bucket size {bucketSize}");
        BucketSize = (int)bucketSize;
        long indexAt = 512 + (long)nBuckets * bucketSize;
        if (indexAt > _file.Length - 8) throw _file.Fail($"header says {nBuckets} buckets of {bucketSize} bytes but the file has {_file.Length} bytes (truncated)");
        long indexLen = Math.Min(_file.Length - indexAt, 1L << 30);
        var ir = new AipsIoReader(_file.Read(indexAt, (int)indexLen).ToArray(), BigEndian, _table);
        ir.ExpectMagic();
        var (iv, _, _) = ir.ReadObjectHeader("ISMIndex");
        if (iv is < 1 or > 2) throw ir.Fail($"ISMIndex version {iv}");
        uint nUsed = ir.ReadUInt32();
        var start = ir.ReadIntBlock();
        var buckets = ir.ReadIntBlock();
        if (start.Length < nUsed + 1 || buckets.Length < nUsed) throw ir.Fail("ISMIndex blocks shorter than nUsed");
        for (int i = 0; i < nUsed; i++)
        {
            if (buckets[i] >= nBuckets || buckets[i] < 0) throw ir.Fail($"ISMIndex names bucket {buckets[i]} of {nBuckets}");
            if (start[i + 1] < start[i]) throw ir.Fail("ISMIndex rows are not increasing");
        }
        _startRow = start[..((int)nUsed + 1)];
        _bucketNr = buckets[..(int)nUsed];
    }

    public ColumnSource Column(CasaColumnDesc desc, int positionInDm, long nrow)
    {
        if (desc.IsArray) throw new CasaUnsupportedStorageManagerException(desc.Name, "IncrementalStMan", _table, "as an array column (only its scalar columns are supported)");
        return new IsmColumn(this, desc, positionInDm, nrow);
    }

    public void Dispose() => _file.Dispose();

    private sealed class IsmColumn : ColumnSource
    {
        private readonly IncrementalStMan _sm;
        private readonly int _position;

        public IsmColumn(IncrementalStMan sm, CasaColumnDesc desc, int position, long nrow) : base(desc, nrow)
        {
            _sm = sm;
            _position = position;
        }

        public override Array ReadScalars() => ReadRuns().Expand(CheckedRowCount());

        public override CasaArray?[] ReadArrays() => throw new CasaTableFormatException($"column {Desc.Name} is a scalar column", _sm._table);

        public override ColumnRuns ReadRuns()
        {
            var t = Desc.DataType;
            int size = t == CasaDataType.Bool ? 1 : CasaDataTypes.FixedSize(t);
            if (t != CasaDataType.String && size == 0) throw new CasaTableFormatException($"column {Desc.Name}: scalar type {t}", _sm._table);
            var starts = new List<long>();
            var lengths = new List<long>();
            var values = new List<object>();
            bool be = _sm.BigEndian;
            int bs = _sm.BucketSize;
            long nrow = RowCount;
            for (int i = 0; i < _sm._bucketNr.Length; i++)
            {
                long bucketStart = _sm._startRow[i];
                long bucketEnd = Math.Min(_sm._startRow[i + 1], nrow);        // exclusive
                if (bucketStart >= bucketEnd) continue;
                var data = _sm._file.Bucket(_sm._bucketNr[i], bs).ToArray();
                uint word = ByteOrder.UInt32(data, be);
                bool wide = (word & 0x80000000u) != 0;
                long pos = word & 0x0FFFFFFF;
                int n = 0;
                long[] rows = Array.Empty<long>();
                long[] offs = Array.Empty<long>();
                for (int c = 0; c <= _position; c++)
                {
                    if (pos + 4 > bs) throw _sm._file.Fail($"column {Desc.Name}: bucket index runs past the bucket");
                    n = ByteOrder.Int32(data.AsSpan((int)pos), be);
                    pos += 4;
                    int rw = wide ? 8 : 4;
                    if (n < 0 || pos + (long)n * (rw + 4) > bs) throw _sm._file.Fail($"column {Desc.Name}: {n} bucket index entries overflow the bucket");
                    if (c == _position)
                    {
                        rows = new long[n];
                        offs = new long[n];
                        for (int k = 0; k < n; k++) rows[k] = wide ? ByteOrder.Int64(data.AsSpan((int)pos + 8 * k), be) : ByteOrder.UInt32(data.AsSpan((int)pos + 4 * k), be);
                        long op = pos + (long)n * rw;
                        for (int k = 0; k < n; k++) offs[k] = ByteOrder.UInt32(data.AsSpan((int)op + 4 * k), be);
                    }
                    pos += (long)n * (rw + 4);
                }
                for (int k = 0; k < n; k++)
                {
                    long s = bucketStart + rows[k];
                    long e = k + 1 < n ? bucketStart + rows[k + 1] : bucketEnd;
                    if (rows[k] < 0 || (k > 0 && rows[k] <= rows[k - 1])) throw _sm._file.Fail($"column {Desc.Name}: bucket rows not increasing");
                    e = Math.Min(e, bucketEnd);
                    if (e <= s) continue;
                    long at = 4 + offs[k];
                    object value;
                    if (t == CasaDataType.String)
                    {
                        if (at + 4 > bs) throw _sm._file.Fail($"column {Desc.Name}: string value outside the bucket");
                        uint total = ByteOrder.UInt32(data.AsSpan((int)at), be);
                        if (total < 4 || at + total > bs) throw _sm._file.Fail($"column {Desc.Name}: string of {total} bytes overflows the bucket");
                        value = AipsIoReader.DecodeString(data.AsSpan((int)at + 4, (int)total - 4));
                    }
                    else
                    {
                        if (at + size > bs) throw _sm._file.Fail($"column {Desc.Name}: value outside the bucket");
                        if (t == CasaDataType.Bool) value = data[at] != 0;
                        else
                        {
                            var one = ElementCodec.Create(t, 1);
                            ElementCodec.Decode(t, data.AsSpan((int)at, size), be, one, 0, 1);
                            value = one.GetValue(0)!;
                        }
                    }
                    // Merge with the previous run when the value continues across a bucket boundary.
                    if (values.Count > 0 && starts[^1] + lengths[^1] == s && Equals(values[^1], value)) lengths[^1] += e - s;
                    else { starts.Add(s); lengths.Add(e - s); values.Add(value); }
                }
            }
            long covered = starts.Count == 0 ? 0 : starts[^1] + lengths[^1];
            if (covered < nrow) throw new CasaTableFormatException($"column {Desc.Name}: storage covers {covered} of {nrow} rows", _sm._table);
            var typed = ElementCodec.Create(t, values.Count);
            for (int k = 0; k < values.Count; k++) typed.SetValue(values[k], k);
            return new ColumnRuns(starts.ToArray(), lengths.ToArray(), typed);
        }
    }
}
