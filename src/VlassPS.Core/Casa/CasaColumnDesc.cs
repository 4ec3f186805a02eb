namespace VlassPS.Core.Casa;

/// <summary>A column as described in table.dat (TableDesc ColumnDesc + the ColumnSet binding).</summary>
public sealed class CasaColumnDesc
{
    internal CasaColumnDesc(string name, CasaDataType dataType, bool isArray, int options, int ndim, long[] shape,
        int maxLength, KeywordRecord keywords, string comment)
    {
        Name = name;
        DataType = dataType;
        IsArray = isArray;
        Options = options;
        NDim = ndim;
        Shape = shape;
        MaxLength = maxLength;
        Keywords = keywords;
        Comment = comment;
    }

    public string Name { get; }

    /// <summary>Element type (PHASE_DIR is Double, not ArrayDouble).</summary>
    public CasaDataType DataType { get; }
    public bool IsArray { get; }

    /// <summary>1 Direct, 2 Undefined, 4 FixedShape.</summary>
    public int Options { get; }
    public int NDim { get; }

    /// <summary>Fixed shape in casacore order; empty unless the shape is fixed.</summary>
    public IReadOnlyList<long> Shape { get; }
    public int MaxLength { get; }
    public KeywordRecord Keywords { get; }
    public string Comment { get; }

    /// <summary>Data manager type and sequence number this column is bound to (from the ColumnSet).</summary>
    public string DataManagerType { get; internal set; } = "";
    public int DataManagerSeq { get; internal set; } = -1;

    internal bool IsDirectFixed => IsArray && (Options & 5) == 5;

    public override string ToString() => $"{Name} {DataType}{(IsArray ? "[]" : "")} ({DataManagerType})";
}
