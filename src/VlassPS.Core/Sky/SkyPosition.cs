using System.Globalization;
using VlassPS.Core.Targets;

namespace VlassPS.Core.Sky;

/// <summary>
/// A position on the sky in the J2000/ICRS equatorial frame (VLASS uses J2000; CASA treats ICRS
/// and J2000 as equivalent at the milliarcsecond level that matters here).
/// </summary>
public sealed class SkyPosition : IEquatable<SkyPosition>
{
    public SkyPosition(double raDeg, double decDeg, string frame = "J2000", string? name = null)
    {
        if (double.IsNaN(raDeg) || double.IsInfinity(raDeg))
            throw new ArgumentOutOfRangeException("Ra", raDeg, "The right ascension (-Ra) must be a finite number of degrees.");
        if (double.IsNaN(decDeg) || decDeg < -90 || decDeg > 90)
            throw new ArgumentOutOfRangeException("Dec", decDeg, "The declination (-Dec) must lie in [-90, 90] degrees.");
        if (raDeg < 0 || raDeg >= 360)
            throw new ArgumentOutOfRangeException("Ra", raDeg, "The right ascension (-Ra) must lie in [0, 360) degrees.");
        RaDeg = raDeg;
        DecDeg = decDeg;
        Frame = SkyFrames.Normalize(frame);
        Name = name;
    }

    /// <summary>Right ascension in degrees, [0, 360).</summary>
    public double RaDeg { get; }

    /// <summary>Declination in degrees, [-90, 90].</summary>
    public double DecDeg { get; }

    /// <summary>Right ascension in hours, [0, 24).</summary>
    public double RaHours => RaDeg / 15.0;

    /// <summary>Reference frame: J2000 or ICRS.</summary>
    public string Frame { get; }

    /// <summary>Optional user label (a source name), kept through the pipeline.</summary>
    public string? Name { get; }

    // Short aliases so that objects bind by property name to -Ra/-Dec parameters.
    public double Ra => RaDeg;
    public double Dec => DecDeg;

    /// <summary>The IAU-style designation, e.g. J080757.53+043234.5 (truncated, not rounded, as IAU asks).</summary>
    public string IauName => SexagesimalFormat.IauName(this);

    /// <summary>The position as a CASA phasecenter (see <see cref="ToCasaString"/>).</summary>
    public string Casa => ToCasaString();

    /// <summary>The position in sexagesimal hours and degrees (see <see cref="ToSexagesimal"/>).</summary>
    public string Sexagesimal => ToSexagesimal();

    private VlassTarget? _target;

    /// <summary>
    /// The target this position stands for: its name (else its IAU name), itself, and any per-target
    /// overrides; carried forward by every step as <c>Target</c>.
    /// </summary>
    public VlassTarget Target => _target ??= new VlassTarget(Name ?? IauName, this);

    /// <summary>A copy with another label; the overrides of this position's target are kept.</summary>
    public SkyPosition WithName(string? name) => name is null ? new(RaDeg, DecDeg, Frame, null) : WithTarget(name, _target?.Overrides);

    /// <summary>A copy labelled <paramref name="name"/> whose target carries <paramref name="overrides"/>.</summary>
    public SkyPosition WithTarget(string name, IReadOnlyDictionary<string, string>? overrides)
    {
        var p = new SkyPosition(RaDeg, DecDeg, Frame, name);
        p._target = new VlassTarget(name, p, overrides);
        return p;
    }

    /// <summary>Parses any position form users paste; see <see cref="SkyPositionParser"/>.</summary>
    public static SkyPosition Parse(string text, RaUnit raUnit = RaUnit.Auto) => SkyPositionParser.Parse(text, raUnit);

    public static bool TryParse(string text, out SkyPosition? position, out string? error, RaUnit raUnit = RaUnit.Auto)
    {
        try { position = SkyPositionParser.Parse(text, raUnit); error = null; return true; }
        catch (PositionFormatException ex) { position = null; error = ex.Message; return false; }
    }

    /// <summary>CASA phasecenter string: <c>J2000 08:07:57.538 +04.32.34.55</c> (dotted Dec).</summary>
    public string ToCasaString(int raDecimals = 4, int decDecimals = 3) => SexagesimalFormat.Casa(this, raDecimals, decDecimals);

    /// <summary>Sexagesimal <c>08:07:57.538 +04:32:34.55</c>.</summary>
    public string ToSexagesimal(int raDecimals = 3, int decDecimals = 2) => SexagesimalFormat.Sexagesimal(this, raDecimals, decDecimals);

    /// <summary>Great-circle separation in degrees (Vincenty formula: accurate from 0 to 180 degrees).</summary>
    public double SeparationTo(SkyPosition other) => SphericalMath.Separation(RaDeg, DecDeg, other.RaDeg, DecDeg2: other.DecDeg);

    /// <summary>
    /// Offsets of <paramref name="other"/> in the tangent (offset) frame of this position, in degrees:
    /// the pipeline's field-selection quantity, equal to astropy's <c>spherical_offsets_to</c>.
    /// </summary>
    public (double DLonDeg, double DLatDeg) SphericalOffsetsTo(SkyPosition other)
        => SphericalMath.SphericalOffsets(RaDeg, DecDeg, other.RaDeg, other.DecDeg);

    /// <summary>
    /// The memo's rectilinear offsets of <paramref name="other"/>: (ΔRA wrapped to ±180°)·cos δ_other and ΔDec, degrees.
    /// </summary>
    public (double DRaCosDecDeg, double DDecDeg) RectilinearOffsetsTo(SkyPosition other)
        => SphericalMath.RectilinearOffsets(RaDeg, DecDeg, other.RaDeg, other.DecDeg);

    /// <summary>"RA Dec" in degrees, 9 decimals at most; an RA that rounds to 360 prints as 0.</summary>
    public string ToDegrees() => $"{SexagesimalFormat.RaDegrees(RaDeg, 9, false)} {SexagesimalFormat.DecDegrees(DecDeg, 9)}";

    /// <summary>RA in degrees with exactly <paramref name="decimals"/> decimals, carried to 0 rather than 360.</summary>
    public string FormatRaDegrees(int decimals = 6) => SexagesimalFormat.RaDegrees(RaDeg, decimals, true);

    public override string ToString() => ToSexagesimal();

    public bool Equals(SkyPosition? other) => other is not null && other.RaDeg == RaDeg && other.DecDeg == DecDeg && other.Frame == Frame;
    public override bool Equals(object? obj) => Equals(obj as SkyPosition);
    public override int GetHashCode() => HashCode.Combine(RaDeg, DecDeg, Frame);
}

/// <summary>How to read a bare right ascension number or sexagesimal triple.</summary>
public enum RaUnit
{
    /// <summary>Sexagesimal RA is hours; a decimal RA is degrees (the common conventions).</summary>
    Auto,
    Hours,
    Degrees,
}

internal static class SkyFrames
{
    public static string Normalize(string frame)
    {
        var f = frame.Trim().ToUpperInvariant();
        return f switch
        {
            "J2000" or "FK5" => "J2000",
            "ICRS" => "ICRS",
            _ => throw new PositionFormatException($"Frame '{frame}' is not supported: VLASS positions must be J2000 or ICRS.", frame),
        };
    }
}

/// <summary>A position string that cannot be parsed; <see cref="BadPart"/> names the offending text.</summary>
public sealed class PositionFormatException : FormatException
{
    public PositionFormatException(string message, string badPart) : base(message) => BadPart = badPart;
    public string BadPart { get; }
}
