namespace Clientele.Features.Company;

/// <summary>
/// The company's days from the injected clock. Its time zone is not yet a setting (ADR 004), so its days are UTC
/// days, as the analytics' "today" is; this is the one place to change when it becomes one.
/// </summary>
public static class CompanyCalendar
{
    public static DateOnly CompanyToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The moment now on the company's <paramref name="day"/>: a record entered for a day keeps the order of entry within it.</summary>
    public static DateTime NowOn(this TimeProvider clock, DateOnly day) =>
        day.ToDateTime(TimeOnly.FromTimeSpan(clock.GetUtcNow().UtcDateTime.TimeOfDay), DateTimeKind.Utc);
}
