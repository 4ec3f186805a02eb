namespace VlassPS.Core.Casa;

/// <summary>A table or column keyword set (casacore TableRecord). Values: boxed scalars, <see cref="CasaArray"/>,
/// <see cref="TableReference"/> (subtables) and nested <see cref="KeywordRecord"/>s.</summary>
public sealed class KeywordRecord
{
    private readonly List<KeyValuePair<string, object?>> _fields = new();

    public static readonly KeywordRecord Empty = new();

    /// <summary>True when a field of a type this reader cannot decode made us skip the rest of the record.</summary>
    public bool Incomplete { get; internal set; }

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    internal void Add(string name, object? value) => _fields.Add(new(name, value));

    public bool TryGet(string name, out object? value)
    {
        foreach (var kv in _fields)
            if (kv.Key == name) { value = kv.Value; return true; }
        value = null;
        return false;
    }

    public object? this[string name] => TryGet(name, out var v) ? v : null;

    public string? GetString(string name) => this[name] as string;
    public KeywordRecord? GetRecord(string name) => this[name] as KeywordRecord;
}

/// <summary>A keyword of type Table: the stored (possibly relative) name of a subtable, e.g. <c>././FIELD</c>.</summary>
public sealed record TableReference(string StoredName);

/// <summary>Parses TableRecord / RecordDesc objects (casacore-format.md §2).</summary>
internal static class KeywordRecordReader
{
    private sealed record FieldDesc(string Name, CasaDataType Type, List<FieldDesc>? Nested);

    private sealed class UndecodableField : Exception
    {
        public UndecodableField(string m) : base(m) { }
    }

    /// <summary>Reads a full <c>TableRecord</c> object; an undecodable field type skips the rest by the object length.</summary>
    public static KeywordRecord Read(AipsIoReader r, int depth = 0)
    {
        if (depth > 32) throw r.Fail("records nested too deeply");
        var (_, end, _) = r.ReadObjectHeader("TableRecord", "Record");
        var rec = new KeywordRecord();
        try
        {
            var desc = ReadDesc(r, depth);
            r.ReadInt32();                                             // record type (fixed/variable): not needed
            ReadValues(r, desc, rec, depth);
        }
        catch (UndecodableField)
        {
            rec.Incomplete = true;
        }
        r.SkipTo(end);
        return rec;
    }

    private static List<FieldDesc> ReadDesc(AipsIoReader r, int depth)
    {
        if (depth > 32) throw r.Fail("record descriptions nested too deeply");
        var (v, end, _) = r.ReadObjectHeader("RecordDesc");
        int n = r.ReadInt32();
        if (n < 0 || n > r.Remaining / 8) throw r.Fail($"record with {n} fields");
        var fields = new List<FieldDesc>(n);
        for (int i = 0; i < n; i++)
        {
            string name = r.ReadString();
            var type = (CasaDataType)r.ReadInt32();
            List<FieldDesc>? nested = null;
            if (type == CasaDataType.Record) nested = ReadDesc(r, depth + 1);
            else if (CasaDataTypes.IsArrayType(type)) r.ReadIPosition();
            else if (type == CasaDataType.Table) r.ReadString();
            if (v >= 2) r.ReadString();                               // comment
            fields.Add(new FieldDesc(name, type, nested));
        }
        r.SkipTo(end);
        return fields;
    }

    private static void ReadValues(AipsIoReader r, List<FieldDesc> desc, KeywordRecord rec, int depth)
    {
        foreach (var f in desc)
        {
            object? value;
            if (f.Type == CasaDataType.Record)
            {
                if (f.Nested is { Count: > 0 })
                {
                    var sub = new KeywordRecord();
                    ReadValues(r, f.Nested, sub, depth + 1);         // fixed description: values only
                    value = sub;
                }
                else value = Read(r, depth + 1);
            }
            else if (f.Type == CasaDataType.Table) value = new TableReference(r.ReadString());
            else if (CasaDataTypes.IsArrayType(f.Type)) value = r.ReadArrayObject(CasaDataTypes.ElementOf(f.Type));
            else if (f.Type == CasaDataType.String || CasaDataTypes.IsNumericOrBool(f.Type)) value = ElementCodec.ReadAipsIoScalar(r, f.Type);
            else throw new UndecodableField($"field {f.Name} of type {f.Type}");
            rec.Add(f.Name, value);
        }
    }
}
