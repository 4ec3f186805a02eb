namespace VlassPS.Core.Casa;

/// <summary>Run-length view of a scalar column: value <c>Values[i]</c> holds for rows Start[i] .. Start[i]+Length[i]-1.</summary>
public sealed class ColumnRuns
{
    public ColumnRuns(long[] start, long[] length, Array values)
    {
        Start = start;
        Length = length;
        Values = values;
    }

    public long[] Start { get; }
    public long[] Length { get; }
    public Array Values { get; }
    public int Count => Start.Length;

    /// <summary>Compresses a full column into runs of equal values.</summary>
    public static ColumnRuns FromValues(Array values)
    {
        if (values.GetType() == typeof(int[])) return FromInts((int[])values);   // not `is int[]`: a uint[] passes that test
        int n = values.Length;
        var starts = new List<long>();
        var idx = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (i == 0 || !Equals(values.GetValue(i), values.GetValue(i - 1))) { starts.Add(i); idx.Add(i); }
        }
        var vals = Array.CreateInstance(values.GetType().GetElementType()!, idx.Count);
        var len = new long[starts.Count];
        for (int k = 0; k < starts.Count; k++)
        {
            vals.SetValue(values.GetValue(idx[k]), k);
            len[k] = (k + 1 < starts.Count ? starts[k + 1] : n) - starts[k];
        }
        return new ColumnRuns(starts.ToArray(), len, vals);
    }

    private static ColumnRuns FromInts(int[] v)
    {
        var starts = new List<long>();
        var vals = new List<int>();
        for (int i = 0; i < v.Length; i++)
            if (i == 0 || v[i] != v[i - 1]) { starts.Add(i); vals.Add(v[i]); }
        var len = new long[starts.Count];
        for (int k = 0; k < len.Length; k++) len[k] = (k + 1 < len.Length ? starts[k + 1] : v.Length) - starts[k];
        return new ColumnRuns(starts.ToArray(), len, vals.ToArray());
    }

    /// <summary>Expands to one value per row.</summary>
    public Array Expand(long nrow)
    {
        if (nrow > int.MaxValue) throw new CasaTableFormatException($"column of {nrow} rows is too long to expand");
        var dest = Array.CreateInstance(Values.GetType().GetElementType()!, (int)nrow);
        for (int k = 0; k < Count; k++)
        {
            object? v = Values.GetValue(k);
            long end = Math.Min(Start[k] + Length[k], nrow);
            for (long r = Math.Max(Start[k], 0); r < end; r++) dest.SetValue(v, r);
        }
        return dest;
    }
}

/// <summary>Reads one column of one table part. Implemented per storage manager.</summary>
internal abstract class ColumnSource
{
    protected ColumnSource(CasaColumnDesc desc, long rowCount)
    {
        Desc = desc;
        RowCount = rowCount;
    }

    public CasaColumnDesc Desc { get; }
    public long RowCount { get; }

    /// <summary>All cells of a scalar column, one typed array (int[], double[], string[] ...).</summary>
    public abstract Array ReadScalars();

    /// <summary>All cells of an array column; null for undefined cells.</summary>
    public abstract CasaArray?[] ReadArrays();

    /// <summary>
    /// The first <paramref name="count"/> elements of each cell of a Double array column, flattened (row r at r×count);
    /// NaN where a cell is undefined or shorter. Avoids one object per cell (PHASE_DIR of 100k-row FIELD tables).
    /// </summary>
    public virtual double[] ReadDoublePrefix(int count)
    {
        var cells = ReadArrays();
        var dest = new double[(long)cells.Length * count];
        Array.Fill(dest, double.NaN);
        for (int r = 0; r < cells.Length; r++)
            if (cells[r]?.Values is double[] v)
                for (int k = 0; k < count && k < v.Length; k++) dest[(long)r * count + k] = v[k];
        return dest;
    }

    /// <summary>Run-length form; storage managers that store runs (ISM) override this to avoid expanding rows.</summary>
    public virtual ColumnRuns ReadRuns() => ColumnRuns.FromValues(ReadScalars());

    protected int CheckedRowCount()
    {
        if (RowCount > int.MaxValue) throw new CasaTableFormatException($"column {Desc.Name} has {RowCount} rows, too many to read into memory at once");
        return (int)RowCount;
    }
}

/// <summary>Placeholder for a column whose data manager we cannot read: fails only when the column is used.</summary>
internal sealed class UnsupportedColumnSource : ColumnSource
{
    private readonly string _table;

    public UnsupportedColumnSource(CasaColumnDesc desc, long rowCount, string table) : base(desc, rowCount) => _table = table;

    private Exception Fail() => new CasaUnsupportedStorageManagerException(Desc.Name, Desc.DataManagerType, _table);
    public override Array ReadScalars() => throw Fail();
    public override CasaArray?[] ReadArrays() => throw Fail();
    public override ColumnRuns ReadRuns() => throw Fail();
}
