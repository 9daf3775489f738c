using Clientele.Analytics.Calendar;

namespace Clientele.Analytics.Tests.Calendar;

public sealed class MonthIndexTests
{
    [Fact]
    public void Hand_computed_indexes_days_and_labels()
    {
        // 2025 × 12 + 3 − 1 = 24302.
        Assert.Equal(24302, MonthIndex.Of(new DateOnly(2025, 3, 17)));
        Assert.Equal(24302, MonthIndex.Of(new DateTime(2025, 3, 31, 23, 59, 59)));
        Assert.Equal(24302, MonthIndex.Of(2025, 3));
        Assert.Equal(new DateOnly(2025, 3, 1), MonthIndex.FirstDay(24302));
        Assert.Equal(new DateOnly(2025, 3, 31), MonthIndex.LastDay(24302));
        Assert.Equal("2025-03", MonthIndex.Label(24302));
        Assert.Equal("0001-01", MonthIndex.Label(MonthIndex.MinValue));
        Assert.Equal(new DateOnly(9999, 12, 31), MonthIndex.LastDay(MonthIndex.MaxValue));
    }

    [Theory]
    [InlineData(2024, 2, 29)]
    [InlineData(2025, 2, 28)]
    [InlineData(1900, 2, 28)]
    [InlineData(2000, 2, 29)]
    [InlineData(2025, 12, 31)]
    [InlineData(2025, 4, 30)]
    public void Last_day_knows_leap_years(int year, int month, int lastDay) =>
        Assert.Equal(new DateOnly(year, month, lastDay), MonthIndex.LastDay(MonthIndex.Of(year, month)));

    [Theory]
    // Quarter index = year × 4 + quarter − 1: 2025 × 4 = 8100.
    [InlineData(2025, 1, 8100, "2025-Q1")]
    [InlineData(2025, 3, 8100, "2025-Q1")]
    [InlineData(2025, 4, 8101, "2025-Q2")]
    [InlineData(2025, 9, 8102, "2025-Q3")]
    [InlineData(2025, 12, 8103, "2025-Q4")]
    [InlineData(2026, 1, 8104, "2026-Q1")]
    public void Quarters(int year, int month, int quarter, string label)
    {
        Assert.Equal(quarter, MonthIndex.Quarter(MonthIndex.Of(year, month)));
        Assert.Equal(label, MonthIndex.QuarterLabel(quarter));
    }

    [Fact]
    public void Months_that_are_no_date_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthIndex.FirstDay(MonthIndex.MinValue - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthIndex.Label(MonthIndex.MaxValue + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthIndex.Of(2025, 13));
    }

    [Fact]
    public void Every_day_maps_into_its_month_and_consecutive_months_are_consecutive_integers()
    {
        var random = new Random(17);
        for (var run = 0; run < 2_000; run++)
        {
            var day = DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber + 1));
            var month = MonthIndex.Of(day);
            Assert.InRange(day, MonthIndex.FirstDay(month), MonthIndex.LastDay(month));
            if (month < MonthIndex.MaxValue) Assert.Equal(MonthIndex.LastDay(month).AddDays(1), MonthIndex.FirstDay(month + 1));
            Assert.Equal(day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), MonthIndex.Label(month));
            Assert.Equal((day.Month - 1) / 3, MonthIndex.Quarter(month) % 4);
        }
    }
}
