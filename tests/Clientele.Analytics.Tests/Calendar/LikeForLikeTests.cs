using Clientele.Analytics.Calendar;

namespace Clientele.Analytics.Tests.Calendar;

public sealed class LikeForLikeTests
{
    [Theory]
    // Six days of December against the same six of November (issue 20's −82% compared 6 days with 30).
    [InlineData("2026-12-06", "2026-12-01", "2026-12-06", "2026-11-01", "2026-11-06")]
    // The first day of a month against the first of the month before.
    [InlineData("2026-03-01", "2026-03-01", "2026-03-01", "2026-02-01", "2026-02-01")]
    // 31 March against February: the shorter month ends on its last day (28 in 2026, 29 in the leap year 2028).
    [InlineData("2026-03-31", "2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")]
    [InlineData("2028-03-30", "2028-03-01", "2028-03-30", "2028-02-01", "2028-02-29")]
    // January against December of the year before.
    [InlineData("2027-01-15", "2027-01-01", "2027-01-15", "2026-12-01", "2026-12-15")]
    public void Month_to_date_meets_the_same_days_of_the_month_before(string today, string first, string last, string previousFirst, string previousLast)
    {
        var (current, previous) = LikeForLike.MonthToDate(DateOnly.Parse(today));

        Assert.Equal(new DayRange(DateOnly.Parse(first), DateOnly.Parse(last)), current);
        Assert.Equal(new DayRange(DateOnly.Parse(previousFirst), DateOnly.Parse(previousLast)), previous);
        Assert.True(previous.Days <= current.Days);
    }

    [Fact]
    public void The_change_is_a_fraction_of_what_came_before_and_none_from_nothing()
    {
        Assert.Equal(0.25m, LikeForLike.Change(125m, 100m));
        Assert.Equal(-0.5m, LikeForLike.Change(50m, 100m));
        // A loss that shrinks is an improvement: measured against the size of the loss.
        Assert.Equal(0.5m, LikeForLike.Change(-50m, -100m));
        Assert.Null(LikeForLike.Change(10m, 0m));
        Assert.Equal(6, new DayRange(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 6)).Days);
    }
}
