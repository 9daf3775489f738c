namespace Clientele.Features.Campaigns;

/// <summary>The contact policy as the planner applies it: caps per rolling 7 and 30 days, quiet hours in the company's zone.</summary>
public sealed record CapRules(int PerWeek, int PerMonth, int QuietFromHour, int QuietUntilHour, TimeZoneInfo Zone)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7), Month = TimeSpan.FromDays(30);

    public static CapRules Of(ContactPolicy policy, TimeZoneInfo zone) =>
        new(policy.PerWeek, policy.PerMonth, policy.QuietFromHour, policy.QuietUntilHour, zone);
}

/// <summary>
/// Where a marketing message may go in a person's calendar. Pure: given the times the person's other marketing
/// messages go (or went) out, every rolling window of 7 days holds at most <see cref="CapRules.PerWeek"/> of them and
/// every window of 30 days at most <see cref="CapRules.PerMonth"/>, and none goes out in quiet hours.
/// </summary>
public static class ContactCaps
{
    /// <summary>How far a message may be postponed; later than that it is skipped.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    /// <summary>
    /// The first time at or after <paramref name="earliest"/> that fits, or null when none does within the horizon
    /// (or at once when <paramref name="postpone"/> is false). <paramref name="taken"/> need not be sorted.
    /// </summary>
    public static DateTime? Place(DateTime earliest, IReadOnlyList<DateTime> taken, CapRules rules, bool postpone)
    {
        var first = OutOfQuietHours(earliest, rules);
        if (Fits(first, taken, rules)) return first;
        if (!postpone) return null;
        // A later time fits only once an earlier message leaves a window: try each such moment in order.
        foreach (var moment in taken.SelectMany(t => new[] { t + CapRules.Week, t + CapRules.Month }).Where(m => m > first).Order())
        {
            var candidate = OutOfQuietHours(moment, rules);
            if (candidate - earliest > Horizon) return null;
            if (Fits(candidate, taken, rules)) return candidate;
        }
        return null;
    }

    /// <summary>True when a message at <paramref name="at"/> keeps both caps in every window that holds it.</summary>
    public static bool Fits(DateTime at, IReadOnlyList<DateTime> taken, CapRules rules) =>
        FitsWindow(at, taken, CapRules.Week, rules.PerWeek) && FitsWindow(at, taken, CapRules.Month, rules.PerMonth);

    private static bool FitsWindow(DateTime at, IReadOnlyList<DateTime> taken, TimeSpan length, int cap)
    {
        if (cap <= 0) return false;
        // The fullest window holding "at" starts at "at" or at one of the taken times before it.
        foreach (var start in taken.Where(t => t <= at && t > at - length).Append(at))
            if (taken.Count(t => t >= start && t < start + length) + 1 > cap) return false;
        return true;
    }

    /// <summary><paramref name="at"/> itself, or the end of the quiet hours it falls in (the company's clock).</summary>
    public static DateTime OutOfQuietHours(DateTime at, CapRules rules)
    {
        var (from, until) = (rules.QuietFromHour, rules.QuietUntilHour);
        if (from == until) return at;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), rules.Zone);
        var hour = local.Hour;
        var quiet = from < until ? hour >= from && hour < until : hour >= from || hour < until;
        if (!quiet) return at;
        var day = local.Date;
        if (from > until && hour >= from) day = day.AddDays(1);
        var end = day.AddHours(until);
        // A wall-clock hour a daylight-saving change skips has no UTC instant: the hour after it does.
        while (rules.Zone.IsInvalidTime(end)) end = end.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), rules.Zone);
    }
}
