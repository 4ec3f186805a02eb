using System.Numerics;

namespace VlassPS.Core.Casa;

/// <summary>Creates typed result arrays and decodes stored elements into them.</summary>
internal static class ElementCodec
{
    public static Array Create(CasaDataType t, int n) => t switch
    {
        CasaDataType.Bool => new bool[n],
        CasaDataType.Char => new sbyte[n],
        CasaDataType.UChar => new byte[n],
        CasaDataType.Short => new short[n],
        CasaDataType.UShort => new ushort[n],
        CasaDataType.Int => new int[n],
        CasaDataType.UInt => new uint[n],
        CasaDataType.Int64 => new long[n],
        CasaDataType.Float => new float[n],
        CasaDataType.Double => new double[n],
        CasaDataType.Complex or CasaDataType.DComplex => new Complex[n],
        CasaDataType.String => new string[n],
        _ => throw new CasaTableFormatException($"Data type {t} cannot be stored in a column"),
    };

    /// <summary>Decodes <paramref name="count"/> fixed-size elements from <paramref name="src"/> (table byte order).</summary>
    public static void Decode(CasaDataType t, ReadOnlySpan<byte> src, bool be, Array dest, int at, int count)
    {
        int size = CasaDataTypes.FixedSize(t);
        if ((long)size * count > src.Length) throw new CasaTableFormatException($"{count} {t} elements need {size * count} bytes, {src.Length} available");
        switch (dest)
        {
            case sbyte[] a: for (int i = 0; i < count; i++) a[at + i] = (sbyte)src[i]; break;
            case byte[] a: src[..count].CopyTo(a.AsSpan(at)); break;
            case short[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.Int16(src[(2 * i)..], be); break;
            case ushort[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.UInt16(src[(2 * i)..], be); break;
            case int[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.Int32(src[(4 * i)..], be); break;
            case uint[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.UInt32(src[(4 * i)..], be); break;
            case long[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.Int64(src[(8 * i)..], be); break;
            case float[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.Single(src[(4 * i)..], be); break;
            case double[] a: for (int i = 0; i < count; i++) a[at + i] = ByteOrder.Double(src[(8 * i)..], be); break;
            case Complex[] a when t == CasaDataType.Complex:
                for (int i = 0; i < count; i++) a[at + i] = new Complex(ByteOrder.Single(src[(8 * i)..], be), ByteOrder.Single(src[(8 * i + 4)..], be));
                break;
            case Complex[] a:
                for (int i = 0; i < count; i++) a[at + i] = new Complex(ByteOrder.Double(src[(16 * i)..], be), ByteOrder.Double(src[(16 * i + 8)..], be));
                break;
            default: throw new CasaTableFormatException($"Cannot decode {t} elements");
        }
    }

    /// <summary>LSB-first packed Bools starting at bit <paramref name="bit"/>.</summary>
    public static void DecodeBits(ReadOnlySpan<byte> src, long bit, bool[] dest, int at, int count)
    {
        if ((bit + count + 7) / 8 > src.Length) throw new CasaTableFormatException($"{count} packed Bools at bit {bit} run past {src.Length} bytes");
        for (int i = 0; i < count; i++)
        {
            long b = bit + i;
            dest[at + i] = (src[(int)(b >> 3)] & (1 << (int)(b & 7))) != 0;
        }
    }

    public static Array ReadAipsIoElements(AipsIoReader r, CasaDataType t, int n)
    {
        if (t == CasaDataType.String)
        {
            var s = new string[n];
            for (int i = 0; i < n; i++) s[i] = r.ReadString();
            return s;
        }
        var dest = Create(t, n);
        if (t == CasaDataType.Bool)
        {
            DecodeBits(r.Take((n + 7) / 8), 0, (bool[])dest, 0, n);
            return dest;
        }
        int size = CasaDataTypes.FixedSize(t);
        if (size == 0) throw r.Fail($"unsupported element type {t}");
        Decode(t, r.Take((long)size * n), r.BigEndian, dest, 0, n);
        return dest;
    }

    /// <summary>Reads one scalar value (keyword or column default) as a boxed object.</summary>
    public static object ReadAipsIoScalar(AipsIoReader r, CasaDataType t)
    {
        if (t == CasaDataType.Bool) return r.ReadBool();
        if (t == CasaDataType.String) return r.ReadString();
        var a = ReadAipsIoElements(r, t, 1);
        return a.GetValue(0)!;
    }
}
