namespace VlassPS.Core.Catalog;

/// <summary>
/// One row of the survey summary table: a tile observed (or scheduled) in one epoch.
/// </summary>
public sealed class VlassObservation
{
    public VlassObservation(
        string tileName, string epoch, int epochNumber, int epochHalf, DateOnly? observationDate, string status,
        double decMinDeg, double decMaxDeg, double raMinHours, double raMaxHours, int lineNumber)
    {
        TileName = tileName;
        Epoch = epoch;
        EpochNumber = epochNumber;
        EpochHalf = epochHalf;
        ObservationDate = observationDate;
        Status = status;
        DecMinDeg = decMinDeg;
        DecMaxDeg = decMaxDeg;
        RaMinHours = raMinHours;
        RaMaxHours = raMaxHours;
        LineNumber = lineNumber;
    }

    /// <summary>Tile name, e.g. <c>T12t13</c>.</summary>
    public string TileName { get; }

    /// <summary>Alias so that objects bind by property name to <c>-TileName</c> or <c>-Name</c>.</summary>
    public string Name => TileName;

    /// <summary>Epoch, e.g. <c>VLASS2.1</c>.</summary>
    public string Epoch { get; }

    /// <summary>The n of VLASSn.m.</summary>
    public int EpochNumber { get; }

    /// <summary>1 for ".1" epochs, 2 for ".2" epochs.</summary>
    public int EpochHalf { get; }

    /// <summary>UT date of the observation; null when the table leaves it blank.</summary>
    public DateOnly? ObservationDate { get; }

    /// <summary>MJD of 00:00 UT on the observation date; null when the date is blank.</summary>
    public double? Mjd => ObservationDate is { } d ? ModifiedJulianDate.FromDate(d) : null;

    /// <summary>Quick-look status as published (opaque; may be empty).</summary>
    public string Status { get; }

    /// <summary>True when the table gives an observation date.</summary>
    public bool IsObserved => ObservationDate.HasValue;

    /// <summary>Declination bounds as printed in the table (degrees).</summary>
    public double DecMinDeg { get; }
    public double DecMaxDeg { get; }

    /// <summary>RA bounds as printed in the table (hours, rounded to 0.01 h by NRAO).</summary>
    public double RaMinHours { get; }
    public double RaMaxHours { get; }

    /// <summary>The target this row was looked up for; null when asked by tile name alone.</summary>
    public Targets.VlassTarget? Target { get; private set; }

    /// <summary>This row labelled with the target it was looked up for.</summary>
    public VlassObservation For(Targets.VlassTarget? target)
    {
        if (target is null || Equals(target, Target)) return this;
        var copy = (VlassObservation)MemberwiseClone();
        copy.Target = target;
        return copy;
    }

    /// <summary>1-based line of the row in the source text.</summary>
    public int LineNumber { get; }

    public override string ToString() => $"{TileName} {Epoch} {ObservationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
}
