using VlassPS.Core.Fits;

namespace VlassPS.Core.Photometry;

/// <summary>Where the noise comes from: an annulus around the region centre, or an rms image on the same grid.</summary>
public sealed class BackgroundSpec
{
    private BackgroundSpec() { }

    public double InnerArcsec { get; private init; }
    public double OuterArcsec { get; private init; }
    public FitsImage? RmsImage { get; private init; }

    public bool IsAnnulus => RmsImage is null && OuterArcsec > 0;

    /// <summary>Pixels with inner &lt;= r &lt; outer from the region centre, minus the region itself; rms = population standard deviation.</summary>
    public static BackgroundSpec Annulus(double innerArcsec, double outerArcsec)
    {
        if (!(innerArcsec >= 0) || !(outerArcsec > innerArcsec))
            throw new ArgumentOutOfRangeException(nameof(outerArcsec), "The background annulus needs 0 <= inner < outer radius.");
        return new BackgroundSpec { InnerArcsec = innerArcsec, OuterArcsec = outerArcsec };
    }

    public static BackgroundSpec FromRmsImage(FitsImage rms) => new() { RmsImage = rms ?? throw new ArgumentNullException(nameof(rms)) };
}
