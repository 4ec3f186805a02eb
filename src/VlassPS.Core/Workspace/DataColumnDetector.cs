using System.Buffers.Binary;
using System.Text;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Chooses hif_transformimagedata's datacolumn from the columns an MS actually has (domain.md §12): an
/// unsplit archive MS carries the calibrated data in CORRECTED_DATA ('corrected'); a split MS has DATA only
/// ('data'). The column names are read from the table descriptor in &lt;ms&gt;/table.dat, where casacore
/// stores each as a length-prefixed string.
/// </summary>
public static class DataColumnDetector
{
    private static readonly byte[] Name = Encoding.ASCII.GetBytes("CORRECTED_DATA");

    /// <summary>'corrected' or 'data', or null when the MS is not readable here (e.g. not split yet).</summary>
    public static string? Detect(string msPath)
    {
        string desc = Path.Combine(msPath, "table.dat");
        if (IO.FileKinds.Of(desc) != IO.FileKind.Regular || new FileInfo(desc).Length > 64L << 20) return null;   // never a FIFO or a device
        byte[] bytes;
        try { bytes = File.ReadAllBytes(desc); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return HasLengthPrefixed(bytes, Name) ? "corrected" : "data";
    }

    private static bool HasLengthPrefixed(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name)
    {
        for (int i = 4; i + name.Length <= data.Length; i++)
        {
            if (!data.Slice(i, name.Length).SequenceEqual(name)) continue;
            var len = data.Slice(i - 4, 4);
            if (BinaryPrimitives.ReadUInt32LittleEndian(len) == name.Length || BinaryPrimitives.ReadUInt32BigEndian(len) == name.Length)
                return true;
        }
        return false;
    }
}
