using Clientele.Features.Campaigns;

namespace Clientele.Tests.Campaigns;

/// <summary>The contact policy's arithmetic, hand-computed: rolling windows, postponing, quiet hours on the company's clock.</summary>
public sealed class ContactCapsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static CapRules Rules(int week = 2, int month = 4, int from = 0, int until = 0) => new(week, month, from, until, Berlin);
    private static readonly DateTime Noon = new(2026, 3, 10, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Two_a_week_allows_a_second_message_and_postpones_a_third_until_the_first_leaves_the_window()
    {
        List<DateTime> taken = [Noon.AddDays(-6), Noon.AddDays(-1)];
        Assert.False(ContactCaps.Fits(Noon, taken, Rules()));
        Assert.Null(ContactCaps.Place(Noon, taken, Rules(), postpone: false));
        Assert.Equal(Noon.AddDays(1), ContactCaps.Place(Noon, taken, Rules(), postpone: true));
        Assert.True(ContactCaps.Fits(Noon, [Noon.AddDays(-8)], Rules(week: 1)));
    }

    [Fact]
    public void The_month_cap_counts_every_window_of_thirty_days_and_a_message_postponed_past_the_horizon_is_skipped()
    {
        List<DateTime> taken = [Noon.AddDays(-29), Noon.AddDays(-20), Noon.AddDays(-10), Noon.AddDays(-2)];
        Assert.False(ContactCaps.Fits(Noon, taken, Rules(week: 9, month: 4)));
        Assert.Equal(Noon.AddDays(1), ContactCaps.Place(Noon, taken, Rules(week: 9, month: 4), postpone: true));
        Assert.Null(ContactCaps.Place(Noon, taken, Rules(week: 9, month: 0), postpone: true));
    }

    [Fact]
    public void Quiet_hours_move_a_message_to_their_end_on_the_companys_clock()
    {
        // 22:30 in Berlin (UTC+1 in March before the change) is quiet from 21 to 9: the message goes at 9:00 Berlin, 8:00 UTC next day.
        var lateEvening = new DateTime(2026, 3, 10, 21, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 3, 11, 8, 0, 0, DateTimeKind.Utc), ContactCaps.OutOfQuietHours(lateEvening, Rules(from: 21, until: 9)));
        Assert.Equal(Noon, ContactCaps.OutOfQuietHours(Noon, Rules(from: 21, until: 9)));
        var earlyMorning = new DateTime(2026, 3, 11, 5, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 3, 11, 8, 0, 0, DateTimeKind.Utc), ContactCaps.OutOfQuietHours(earlyMorning, Rules(from: 21, until: 9)));
    }
}
