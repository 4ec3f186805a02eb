namespace VlassPS.Core.Fits;

/// <summary>One header-data unit: its header and where its data lie in the file.</summary>
public sealed class FitsHdu
{
    internal FitsHdu(int index, FitsHeader header, int bitpix, long[] axes, long dataOffset, long dataBytes, long paddedDataBytes, string? extensionType)
    {
        Index = index;
        Header = header;
        Bitpix = bitpix;
        Axes = axes;
        DataOffset = dataOffset;
        DataBytes = dataBytes;
        PaddedDataBytes = paddedDataBytes;
        ExtensionType = extensionType;
    }

    /// <summary>0 for the primary HDU.</summary>
    public int Index { get; }

    public FitsHeader Header { get; }

    public int Bitpix { get; }

    /// <summary>NAXIS1..NAXISn (NAXIS1 varies fastest).</summary>
    public IReadOnlyList<long> Axes { get; }

    public long DataOffset { get; }

    /// <summary>Data length without block padding.</summary>
    public long DataBytes { get; }

    public long PaddedDataBytes { get; }

    /// <summary>null for the primary HDU, else the XTENSION value (IMAGE, BINTABLE, ...).</summary>
    public string? ExtensionType { get; }

    public string? ExtensionName => Header.GetString("EXTNAME");

    /// <summary>True when this HDU holds a (non-empty) image array we can read.</summary>
    public bool IsImage => (ExtensionType is null || ExtensionType == "IMAGE") && Axes.Count > 0 && DataBytes > 0
        && !(Header.GetBool("GROUPS") ?? false);
}
