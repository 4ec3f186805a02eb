using System.Globalization;
using System.Numerics;
using System.Text.Json;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

/// <summary>Converts the oracle's tagged JSON values into PyValues so that models compare directly.</summary>
internal static class PythonOracleJson
{
    public static PyValue ToPyValue(JsonElement tagged)
    {
        string t = tagged.GetProperty("t").GetString()!;
        JsonElement v = tagged.TryGetProperty("v", out var vv) ? vv : default;
        return t switch
        {
            "None" => PyValue.None,
            "bool" => v.GetBoolean(),
            "int" => new PyInt(BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
            "float" => new PyFloat(FromHex(tagged.GetProperty("hex").GetString()!)),
            "str" => new PyStr(v.GetString()!),
            "list" => new PyList(v.EnumerateArray().Select(ToPyValue).ToList()),
            "tuple" => new PyTuple(v.EnumerateArray().Select(ToPyValue).ToList()),
            "dict" => new PyDict(v.EnumerateArray().Select(p => new KeyValuePair<PyValue, PyValue>(ToPyValue(p[0]), ToPyValue(p[1]))).ToList()),
            _ => throw new InvalidOperationException($"Oracle returned a {t}: {v}"),
        };
    }

    /// <summary>Python float.hex() -> double, exactly (e.g. -0x1.8000000000000p+1).</summary>
    public static double FromHex(string hex)
    {
        if (hex is "inf") return double.PositiveInfinity;
        if (hex is "-inf") return double.NegativeInfinity;
        if (hex is "nan") return double.NaN;
        bool neg = hex.StartsWith('-');
        if (neg) hex = hex[1..];
        // 0x1.<13 hex digits>p<exp>, or 0x0.<...>p-1022 for subnormals, or 0x0.0p+0.
        int p = hex.IndexOf('p');
        string mant = hex[2..p];
        int exp = int.Parse(hex[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string[] parts = mant.Split('.');
        long lead = long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        string frac = parts.Length > 1 ? parts[1].PadRight(13, '0') : "0000000000000";
        long fraction = long.Parse(frac, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        double d;
        if (lead == 0 && fraction == 0) d = 0.0;
        else if (lead == 0) d = BitConverter.Int64BitsToDouble(fraction);          // subnormal, exp == -1022
        else d = BitConverter.Int64BitsToDouble(((long)(exp + 1023) << 52) | fraction);
        return neg ? -d : d;
    }
}
