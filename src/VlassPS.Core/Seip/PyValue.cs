using System.Collections;
using System.Globalization;
using System.Numerics;

namespace VlassPS.Core.Seip;

/// <summary>
/// A value that Python's <c>ast.literal_eval</c> produces and that a SEIP parameter list can hold:
/// str, int, float, bool, None, list, tuple, dict. Equality is structural and type-strict
/// (unlike Python, <c>True</c> is not equal to <c>1</c>), because the pipeline distinguishes them.
/// </summary>
public abstract class PyValue : IEquatable<PyValue>
{
    private protected PyValue() { }

    /// <summary>The Python type name (str, int, float, bool, NoneType, list, tuple, dict).</summary>
    public abstract string TypeName { get; }

    /// <summary>The ASCII Python source that evaluates back to this value.</summary>
    public string ToPython() => PyLiteralWriter.Write(this);

    public override string ToString() => ToPython();

    public abstract bool Equals(PyValue? other);
    public override bool Equals(object? obj) => Equals(obj as PyValue);
    public abstract override int GetHashCode();

    /// <summary>
    /// Whether Python could use this value as a dict key or set member (no list or dict inside).
    /// </summary>
    public virtual bool IsHashable => true;

    public static PyValue None => PyNone.Instance;
    public static PyValue True => PyBool.TrueValue;
    public static PyValue False => PyBool.FalseValue;

    public static implicit operator PyValue(string value) => new PyStr(value);
    public static implicit operator PyValue(int value) => new PyInt(value);
    public static implicit operator PyValue(long value) => new PyInt(value);
    public static implicit operator PyValue(double value) => new PyFloat(value);
    public static implicit operator PyValue(bool value) => value ? PyBool.TrueValue : PyBool.FalseValue;

    /// <summary>
    /// Converts a .NET value (as PowerShell passes it: string, integer types, double, bool, null,
    /// arrays/lists, dictionaries/hashtables, or an existing PyValue) into a Python literal value.
    /// Anything else is refused rather than stringified, so that no value changes meaning silently.
    /// </summary>
    public static PyValue FromObject(object? value)
    {
        switch (value)
        {
            case null: return None;
            case PyValue p: return p;
            case string s: return new PyStr(s);
            case char c: return new PyStr(c.ToString());
            case bool b: return b;
            case byte or sbyte or short or ushort or int or uint or long:
                return new PyInt(new BigInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture)));
            case ulong ul: return new PyInt(new BigInteger(ul));
            case BigInteger bi: return new PyInt(bi);
            case float f: return new PyFloat(f);
            case double d: return new PyFloat(d);
            case decimal m: return new PyFloat((double)m);
            case IDictionary dict:
            {
                var pairs = new List<KeyValuePair<PyValue, PyValue>>();
                foreach (DictionaryEntry e in dict)
                    pairs.Add(new(FromObject(e.Key), FromObject(e.Value)));
                return new PyDict(pairs);
            }
            case IEnumerable seq:
            {
                var items = new List<PyValue>();
                foreach (var item in seq) items.Add(FromObject(item));
                return new PyList(items);
            }
            default:
                throw new ArgumentException(
                    $"A value of type {value.GetType().FullName} has no Python literal form; use a string, number, boolean, null, array or hashtable.",
                    nameof(value));
        }
    }
}

public sealed class PyStr : PyValue
{
    public PyStr(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));
    public string Value { get; }
    public override string TypeName => "str";
    public override bool Equals(PyValue? other) => other is PyStr s && string.Equals(s.Value, Value, StringComparison.Ordinal);
    public override int GetHashCode() => HashCode.Combine(1, StringComparer.Ordinal.GetHashCode(Value));
}

public sealed class PyInt : PyValue
{
    public PyInt(BigInteger value) => Value = value;
    public BigInteger Value { get; }
    public override string TypeName => "int";
    public override bool Equals(PyValue? other) => other is PyInt i && i.Value == Value;
    public override int GetHashCode() => HashCode.Combine(2, Value);
}

public sealed class PyFloat : PyValue
{
    public PyFloat(double value) => Value = value;
    public double Value { get; }
    public override string TypeName => "float";
    // Bitwise equality: -0.0 and 0.0 differ in a literal; NaN equals itself so that models compare.
    public override bool Equals(PyValue? other) => other is PyFloat f && BitConverter.DoubleToInt64Bits(f.Value) == BitConverter.DoubleToInt64Bits(Value);
    public override int GetHashCode() => HashCode.Combine(3, BitConverter.DoubleToInt64Bits(Value));
}

public sealed class PyBool : PyValue
{
    internal static readonly PyBool TrueValue = new(true);
    internal static readonly PyBool FalseValue = new(false);
    private PyBool(bool value) => Value = value;
    public bool Value { get; }
    public override string TypeName => "bool";
    public override bool Equals(PyValue? other) => other is PyBool b && b.Value == Value;
    public override int GetHashCode() => HashCode.Combine(4, Value);
}

public sealed class PyNone : PyValue
{
    internal static readonly PyNone Instance = new();
    private PyNone() { }
    public override string TypeName => "NoneType";
    public override bool Equals(PyValue? other) => other is PyNone;
    public override int GetHashCode() => 5;
}

/// <summary>A list or tuple: an ordered sequence of values.</summary>
public abstract class PySequence : PyValue, IReadOnlyList<PyValue>
{
    private protected PySequence(IEnumerable<PyValue> items)
    {
        Items = items.ToArray();
        if (Items.Any(i => i is null)) throw new ArgumentException("Sequence items cannot be null; use PyValue.None.", nameof(items));
    }

    public IReadOnlyList<PyValue> Items { get; }
    public int Count => Items.Count;
    public PyValue this[int index] => Items[index];
    public IEnumerator<PyValue> GetEnumerator() => Items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(PyValue? other)
        => other is PySequence s && s.GetType() == GetType() && s.Items.SequenceEqual(Items);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(GetType());
        foreach (var i in Items) h.Add(i);
        return h.ToHashCode();
    }
}

public sealed class PyList : PySequence
{
    public PyList(IEnumerable<PyValue> items) : base(items) { }
    public PyList(params PyValue[] items) : base(items) { }
    public override string TypeName => "list";
    public override bool IsHashable => false;
}

public sealed class PyTuple : PySequence
{
    public PyTuple(IEnumerable<PyValue> items) : base(items) { }
    public PyTuple(params PyValue[] items) : base(items) { }
    public override string TypeName => "tuple";
    public override bool IsHashable => Items.All(i => i.IsHashable);
}

/// <summary>
/// A dict with insertion order kept (as Python 3.7+ does). A repeated key keeps its first position and
/// takes the last value, exactly as a Python dict display does.
/// </summary>
public sealed class PyDict : PyValue, IReadOnlyList<KeyValuePair<PyValue, PyValue>>
{
    private readonly List<KeyValuePair<PyValue, PyValue>> _pairs = new();

    public PyDict(IEnumerable<KeyValuePair<PyValue, PyValue>> pairs)
    {
        var index = new Dictionary<PyValue, int>(PyKeyComparer.Instance);
        foreach (var (k, v) in pairs)
        {
            if (k is null || v is null) throw new ArgumentException("Dict keys and values cannot be null; use PyValue.None.", nameof(pairs));
            if (!k.IsHashable) throw new ArgumentException($"A {k.TypeName} cannot be a dict key (unhashable in Python).", nameof(pairs));
            if (index.TryGetValue(k, out int at)) _pairs[at] = new(_pairs[at].Key, v);
            else { index[k] = _pairs.Count; _pairs.Add(new(k, v)); }
        }
    }

    public override string TypeName => "dict";
    public override bool IsHashable => false;
    public int Count => _pairs.Count;
    public KeyValuePair<PyValue, PyValue> this[int index] => _pairs[index];
    public IEnumerator<KeyValuePair<PyValue, PyValue>> GetEnumerator() => _pairs.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool TryGetValue(PyValue key, out PyValue value)
    {
        foreach (var (k, v) in _pairs)
            if (PyKeyComparer.Instance.Equals(k, key)) { value = v; return true; }
        value = PyValue.None;
        return false;
    }

    // Python dict equality ignores order.
    public override bool Equals(PyValue? other)
        => other is PyDict d && d.Count == Count && _pairs.All(p => d.TryGetValue(p.Key, out var v) && v.Equals(p.Value));

    public override int GetHashCode() => HashCode.Combine(8, Count);
}

/// <summary>
/// Python's key equality for dicts: numbers compare by value across bool, int and float
/// (<c>{0: 'a', False: 'b', -0.0: 'c'}</c> has one key), NaN never equals anything, tuples element-wise.
/// </summary>
internal sealed class PyKeyComparer : IEqualityComparer<PyValue>
{
    public static readonly PyKeyComparer Instance = new();

    public bool Equals(PyValue? x, PyValue? y)
    {
        if (x is null || y is null) return x is null && y is null;
        if (Numeric(x) is { } a && Numeric(y) is { } b) return a.Equals(b);
        if (x is PyTuple tx && y is PyTuple ty) return tx.Count == ty.Count && tx.Items.Zip(ty.Items).All(p => Equals(p.First, p.Second));
        if (x is PyFloat fx && double.IsNaN(fx.Value)) return false;
        return x.Equals(y);
    }

    public int GetHashCode(PyValue v)
    {
        if (Numeric(v) is { } n) return n.GetHashCode();
        if (v is PyTuple t) { var h = new HashCode(); foreach (var i in t.Items) h.Add(GetHashCode(i)); return h.ToHashCode(); }
        return v.GetHashCode();
    }

    // An exact, comparable number: integers (and integral floats) as BigInteger, other floats as double.
    private static object? Numeric(PyValue v) => v switch
    {
        PyBool b => new BigInteger(b.Value ? 1 : 0),
        PyInt i => i.Value,
        PyFloat f when double.IsFinite(f.Value) && f.Value == Math.Floor(f.Value) => new BigInteger(f.Value),
        PyFloat f when !double.IsNaN(f.Value) => f.Value,
        _ => null,
    };
}
