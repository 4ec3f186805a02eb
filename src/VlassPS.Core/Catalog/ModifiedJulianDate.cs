namespace VlassPS.Core.Catalog;

/// <summary>Modified Julian Date helpers (MJD 0 = 1858-11-17 00:00 UTC).</summary>
public static class ModifiedJulianDate
{
    private static readonly int EpochDayNumber = new DateOnly(1858, 11, 17).DayNumber;

    /// <summary>MJD of 00:00 UTC on <paramref name="date"/>.</summary>
    public static int FromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    /// <summary>The UTC calendar date that contains <paramref name="mjd"/>.</summary>
    public static DateOnly ToDate(double mjd)
    {
        if (double.IsNaN(mjd) || double.IsInfinity(mjd))
            throw new ArgumentOutOfRangeException(nameof(mjd), mjd, "MJD must be finite.");
        return DateOnly.FromDayNumber(checked((int)Math.Floor(mjd) + EpochDayNumber));
    }

    /// <summary>The UTC instant of <paramref name="mjd"/>, to the nearest millisecond.</summary>
    public static DateTime ToDateTimeUtc(double mjd)
    {
        var day = ToDate(mjd).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return day.AddMilliseconds(Math.Round((mjd - Math.Floor(mjd)) * 86_400_000.0));
    }
}
