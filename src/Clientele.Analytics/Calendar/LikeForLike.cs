namespace Clientele.Analytics.Calendar;

/// <summary>A run of whole days, both ends included.</summary>
public readonly record struct DayRange(DateOnly First, DateOnly Last)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

/// <summary>
/// Month to date against the same days of the month before (issue 20: a 6-day month compared with a whole one read as
/// −82%). Day 1 to today against day 1 to the same day number; when the month before is shorter (31 March against
/// February) it ends on its last day, so the earlier run is never longer than the current one.
/// </summary>
public static class LikeForLike
{
    public static (DayRange Current, DayRange Previous) MonthToDate(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var previousFirst = first.AddMonths(-1);
        var previousLastDay = Math.Min(today.Day, DateTime.DaysInMonth(previousFirst.Year, previousFirst.Month));
        return (new DayRange(first, today), new DayRange(previousFirst, new DateOnly(previousFirst.Year, previousFirst.Month, previousLastDay)));
    }

    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/> as a fraction; none when there was nothing before.</summary>
    public static decimal? Change(decimal current, decimal previous) => previous == 0 ? null : (current - previous) / Math.Abs(previous);
}
