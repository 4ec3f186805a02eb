using System.Buffers.Binary;

namespace VlassPS.Core.Casa;

/// <summary>Endian-aware primitive reads on spans (storage-manager files use the table's own order).</summary>
internal static class ByteOrder
{
    public static int Int32(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
    public static uint UInt32(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    public static long Int64(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s);
    public static short Int16(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s);
    public static ushort UInt16(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
    public static float Single(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s);
    public static double Double(ReadOnlySpan<byte> s, bool be) => be ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
}
