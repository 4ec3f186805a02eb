namespace VlassPS.Core.Casa;

/// <summary>
/// The sync record in table.lock holds the authoritative row count (casacore-format.md §3.2-3.3): table.dat can
/// be stale after addrows. Read only: the file is never created, locked or written.
/// </summary>
internal static class TableLock
{
    /// <summary>The lock's sync nrow, or null when there is no lock file or no sync info.</summary>
    public static long? TryReadRowCount(string tableDir)
    {
        string path = Path.Combine(tableDir, "table.lock");
        if (!File.Exists(path)) return null;
        byte[] b = StorageFile.ReadSmallFile(path, 1 << 24, tableDir);
        if (b.Length < 264) return null;
        var r = new AipsIoReader(b, bigEndian: true, tableDir, 260);
        uint len = r.ReadUInt32();
        if (len == 0) return null;
        if (len > r.Remaining) throw r.Fail($"table.lock sync length {len} exceeds the file");
        r = new AipsIoReader(b, bigEndian: true, tableDir, 264, 264 + (int)len);
        r.ExpectMagic();
        var (v, _, _) = r.ReadObjectHeader("sync");
        long nrow = v >= 2 ? r.ReadInt64() : r.ReadUInt32();
        if (nrow < 0) throw r.Fail($"negative row count {nrow} in table.lock");
        return nrow;
    }
}
