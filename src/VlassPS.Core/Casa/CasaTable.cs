namespace VlassPS.Core.Casa;

/// <summary>How a table stores its rows.</summary>
public enum CasaTableKind
{
    /// <summary>Columns stored by data managers in this directory.</summary>
    Plain,
    /// <summary>A persistent selection or sort of another table (rows are references).</summary>
    Ref,
    /// <summary>Rows of several tables one after another (CASA Multi-MS).</summary>
    Concat,
}

/// <summary>
/// A casacore table opened read-only (casacore-format.md). Never creates, locks or modifies any file: table.lock is
/// only read for the authoritative row count. Data managers are opened lazily, so a table with tiled data columns
/// opens fine and only reading such a column fails (with <see cref="CasaUnsupportedStorageManagerException"/>).
/// </summary>
public sealed class CasaTable : IDisposable
{
    private const int MaxNesting = 16;
    private readonly TableDat _dat;
    private readonly Dictionary<int, IDisposable> _managers = new();
    private readonly CasaTable? _parent;
    private readonly List<CasaTable> _parts = new();
    private readonly long[]? _refRows;
    private readonly Dictionary<string, CasaColumnDesc> _columnsByName = new(StringComparer.Ordinal);
    private readonly List<CasaColumnDesc> _columns = new();
    private readonly Dictionary<string, string> _refNameMap = new(StringComparer.Ordinal);

    private CasaTable(string path, TableDat dat, int depth)
    {
        TablePath = path;
        _dat = dat;
        Kind = dat.Kind;
        try
        {
            switch (dat.Kind)
            {
                case CasaTableKind.Plain:
                    long? lockRows = TableLock.TryReadRowCount(path);
                    RowCount = lockRows is > 0 ? lockRows.Value : dat.RowCount;
                    if (RowCount > int.MaxValue)
                        throw new CasaTableFormatException($"table.lock gives {RowCount} rows (table.dat {dat.RowCount}); VlassPS reads tables of at most {int.MaxValue} rows", path);
                    TableDatRowCount = dat.RowCount;
                    Keywords = dat.Keywords;
                    foreach (var c in dat.Columns) AddColumn(c);
                    break;
                case CasaTableKind.Ref:
                    var body = dat.Ref!;
                    _parent = OpenAt(ResolveName(path, body.ParentName), depth + 1);
                    _refRows = body.Rows;
                    RowCount = body.Rows.Length;
                    foreach (var row in body.Rows)
                        if (row < 0 || row >= _parent.RowCount)
                            throw new CasaTableFormatException($"RefTable row {row} lies outside its parent's {_parent.RowCount} rows (the parent was rewritten shorter?)", path);
                    TableDatRowCount = dat.RowCount;
                    Keywords = _parent.Keywords;
                    foreach (var name in body.ColumnNames)
                    {
                        string parentName = body.ColumnNameMap.TryGetValue(name, out var p) ? p : name;
                        _refNameMap[name] = parentName;
                        AddColumn(_parent.GetColumnDesc(parentName));
                    }
                    break;
                case CasaTableKind.Concat:
                    foreach (var part in dat.Concat!.PartNames) _parts.Add(OpenAt(ResolveName(path, part), depth + 1));
                    if (_parts.Count == 0) throw new CasaTableFormatException("ConcatTable without parts", path);
                    RowCount = _parts.Sum(p => p.RowCount);
                    TableDatRowCount = dat.RowCount;
                    Keywords = _parts[0].Keywords;
                    foreach (var c in _parts[0].Columns) AddColumn(c);
                    break;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void AddColumn(CasaColumnDesc c)
    {
        if (_columnsByName.TryAdd(c.Name, c)) _columns.Add(c);
    }

    /// <summary>Opens the table directory at <paramref name="path"/> (symlinks are followed).</summary>
    public static CasaTable Open(string path) => OpenAt(Path.GetFullPath(path), 0);

    private static CasaTable OpenAt(string path, int depth)
    {
        if (depth > MaxNesting) throw new CasaTableFormatException("RefTable/ConcatTable references nest too deeply (a cycle?)", path);
        path = Path.TrimEndingDirectorySeparator(path);
        if (!Directory.Exists(path)) throw new CasaTableFormatException("Table directory not found", path);
        return new CasaTable(path, TableDat.Read(path), depth);
    }

    /// <summary>Resolves a stored table name (casacore Path::addDirectory): <c>././X</c> = inside, <c>./X</c> = beside.</summary>
    internal static string ResolveName(string tableDir, string stored)
    {
        if (stored.StartsWith("././", StringComparison.Ordinal)) return Path.Combine(tableDir, stored[4..]);
        string parent = Path.GetDirectoryName(tableDir) ?? tableDir;
        if (stored.StartsWith("./", StringComparison.Ordinal)) return Path.Combine(parent, stored[2..]);
        return Path.IsPathRooted(stored) ? stored : Path.Combine(parent, stored);
    }

    public string TablePath { get; }
    public CasaTableKind Kind { get; }

    /// <summary>Rows: table.lock's count when present and positive, else table.dat's (which can be stale).</summary>
    public long RowCount { get; }

    /// <summary>The row count written in table.dat (for diagnostics; may be stale).</summary>
    public long TableDatRowCount { get; }
    public bool BigEndian => _dat.BigEndian;
    public KeywordRecord Keywords { get; } = KeywordRecord.Empty;
    public IReadOnlyList<CasaColumnDesc> Columns => _columns;

    /// <summary>Parts of a ConcatTable (empty otherwise).</summary>
    public IReadOnlyList<CasaTable> Parts => _parts;

    public bool HasColumn(string name) => _columnsByName.ContainsKey(name);

    public CasaColumnDesc GetColumnDesc(string name)
        => _columnsByName.TryGetValue(name, out var c) ? c : throw new CasaTableFormatException($"Column '{name}' does not exist", TablePath);

    /// <summary>The directory of subtable <paramref name="keyword"/> (e.g. FIELD), or null when the table has no such keyword or directory.</summary>
    public string? GetSubtablePath(string keyword)
    {
        // A Multi-MS links its subtables into the top directory; prefer what is there.
        string direct = Path.Combine(TablePath, keyword);
        if (Kind != CasaTableKind.Ref && File.Exists(Path.Combine(direct, "table.dat"))) return direct;
        if (Kind == CasaTableKind.Ref) return _parent!.GetSubtablePath(keyword);
        if (Kind == CasaTableKind.Concat) return _parts[0].GetSubtablePath(keyword);
        if (Keywords[keyword] is TableReference t)
        {
            string p = ResolveName(TablePath, t.StoredName);
            if (File.Exists(Path.Combine(p, "table.dat"))) return p;
        }
        return null;
    }

    /// <summary>All cells of a scalar column as one typed array (int[], double[], string[], bool[], Complex[] ...).</summary>
    public Array GetColumn(string name)
    {
        var desc = GetColumnDesc(name);
        if (desc.IsArray) throw new CasaTableFormatException($"Column '{name}' is an array column; use GetArrayColumn", TablePath);
        switch (Kind)
        {
            case CasaTableKind.Plain: return Source(desc).ReadScalars();
            case CasaTableKind.Ref:
            {
                var parent = _parent!.GetColumn(_refNameMap[name]);
                var dest = Array.CreateInstance(parent.GetType().GetElementType()!, _refRows!.Length);
                for (int i = 0; i < _refRows.Length; i++) dest.SetValue(parent.GetValue(_refRows[i]), i);
                return dest;
            }
            default:
            {
                var arrays = _parts.Select(p => p.GetColumn(name)).ToList();
                var dest = Array.CreateInstance(arrays[0].GetType().GetElementType()!, arrays.Sum(a => a.Length));
                int at = 0;
                foreach (var a in arrays) { Array.Copy(a, 0, dest, at, a.Length); at += a.Length; }
                return dest;
            }
        }
    }

    /// <summary>
    /// All cells of a scalar column that must hold <typeparamref name="T"/> (int, double, string ...): a column
    /// stored with another type (NAME as Int, FIELD_ID as Double) is a format error naming the column and both types.
    /// </summary>
    public T[] GetColumn<T>(string name)
    {
        RequireScalar(name, CasaDataTypes.Of(typeof(T)));
        return (T[])GetColumn(name);
    }

    /// <summary>The description of scalar column <paramref name="name"/>, which must be of <paramref name="type"/>.</summary>
    public CasaColumnDesc RequireScalar(string name, CasaDataType type)
    {
        var desc = GetColumnDesc(name);
        if (desc.IsArray || desc.DataType != type)
            throw new CasaTableFormatException($"Column '{name}' holds {desc.DataType}{(desc.IsArray ? " arrays" : " values")} where {type} values are expected", TablePath);
        return desc;
    }

    /// <summary>All cells of an array column; null marks an undefined cell.</summary>
    public CasaArray?[] GetArrayColumn(string name)
    {
        var desc = GetColumnDesc(name);
        if (!desc.IsArray) throw new CasaTableFormatException($"Column '{name}' is a scalar column; use GetColumn", TablePath);
        return Kind switch
        {
            CasaTableKind.Plain => Source(desc).ReadArrays(),
            CasaTableKind.Ref => Gather(_parent!.GetArrayColumn(_refNameMap[name])),
            _ => _parts.SelectMany(p => p.GetArrayColumn(name)).ToArray(),
        };
    }

    /// <summary>
    /// The first <paramref name="count"/> elements of every cell of a Double array column, flat (row r at r×count),
    /// NaN for undefined or shorter cells: e.g. RA, Dec of PHASE_DIR term 0 without one object per row.
    /// </summary>
    public double[] GetDoubleArrayPrefix(string name, int count)
    {
        var desc = GetColumnDesc(name);
        if (!desc.IsArray || desc.DataType != CasaDataType.Double) throw new CasaTableFormatException($"Column '{name}' is not a Double array column", TablePath);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        switch (Kind)
        {
            case CasaTableKind.Plain: return Source(desc).ReadDoublePrefix(count);
            case CasaTableKind.Ref:
            {
                var parent = _parent!.GetDoubleArrayPrefix(_refNameMap[name], count);
                var dest = new double[(long)_refRows!.Length * count];
                for (int i = 0; i < _refRows.Length; i++) Array.Copy(parent, _refRows[i] * count, dest, (long)i * count, count);
                return dest;
            }
            default: return _parts.SelectMany(p => p.GetDoubleArrayPrefix(name, count)).ToArray();
        }
    }

    private CasaArray?[] Gather(CasaArray?[] parent)
    {
        var dest = new CasaArray?[_refRows!.Length];
        for (int i = 0; i < dest.Length; i++) dest[i] = parent[_refRows[i]];
        return dest;
    }

    /// <summary>A scalar column as runs of equal values; IncrementalStMan columns are read without expanding rows.</summary>
    public ColumnRuns GetColumnRuns(string name)
    {
        var desc = GetColumnDesc(name);
        if (desc.IsArray) throw new CasaTableFormatException($"Column '{name}' is an array column", TablePath);
        switch (Kind)
        {
            case CasaTableKind.Plain: return Source(desc).ReadRuns();
            case CasaTableKind.Ref: return ColumnRuns.FromValues(GetColumn(name));
            default:
            {
                var starts = new List<long>();
                var lengths = new List<long>();
                var values = new List<object?>();
                long offset = 0;
                Type? elementType = null;
                foreach (var p in _parts)
                {
                    var runs = p.GetColumnRuns(name);
                    elementType ??= runs.Values.GetType().GetElementType();
                    for (int k = 0; k < runs.Count; k++)
                    {
                        starts.Add(runs.Start[k] + offset);
                        lengths.Add(runs.Length[k]);
                        values.Add(runs.Values.GetValue(k));
                    }
                    offset += p.RowCount;
                }
                var typed = Array.CreateInstance(elementType!, values.Count);
                for (int k = 0; k < values.Count; k++) typed.SetValue(values[k], k);
                return new ColumnRuns(starts.ToArray(), lengths.ToArray(), typed);
            }
        }
    }

    private ColumnSource Source(CasaColumnDesc desc)
    {
        var bound = _columns.Where(c => c.DataManagerSeq == desc.DataManagerSeq).ToList();
        int position = bound.IndexOf(desc);
        var entry = _dat.DataManagers.FirstOrDefault(d => d.SeqNr == desc.DataManagerSeq)
            ?? throw new CasaTableFormatException($"column {desc.Name}: data manager {desc.DataManagerSeq} missing", TablePath);
        switch (entry.Type)
        {
            case "StandardStMan":
                if (!_managers.TryGetValue(entry.SeqNr, out var ssm))
                    _managers[entry.SeqNr] = ssm = new StandardStMan(TablePath, entry, bound.Count, BigEndian);
                return ((StandardStMan)ssm).Column(desc, position, RowCount);
            case "IncrementalStMan":
                if (!_managers.TryGetValue(entry.SeqNr, out var ism))
                    _managers[entry.SeqNr] = ism = new IncrementalStMan(TablePath, entry, BigEndian);
                return ((IncrementalStMan)ism).Column(desc, position, RowCount);
            default:
                return new UnsupportedColumnSource(desc, RowCount, TablePath);
        }
    }

    public void Dispose()
    {
        foreach (var m in _managers.Values) m.Dispose();
        _managers.Clear();
        _parent?.Dispose();
        foreach (var p in _parts) p.Dispose();
    }

    public override string ToString() => $"{TablePath} ({Kind}, {RowCount} rows, {_columns.Count} columns)";
}
