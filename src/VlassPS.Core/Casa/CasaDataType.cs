namespace VlassPS.Core.Casa;

/// <summary>casacore DataType codes (casa/Utilities/DataType.h); columns store the element type.</summary>
public enum CasaDataType
{
    Bool = 0, Char = 1, UChar = 2, Short = 3, UShort = 4, Int = 5, UInt = 6, Float = 7, Double = 8,
    Complex = 9, DComplex = 10, String = 11, Table = 12,
    ArrayBool = 13, ArrayChar = 14, ArrayUChar = 15, ArrayShort = 16, ArrayUShort = 17, ArrayInt = 18,
    ArrayUInt = 19, ArrayFloat = 20, ArrayDouble = 21, ArrayComplex = 22, ArrayDComplex = 23, ArrayString = 24,
    Record = 25, Other = 26, Quantity = 27, ArrayQuantity = 28, Int64 = 29, ArrayInt64 = 30,
}

internal static class CasaDataTypes
{
    /// <summary>Bytes per element in storage-manager files; 0 for String/Bool (special) and unknown types.</summary>
    public static int FixedSize(CasaDataType t) => t switch
    {
        CasaDataType.Char or CasaDataType.UChar => 1,
        CasaDataType.Short or CasaDataType.UShort => 2,
        CasaDataType.Int or CasaDataType.UInt or CasaDataType.Float => 4,
        CasaDataType.Double or CasaDataType.Int64 or CasaDataType.Complex => 8,
        CasaDataType.DComplex => 16,
        _ => 0,
    };

    public static bool IsArrayType(CasaDataType t) => t is >= CasaDataType.ArrayBool and <= CasaDataType.ArrayString or CasaDataType.ArrayInt64;

    /// <summary>Element type of an Array* keyword type.</summary>
    public static CasaDataType ElementOf(CasaDataType t) => t switch
    {
        CasaDataType.ArrayInt64 => CasaDataType.Int64,
        >= CasaDataType.ArrayBool and <= CasaDataType.ArrayString => (CasaDataType)((int)t - 13),
        _ => t,
    };

    /// <summary>The column type whose cells read as <paramref name="t"/> (the element types ElementCodec creates).</summary>
    public static CasaDataType Of(Type t) =>
        t == typeof(int) ? CasaDataType.Int : t == typeof(uint) ? CasaDataType.UInt : t == typeof(double) ? CasaDataType.Double
        : t == typeof(float) ? CasaDataType.Float : t == typeof(string) ? CasaDataType.String : t == typeof(bool) ? CasaDataType.Bool
        : t == typeof(long) ? CasaDataType.Int64 : t == typeof(short) ? CasaDataType.Short
        : throw new ArgumentException($"no casacore column type reads as {t}", nameof(t));

    /// <summary>Integer types (reference codes, ids).</summary>
    public static bool IsInteger(CasaDataType t) => t is CasaDataType.Char or CasaDataType.UChar or CasaDataType.Short
        or CasaDataType.UShort or CasaDataType.Int or CasaDataType.UInt or CasaDataType.Int64;

    public static bool IsNumericOrBool(CasaDataType t) => t == CasaDataType.Bool || FixedSize(t) > 0;
}
