namespace VlassPS.Core.Geometry;

/// <summary>
/// The Gaussian VLA primary-beam model used by VLASS Memo 20: FWHM 21' at 2 GHz, scaling as 1/frequency.
/// </summary>
public static class PrimaryBeam
{
    public const double FwhmArcsecAt2GHz = 1260.0;

    /// <summary>The bottom of the VLASS band: the search radius R_g is the beam radius at this frequency.</summary>
    public const double SearchFrequencyGHz = 2.0;

    /// <summary>The aliasing margin is the beam radius at this frequency (Memo 20: 840" at 17 %).</summary>
    public const double MarginFrequencyGHz = 2.4;

    public static double FwhmArcsec(double frequencyGHz)
    {
        if (!(frequencyGHz > 0) || double.IsInfinity(frequencyGHz))
            throw new ArgumentOutOfRangeException(nameof(frequencyGHz), frequencyGHz, "Frequency must be a positive number of GHz.");
        return FwhmArcsecAt2GHz * (2.0 / frequencyGHz);
    }

    /// <summary>Response A(r) = exp(-4 ln2 r²/FWHM²).</summary>
    public static double Response(double radiusArcsec, double frequencyGHz)
    {
        double fwhm = FwhmArcsec(frequencyGHz);
        return Math.Exp(-4.0 * Math.Log(2.0) * radiusArcsec * radiusArcsec / (fwhm * fwhm));
    }

    /// <summary>Radius where the response falls to <paramref name="fraction"/>: FWHM·sqrt(ln(1/f)/(4 ln 2)).</summary>
    public static double RadiusArcsec(double fraction, double frequencyGHz)
    {
        if (!(fraction > 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The sensitivity fraction must lie strictly between 0 and 1.");
        return FwhmArcsec(frequencyGHz) * Math.Sqrt(Math.Log(1.0 / fraction) / (4.0 * Math.Log(2.0)));
    }
}
