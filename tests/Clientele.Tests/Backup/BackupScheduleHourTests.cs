using Clientele.Features.Backup;
using Clientele.Features.Company;

namespace Clientele.Tests.Backup;

/// <summary>The owner's hour is the company's wall clock: the scheduler's UTC hour follows the zone and its daylight saving time.</summary>
public sealed class BackupScheduleHourTests
{
    [Theory]
    [InlineData("Europe/Moscow", 3, "2026-07-01T12:00:00Z", 0)]
    [InlineData("Europe/Berlin", 2, "2026-01-15T12:00:00Z", 1)]
    [InlineData("Europe/Berlin", 2, "2026-07-15T12:00:00Z", 0)]
    [InlineData("Asia/Vladivostok", 2, "2026-07-15T20:00:00Z", 16)]
    [InlineData("UTC", 23, "2026-07-15T20:00:00Z", 23)]
    public void The_utc_hour_is_the_company_hour_of_todays_date_in_its_zone(string zone, int hour, string now, int expectedUtc) =>
        Assert.Equal(expectedUtc, BackupSchedules.UtcHourOf(new CompanyDays(CompanyDays.Find(zone)!), hour, DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
}
