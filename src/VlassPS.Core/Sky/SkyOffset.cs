namespace VlassPS.Core.Sky;

/// <summary>
/// How far <see cref="To"/> lies from <see cref="From"/>, in the three measures VLASS imaging uses (arcsec):
/// the great-circle separation, the pipeline's tangent-frame offsets, and the memo's rectilinear offsets.
/// </summary>
public sealed class SkyOffset
{
    public SkyOffset(SkyPosition from, SkyPosition to)
    {
        From = from;
        To = to;
        SeparationArcsec = from.SeparationTo(to) * SphericalMath.ArcsecPerDeg;
        var (dl, db) = from.SphericalOffsetsTo(to);
        DLonArcsec = dl * SphericalMath.ArcsecPerDeg;
        DLatArcsec = db * SphericalMath.ArcsecPerDeg;
        var (dr, dd) = from.RectilinearOffsetsTo(to);
        DRaCosDecArcsec = dr * SphericalMath.ArcsecPerDeg;
        DDecArcsec = dd * SphericalMath.ArcsecPerDeg;
    }

    public SkyPosition From { get; }
    public SkyPosition To { get; }
    public double SeparationArcsec { get; }

    /// <summary>Tangent-frame offsets (pipeline field selection; astropy spherical_offsets_to).</summary>
    public double DLonArcsec { get; }
    public double DLatArcsec { get; }

    /// <summary>Memo 20 offsets: ΔRA (wrapped) · cos δ_to, and ΔDec.</summary>
    public double DRaCosDecArcsec { get; }
    public double DDecArcsec { get; }
}
