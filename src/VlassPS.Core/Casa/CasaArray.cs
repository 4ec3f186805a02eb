namespace VlassPS.Core.Casa;

/// <summary>
/// One array cell: <see cref="Shape"/> in casacore (Fortran) axis order and the elements flattened in that order,
/// e.g. PHASE_DIR shape [2, NUM_POLY+1] holds RA, Dec of term 0 at indices 0 and 1.
/// </summary>
public sealed class CasaArray
{
    public CasaArray(int[] shape, Array values)
    {
        Shape = shape;
        Values = values;
    }

    public IReadOnlyList<int> Shape { get; }

    /// <summary>bool[], byte[], short[], ushort[], int[], uint[], long[], float[], double[], Complex[] or string[].</summary>
    public Array Values { get; }

    public int Length => Values.Length;

    public override string ToString() => $"[{string.Join(",", Shape)}] {Values.GetType().GetElementType()?.Name}";
}
