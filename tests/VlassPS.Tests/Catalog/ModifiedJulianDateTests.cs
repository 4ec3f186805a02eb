using CsCheck;
using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

public class ModifiedJulianDateTests
{
    [Theory]
    [InlineData(58075.26425702547, "2017-11-18")]
    [InlineData(59070.62333981482, "2020-08-09")]
    [InlineData(59968.0862703125, "2023-01-24")]
    [InlineData(60913.730115625, "2025-08-26")]
    [InlineData(0.0, "1858-11-17")]
    [InlineData(51544.5, "2000-01-01")]
    public void Converts_mjd_to_the_utc_date(double mjd, string date)
    {
        Assert.Equal(DateOnly.Parse(date), ModifiedJulianDate.ToDate(mjd));
        Assert.Equal(Math.Floor(mjd), ModifiedJulianDate.FromDate(DateOnly.Parse(date)));
    }

    [Fact]
    public void Time_of_day_comes_from_the_fraction()
        => Assert.Equal(new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc), ModifiedJulianDate.ToDateTimeUtc(51544.5));

    [Fact]
    public void Date_round_trips()
        => Gen.Int[0, 2_000_000].Sample(day =>
        {
            var d = DateOnly.FromDayNumber(day);
            return ModifiedJulianDate.ToDate(ModifiedJulianDate.FromDate(d) + 0.999) == d;
        });
}
