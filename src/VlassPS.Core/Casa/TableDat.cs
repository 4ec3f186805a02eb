namespace VlassPS.Core.Casa;



internal sealed record DataManagerEntry(string Type, int SeqNr, byte[] Blob);

internal sealed record RefTableBody(string ParentName, Dictionary<string, string> ColumnNameMap, string[] ColumnNames,
    long ParentRowCount, bool RowOrder, long[] Rows);

internal sealed record ConcatTableBody(string[] PartNames, string[] ConcatSubtables);

/// <summary>
/// table.dat (always big-endian AipsIO): header, then a TableDesc + ColumnSet (PlainTable), a RefTable body or a
/// ConcatTable body (casacore-format.md §3.1, §6).
/// </summary>
internal sealed class TableDat
{
    public CasaTableKind Kind { get; private init; }
    public uint Version { get; private init; }
    public long RowCount { get; private set; }
    public bool BigEndian { get; private init; }
    public KeywordRecord Keywords { get; private set; } = KeywordRecord.Empty;
    public List<CasaColumnDesc> Columns { get; } = new();
    public List<DataManagerEntry> DataManagers { get; } = new();
    public RefTableBody? Ref { get; private set; }
    public ConcatTableBody? Concat { get; private set; }

    /// <summary>Largest table.dat we accept; real ones are kilobytes (RefTables: 4 bytes per row).</summary>
    private const long MaxBytes = 1L << 30;

    public static TableDat Read(string tableDir)
    {
        string file = Path.Combine(tableDir, "table.dat");
        byte[] bytes = StorageFile.ReadSmallFile(file, MaxBytes, tableDir);
        var r = new AipsIoReader(bytes, bigEndian: true, tableDir);
        r.ExpectMagic();
        var (version, end, _) = r.ReadObjectHeader("Table");
        if (version is < 1 or > 3) throw r.Fail($"Table version {version} is not supported");
        long nrow = version >= 3 ? r.ReadInt64() : r.ReadUInt32();
        uint endian = version >= 2 ? r.ReadUInt32() : 0;
        string kind = r.ReadString();
        var dat = new TableDat
        {
            Version = version,
            RowCount = nrow,
            BigEndian = endian == 0,
            Kind = kind switch
            {
                "PlainTable" => CasaTableKind.Plain,
                "RefTable" => CasaTableKind.Ref,
                "ConcatTable" => CasaTableKind.Concat,
                _ => throw new CasaTableFormatException($"Table kind '{kind}' is not supported (PlainTable, RefTable, ConcatTable)", tableDir),
            },
        };
        if (nrow < 0) throw r.Fail($"negative row count {nrow}");
        switch (dat.Kind)
        {
            case CasaTableKind.Plain:
                dat.ReadTableDesc(r);
                dat.ReadColumnSet(r, tableDir);
                break;
            case CasaTableKind.Ref:
                dat.Ref = ReadRef(r);
                break;
            case CasaTableKind.Concat:
                dat.Concat = ReadConcat(r);
                break;
        }
        if (r.Position > end) throw r.Fail("table.dat content runs past the Table object");
        return dat;
    }

    private void ReadTableDesc(AipsIoReader r)
    {
        var (v, end, _) = r.ReadObjectHeader("TableDesc");
        if (v is < 1 or > 2) throw r.Fail($"TableDesc version {v}");
        r.ReadString(); r.ReadString(); r.ReadString();               // name, version, comment
        Keywords = KeywordRecordReader.Read(r);
        if (v >= 2) KeywordRecordReader.Read(r);                       // private keywords
        int ncol = r.ReadCount(16, "column");
        for (int i = 0; i < ncol; i++) Columns.Add(ReadColumnDesc(r));
        r.SkipTo(end);
    }

    private static CasaColumnDesc ReadColumnDesc(AipsIoReader r)
    {
        r.ReadUInt32();
        string className = r.ReadString();
        r.ReadUInt32();
        string name = r.ReadString();
        string comment = r.ReadString();
        r.ReadString();                                                // data manager type (the ColumnSet binding is authoritative)
        r.ReadString();                                                // data manager group
        int dt = r.ReadInt32();
        if (dt < 0 || dt > (int)CasaDataType.ArrayInt64) throw r.Fail($"column {name}: data type {dt}");
        var type = (CasaDataType)dt;
        int options = r.ReadInt32();
        int ndim = r.ReadInt32();
        bool isArray = className.StartsWith("ArrayColumnDesc", StringComparison.Ordinal);
        bool isRecord = className.StartsWith("ScalarRecordColumnDesc", StringComparison.Ordinal);
        if (!isArray && !isRecord && !className.StartsWith("ScalarColumnDesc", StringComparison.Ordinal))
            throw r.Fail($"column {name}: unknown column description class '{className}'");
        long[] shape = isArray ? r.ReadIPosition() : Array.Empty<long>();
        int maxLength = r.ReadInt32();
        var keywords = KeywordRecordReader.Read(r);
        if (!isRecord)
        {
            r.ReadUInt32();
            if (isArray) r.ReadByte();
            else if (type == CasaDataType.String || CasaDataTypes.IsNumericOrBool(type)) ElementCodec.ReadAipsIoScalar(r, type);
            else throw r.Fail($"column {name}: scalar of type {type}");
        }
        return new CasaColumnDesc(name, type, isArray, options, ndim, shape, maxLength, keywords, comment);
    }

    private void ReadColumnSet(AipsIoReader r, string tableDir)
    {
        int version = r.ReadInt32();
        long nrow;
        if (version >= 0) nrow = version;                              // ColumnSet v1: the word is nrow
        else if (version == -2) nrow = r.ReadUInt32();
        else if (version == -3)
        {
            nrow = r.ReadInt64();
            int storageOption = r.ReadInt32();
            r.ReadInt32();                                             // block size
            if (storageOption is 0 or 1)
                throw new CasaUnsupportedStorageManagerException("*", storageOption == 0 ? "MultiFile" : "MultiHDF5", tableDir, "(all columns live in one container file)");
        }
        else throw r.Fail($"ColumnSet version {version}");
        if (nrow > RowCount) RowCount = nrow;
        r.ReadUInt32();                                                // highest sequence number
        int ndm = r.ReadCount(8, "data manager");
        var dms = new List<(string Type, int Seq)>(ndm);
        for (int i = 0; i < ndm; i++)
        {
            string type = r.ReadString();
            uint seq = r.ReadUInt32();
            if (seq > 1_000_000) throw r.Fail($"data manager sequence number {seq}");
            dms.Add((type, (int)seq));
        }
        foreach (var c in Columns)
        {
            uint pv = r.ReadUInt32();
            if (pv >= 2) r.ReadString();                               // original name
            r.ReadUInt32();
            uint seq = r.ReadUInt32();
            int k = dms.FindIndex(d => d.Seq == seq);
            if (k < 0) throw r.Fail($"column {c.Name} bound to unknown data manager {seq}");
            c.DataManagerSeq = (int)seq;
            c.DataManagerType = dms[k].Type;
            if (c.IsArray && r.ReadBool()) r.ReadIPosition();
        }
        foreach (var (type, seq) in dms)
        {
            int n = r.ReadCount(1, "data manager blob");
            DataManagers.Add(new DataManagerEntry(type, seq, r.Take(n).ToArray()));
        }
    }

    private static RefTableBody ReadRef(AipsIoReader r)
    {
        var (v, end, _) = r.ReadObjectHeader("RefTable");
        if (v is < 1 or > 3) throw r.Fail($"RefTable version {v}");
        string parent = r.ReadString();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var (_, mapEnd, _) = r.ReadObjectHeader("SimpleOrderedMap");
        r.ReadString();                                                // default value
        int n = r.ReadCount(8, "column map");
        r.ReadUInt32();                                                // increment
        for (int i = 0; i < n; i++) map[r.ReadString()] = r.ReadString();
        r.SkipTo(mapEnd);
        string[] names = v >= 2 ? (string[])r.ReadArrayObject(CasaDataType.String).Values : map.Keys.ToArray();
        long parentRows = v >= 3 ? r.ReadInt64() : r.ReadUInt32();
        bool rowOrder = r.ReadBool();
        long nrow = v >= 3 ? r.ReadInt64() : r.ReadUInt32();
        int width = v >= 3 ? 8 : 4;
        if (nrow < 0 || nrow * width > r.Remaining) throw r.Fail($"RefTable row count {nrow} exceeds the file");
        var rows = new long[nrow];
        for (long i = 0; i < nrow; i++)
        {
            rows[i] = v >= 3 ? r.ReadInt64() : r.ReadUInt32();
            if (rows[i] < 0 || rows[i] >= parentRows) throw r.Fail($"RefTable row {rows[i]} outside the parent's {parentRows} rows");
        }
        if (r.Position > end) throw r.Fail("RefTable body runs past its length");
        return new RefTableBody(parent, map, names, parentRows, rowOrder, rows);
    }

    private static ConcatTableBody ReadConcat(AipsIoReader r)
    {
        var (v, end, _) = r.ReadObjectHeader("ConcatTable");
        if (v > 1) throw r.Fail($"ConcatTable version {v}");
        int n = r.ReadCount(4, "ConcatTable part");
        var parts = new string[n];
        for (int i = 0; i < n; i++) parts[i] = r.ReadString();
        string[] subs = r.Position < end ? r.ReadStringBlock() : Array.Empty<string>();
        r.SkipTo(end);
        return new ConcatTableBody(parts, subs);
    }
}
