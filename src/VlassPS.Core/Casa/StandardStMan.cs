namespace VlassPS.Core.Casa;

/// <summary>
/// StandardStMan (casacore-format.md §4): fixed-size buckets, one SSMIndex per column group, a string heap and
/// indirect arrays in table.f&lt;N&gt;i.
/// </summary>
internal sealed class StandardStMan : IDisposable
{
    private sealed record SsmIndex(long[] LastRow, long[] BucketNr);

    private readonly StorageFile _file;
    private readonly Lazy<ArrayFile> _arrays;
    private readonly string _table;
    private readonly long[] _colOffset;
    private readonly long[] _colIndexMap;
    private readonly List<SsmIndex> _indices = new();

    public StandardStMan(string tableDir, DataManagerEntry dm, int columnCount, bool bigEndian)
    {
        _table = tableDir;
        BigEndian = bigEndian;
        var blob = new AipsIoReader(dm.Blob, bigEndian: true, tableDir);
        blob.ExpectMagic();
        var (bv, _, _) = blob.ReadObjectHeader("SSM");
        if (bv is < 1 or > 2) throw blob.Fail($"SSM blob version {bv}");
        blob.ReadString();
        long[] offsets = blob.ReadIntBlock();
        long[] indexMap = blob.ReadIntBlock();
        // casacore's removeColumn shifts the later entries down but keeps the block length, so after removecols
        // the blob describes more columns than are bound; the first columnCount entries are the live ones.
        if (offsets.Length < columnCount || indexMap.Length < columnCount)
            throw blob.Fail($"StandardStMan describes {Math.Min(offsets.Length, indexMap.Length)} columns, {columnCount} are bound to it");
        _colOffset = offsets[..columnCount];
        _colIndexMap = indexMap[..columnCount];

        string path = Path.Combine(tableDir, "table.f" + dm.SeqNr);
        _file = new StorageFile(path, tableDir);
        _arrays = new Lazy<ArrayFile>(() => new ArrayFile(path + "i", tableDir, bigEndian));
        ReadHeader();
    }

    public bool BigEndian { get; }
    public int BucketSize { get; private set; }
    public long BucketCount { get; private set; }

    private void ReadHeader()
    {
        byte[] head = _file.Read(0, (int)Math.Min(512, _file.Length)).ToArray();
        var r = new AipsIoReader(head, BigEndian, _table);
        r.ExpectMagic();
        var (v, _, _) = r.ReadObjectHeader("StandardStMan");
        if (v is < 1 or > 3) throw r.Fail($"StandardStMan version {v}");
        if (v >= 3 && r.ReadBool() != BigEndian) throw r.Fail("StandardStMan byte order differs from table.dat");
        uint bucketSize = r.ReadUInt32();
        uint nBuckets = r.ReadUInt32();
        r.ReadUInt32();                                                // persistent cache size
        r.ReadUInt32();                                                // free buckets
        r.ReadInt32();                                                 // first free bucket
        uint nIndexBuckets = r.ReadUInt32();
        int firstIndexBucket = r.ReadInt32();
        uint indexOffset = v >= 2 ? r.ReadUInt32() : 0;
        r.ReadInt32();                                                 // last string bucket
        uint indexLength = r.ReadUInt32();
        uint nIndices = r.ReadUInt32();
        if (bucketSize < 32 || bucketSize > (1 << 28)) throw r.Fail($"bucket size {bucketSize}");
        if (512 + (long)nBuckets * bucketSize > _file.Length)
            throw _file.Fail($"header says {nBuckets} buckets of {bucketSize} bytes but the file has {_file.Length} bytes (truncated)");
        BucketSize = (int)bucketSize;
        BucketCount = nBuckets;
        if (nIndices > 1024 || nIndexBuckets > nBuckets || indexLength > (long)nIndexBuckets * bucketSize + bucketSize)
            throw r.Fail($"index description ({nIndices} indices, {nIndexBuckets} buckets, {indexLength} bytes) does not fit the file");

        var index = new byte[indexLength];
        if (indexOffset > 0)
        {
            if (indexOffset + (long)indexLength > bucketSize) throw r.Fail("index runs past its bucket");
            _file.Bucket(firstIndexBucket, BucketSize).Slice((int)indexOffset, (int)indexLength).CopyTo(index);
        }
        else
        {
            long bucket = firstIndexBucket;
            int done = 0;
            for (uint i = 0; i < nIndexBuckets && done < indexLength; i++)
            {
                var b = _file.Bucket(bucket, BucketSize);
                int take = Math.Min(BucketSize - 8, (int)indexLength - done);
                b.Slice(8, take).CopyTo(index.AsSpan(done));
                done += take;
                bucket = ByteOrder.Int32(b, true);                     // next index bucket: big-endian in every table
            }
            if (done < indexLength) throw r.Fail("index bucket chain ends before the index does");
        }

        var ir = new AipsIoReader(index, BigEndian, _table);
        for (uint i = 0; i < nIndices; i++)
        {
            ir.SkipMagicIfPresent();
            var (iv, end, _) = ir.ReadObjectHeader("SSMIndex");
            if (iv != 1) throw ir.Fail($"SSMIndex version {iv} (64-bit row numbers) is not supported");
            uint nUsed = ir.ReadUInt32();
            ir.ReadUInt32();                                           // rows per bucket
            ir.ReadInt32();                                            // number of columns
            var (_, mapEnd, _) = ir.ReadObjectHeader("SimpleOrderedMap");
            ir.SkipTo(mapEnd);                                         // free space per bucket: not needed to read
            var last = ir.ReadIntBlock();
            var buckets = ir.ReadIntBlock();
            if (last.Length < nUsed || buckets.Length < nUsed) throw ir.Fail("SSMIndex blocks shorter than nUsed");
            for (int j = 0; j < nUsed; j++)
            {
                if (buckets[j] >= nBuckets) throw ir.Fail($"SSMIndex names bucket {buckets[j]} of {nBuckets}");
                if (j > 0 && last[j] <= last[j - 1]) throw ir.Fail("SSMIndex rows are not increasing");
            }
            _indices.Add(new SsmIndex(last[..(int)nUsed], buckets[..(int)nUsed]));
            ir.SkipTo(end);
        }
    }

    public ColumnSource Column(CasaColumnDesc desc, int positionInDm, long nrow)
    {
        long idx = _colIndexMap[positionInDm];
        if (idx < 0 || idx >= _indices.Count) throw new CasaTableFormatException($"column {desc.Name} uses SSM index {idx} of {_indices.Count}", _table);
        long offset = _colOffset[positionInDm];
        if (offset < 0 || offset >= BucketSize) throw new CasaTableFormatException($"column {desc.Name} offset {offset} outside the bucket", _table);
        return new SsmColumn(this, desc, nrow, _indices[(int)idx], (int)offset);
    }

    public void Dispose()
    {
        _file.Dispose();
        if (_arrays.IsValueCreated) _arrays.Value.Dispose();
    }

    /// <summary>Bytes of a heap string or string array: (bucket, offset, length) with continuation buckets.</summary>
    private ReadOnlySpan<byte> ReadHeap(int bucket, int offset, int length)
    {
        if (length < 0 || length > BucketCount * (long)BucketSize) throw _file.Fail($"heap item of {length} bytes");
        if (offset < 0 || offset > BucketSize - 16) throw _file.Fail($"heap offset {offset}");
        if (bucket < 0 || bucket >= BucketCount) throw _file.Fail($"string heap bucket {bucket} of {BucketCount}");
        if (16 + offset + length <= BucketSize) return _file.Bucket(bucket, BucketSize).Slice(16 + offset, length);   // common case: no copy
        var result = new byte[length];
        int done = 0;
        long b = bucket;
        int hops = 0;
        while (done < length)
        {
            if (b < 0 || b >= BucketCount || hops++ > BucketCount) throw _file.Fail($"string heap chain broken at bucket {b}");
            var data = _file.Bucket(b, BucketSize);
            int take = Math.Min(BucketSize - 16 - offset, length - done);
            data.Slice(16 + offset, take).CopyTo(result.AsSpan(done));
            done += take;
            b = ByteOrder.Int32(data[12..], true);                     // next heap bucket: big-endian
            offset = 0;
        }
        return result;
    }

    private sealed class SsmColumn : ColumnSource
    {
        private readonly StandardStMan _sm;
        private readonly SsmIndex _index;
        private readonly int _offset;

        public SsmColumn(StandardStMan sm, CasaColumnDesc desc, long nrow, SsmIndex index, int offset) : base(desc, nrow)
        {
            _sm = sm;
            _index = index;
            _offset = offset;
        }

        /// <summary>Calls <paramref name="chunk"/>(bucket bytes, first row, row count) for each bucket in row order.</summary>
        private void Walk(Action<ReadOnlySpanHolder, int, int> chunk)
        {
            int n = CheckedRowCount();
            long first = 0;
            for (int j = 0; j < _index.LastRow.Length && first < n; j++)
            {
                long last = Math.Min(_index.LastRow[j], n - 1);
                if (last >= first)
                    chunk(new ReadOnlySpanHolder(_sm, _index.BucketNr[j]), (int)first, (int)(last - first + 1));
                first = _index.LastRow[j] + 1;
            }
            if (first < n) throw new CasaTableFormatException($"column {Desc.Name}: storage covers {first} of {n} rows", _sm._table);
        }

        private ReadOnlySpan<byte> Cells(ReadOnlySpanHolder h, int count, int cellSize)
        {
            long bytes = (long)count * cellSize;
            if (_offset + bytes > _sm.BucketSize) throw _sm._file.Fail($"column {Desc.Name}: {count} cells of {cellSize} bytes overflow the bucket");
            return h.Span.Slice(_offset, (int)bytes);
        }

        public override Array ReadScalars()
        {
            if (Desc.IsArray) throw new CasaTableFormatException($"column {Desc.Name} is an array column", _sm._table);
            var t = Desc.DataType;
            var dest = ElementCodec.Create(t, CheckedRowCount());
            bool be = _sm.BigEndian;
            if (t == CasaDataType.Bool)
                Walk((h, first, cnt) =>
                {
                    if (_offset + (cnt + 7) / 8 > _sm.BucketSize) throw _sm._file.Fail($"column {Desc.Name}: Bool bits overflow the bucket");
                    ElementCodec.DecodeBits(h.Span[_offset..], 0, (bool[])dest, first, cnt);
                });
            else if (t == CasaDataType.String && Desc.MaxLength > 0)
                Walk((h, first, cnt) =>
                {
                    var cells = Cells(h, cnt, Desc.MaxLength);
                    var s = (string[])dest;
                    for (int i = 0; i < cnt; i++) s[first + i] = FixedString(cells.Slice(i * Desc.MaxLength, Desc.MaxLength));
                });
            else if (t == CasaDataType.String)
                Walk((h, first, cnt) =>
                {
                    var cells = Cells(h, cnt, 12).ToArray();
                    var s = (string[])dest;
                    for (int i = 0; i < cnt; i++) s[first + i] = AipsIoReader.DecodeString(SlotBytes(cells.AsSpan(i * 12, 12)));
                });
            else
            {
                int size = CasaDataTypes.FixedSize(t);
                if (size == 0) throw new CasaTableFormatException($"column {Desc.Name}: scalar type {t}", _sm._table);
                Walk((h, first, cnt) => ElementCodec.Decode(t, Cells(h, cnt, size), be, dest, first, cnt));
            }
            return dest;
        }

        private static string FixedString(ReadOnlySpan<byte> cell)
        {
            int nul = cell.IndexOf((byte)0);
            return AipsIoReader.DecodeString(nul < 0 ? cell : cell[..nul]);
        }

        /// <summary>A 12-byte (bucket, offset, length) slot: inline when length ≤ 8, else in the string heap.</summary>
        private ReadOnlySpan<byte> SlotBytes(ReadOnlySpan<byte> slot)
        {
            bool be = _sm.BigEndian;
            int len = ByteOrder.Int32(slot[8..], be);
            if (len < 0) throw _sm._file.Fail($"column {Desc.Name}: negative string length");
            if (len <= 8) return slot[..len];
            return _sm.ReadHeap(ByteOrder.Int32(slot, be), ByteOrder.Int32(slot[4..], be), len);
        }

        public override CasaArray?[] ReadArrays()
        {
            if (!Desc.IsArray) throw new CasaTableFormatException($"column {Desc.Name} is a scalar column", _sm._table);
            var t = Desc.DataType;
            var dest = new CasaArray?[CheckedRowCount()];
            bool be = _sm.BigEndian;
            if (t == CasaDataType.String)
            {
                Walk((h, first, cnt) =>
                {
                    var cells = Cells(h, cnt, 12).ToArray();
                    for (int i = 0; i < cnt; i++) dest[first + i] = StringArray(cells.AsSpan(i * 12, 12));
                });
            }
            else if (Desc.IsDirectFixed)
            {
                if (t == CasaDataType.Bool) throw new CasaUnsupportedStorageManagerException(Desc.Name, "StandardStMan", _sm._table, "as a direct fixed-shape Bool array");
                int size = CasaDataTypes.FixedSize(t);
                var shape = Desc.Shape.Select(x => (int)x).ToArray();
                long nel = shape.Aggregate(1L, (a, b) => a * b);
                if (size == 0 || nel <= 0 || nel * size > _sm.BucketSize) throw _sm._file.Fail($"column {Desc.Name}: direct array of {nel} {t}");
                int cell = (int)(nel * size);
                Walk((h, first, cnt) =>
                {
                    var cells = Cells(h, cnt, cell);
                    for (int i = 0; i < cnt; i++)
                    {
                        var v = ElementCodec.Create(t, (int)nel);
                        ElementCodec.Decode(t, cells.Slice(i * cell, cell), be, v, 0, (int)nel);
                        dest[first + i] = new CasaArray((int[])shape.Clone(), v);
                    }
                });
            }
            else
            {
                Walk((h, first, cnt) =>
                {
                    var cells = Cells(h, cnt, 8).ToArray();
                    for (int i = 0; i < cnt; i++)
                    {
                        long off = ByteOrder.Int64(cells.AsSpan(i * 8), be);
                        dest[first + i] = off == 0 ? null : _sm._arrays.Value.Read(off, t);
                    }
                });
            }
            return dest;
        }

        public override double[] ReadDoublePrefix(int count)
        {
            if (!Desc.IsArray || Desc.DataType != CasaDataType.Double || Desc.IsDirectFixed) return base.ReadDoublePrefix(count);
            var dest = new double[(long)CheckedRowCount() * count];
            Array.Fill(dest, double.NaN);
            bool be = _sm.BigEndian;
            Walk((h, first, cnt) =>
            {
                var cells = Cells(h, cnt, 8).ToArray();
                for (int i = 0; i < cnt; i++)
                {
                    long off = ByteOrder.Int64(cells.AsSpan(i * 8), be);
                    if (off != 0) _sm._arrays.Value.ReadDoublePrefix(off, dest.AsSpan((first + i) * count, count));
                }
            });
            return dest;
        }

        /// <summary>String array in the heap: fixed shape = n × (BE len, bytes); variable = BE ndim, shape, flag, then the strings.</summary>
        private CasaArray? StringArray(ReadOnlySpan<byte> slot)
        {
            bool be = _sm.BigEndian;
            int len = ByteOrder.Int32(slot[8..], be);
            if (len == 0) return null;
            var bytes = SlotBytes(slot).ToArray();
            var r = new AipsIoReader(bytes, bigEndian: true, _sm._table);
            int[] shape;
            if ((Desc.Options & 4) != 0 && Desc.Shape.Count > 0) shape = Desc.Shape.Select(x => (int)x).ToArray();
            else
            {
                int ndim = r.ReadInt32();
                if (ndim < 0 || ndim > 32) throw r.Fail($"string array with {ndim} dimensions");
                shape = new int[ndim];
                for (int i = 0; i < ndim; i++) shape[i] = r.ReadInt32();
                r.ReadUInt32();
            }
            long n = 1;
            foreach (int d in shape)
            {
                if (d < 0) throw r.Fail("negative string array axis");
                n *= d;
                if (n > r.Remaining / 4 + 1) throw r.Fail("string array larger than its storage");
            }
            var s = new string[n];
            for (int i = 0; i < n; i++) s[i] = r.ReadString();
            return new CasaArray(shape, s);
        }
    }

    /// <summary>Lets lambdas receive a bucket without capturing a span.</summary>
    private readonly struct ReadOnlySpanHolder
    {
        private readonly StandardStMan _sm;
        private readonly long _bucket;

        public ReadOnlySpanHolder(StandardStMan sm, long bucket)
        {
            _sm = sm;
            _bucket = bucket;
        }

        public ReadOnlySpan<byte> Span => _sm._file.Bucket(_bucket, _sm.BucketSize);
    }
}
