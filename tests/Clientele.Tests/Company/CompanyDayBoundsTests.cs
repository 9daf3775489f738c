using Clientele.Features.Company;

namespace Clientele.Tests.Company;

/// <summary>Where a company day begins and what a time without an offset means (ADR 023), clock changes included.</summary>
public sealed class CompanyDayBoundsTests
{
    private static CompanyDays In(string zone) => new(CompanyDays.Find(zone)!);

    [Fact]
    public void A_day_begins_at_local_midnight_and_an_instant_is_on_the_local_day()
    {
        var moscow = In("Europe/Moscow");
        Assert.Equal(new DateTime(2025, 1, 31, 21, 0, 0, DateTimeKind.Utc), moscow.StartOf(new DateOnly(2025, 2, 1)));
        Assert.Equal(new DateOnly(2025, 1, 31), moscow.DayOf(new DateTime(2025, 1, 31, 20, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2025, 2, 1), moscow.DayOf(new DateTime(2025, 1, 31, 21, 0, 0, DateTimeKind.Utc)));
        var newYork = In("America/New_York");
        Assert.Equal(new DateTime(2025, 2, 1, 5, 0, 0, DateTimeKind.Utc), newYork.StartOf(new DateOnly(2025, 2, 1)));
        // Summer time: the day starts an hour earlier in UTC.
        Assert.Equal(new DateTime(2025, 7, 1, 4, 0, 0, DateTimeKind.Utc), newYork.StartOf(new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void A_day_whose_midnight_a_clock_change_skips_or_repeats_still_begins_at_its_first_moment()
    {
        // Chile moved its clocks from 24:00 to 01:00 on 7 September 2024 (-04 → -03): 8 September began at 01:00 local.
        var santiago = In("America/Santiago");
        var start = santiago.StartOf(new DateOnly(2024, 9, 8));
        Assert.Equal(new DateTime(2024, 9, 8, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateOnly(2024, 9, 7), santiago.DayOf(start.AddTicks(-1)));
        // Cuba moved its clocks from 01:00 back to 00:00 on 3 November 2024: midnight came twice, the day began at the first.
        var havana = In("America/Havana");
        var repeated = havana.StartOf(new DateOnly(2024, 11, 3));
        Assert.Equal(new DateTime(2024, 11, 3, 4, 0, 0, DateTimeKind.Utc), repeated);
        Assert.Equal(new DateOnly(2024, 11, 2), havana.DayOf(repeated.AddTicks(-1)));
    }

    [Fact]
    public void A_time_without_an_offset_is_the_company_wall_clock_and_one_with_an_offset_is_kept()
    {
        var moscow = In("Europe/Moscow");
        Assert.Equal(new DateTime(2025, 1, 31, 20, 30, 0, DateTimeKind.Utc), moscow.ToUtc(new DateTime(2025, 1, 31, 23, 30, 0)));
        var utc = new DateTime(2025, 1, 31, 20, 30, 0, DateTimeKind.Utc);
        Assert.Equal(utc, moscow.ToUtc(utc));
        Assert.Equal(new DateTime(2025, 1, 31, 23, 30, 0), moscow.LocalOf(utc));
    }

    [Fact]
    public void Only_iana_names_are_zones()
    {
        Assert.NotNull(CompanyDays.Find("Europe/Berlin"));
        Assert.NotNull(CompanyDays.Find("UTC"));
        Assert.Null(CompanyDays.Find("W. Europe Standard Time"));
        Assert.Null(CompanyDays.Find("Mars/Olympus_Mons"));
        Assert.Null(CompanyDays.Find(""));
        Assert.Contains("Europe/Moscow", CompanyDays.Known);
    }
}
