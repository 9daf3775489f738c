using Clientele.Analytics.Lifetime;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Lifetime;

public sealed record LifetimeSettingsInput(double? AliveThreshold, double? IntervalFactor, int? HorizonMonths, double? AnnualDiscountRate,
    LifetimePeriod? Period, int? JobHourUtc, IReadOnlyList<string>? TaskClasses, double? LostThreshold = null, int? MinSilenceDays = null, int? LinkedLossDays = null);

public sealed record LifetimeSettingsResponse(double AliveThreshold, double IntervalFactor, int HorizonMonths, double AnnualDiscountRate,
    LifetimePeriod Period, int JobHourUtc, IReadOnlyList<string> TaskClasses, long Version, double LostThreshold, int MinSilenceDays, int LinkedLossDays)
{
    public static LifetimeSettingsResponse Of(LifetimeSettings s) =>
        new(s.AliveThreshold, s.IntervalFactor, s.HorizonMonths, s.AnnualDiscountRate, s.Period, s.JobHourUtc, [.. s.TaskClassSet.Order(StringComparer.Ordinal)], s.Version, s.LostThreshold, s.MinSilenceDays, s.LinkedLossDays);
}

/// <summary>Reads the one settings row (the defaults until the owner saves) and validates and saves a whole new set.</summary>
public static class LifetimeSettingsStore
{
    public static async Task<LifetimeSettings> GetAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<LifetimeSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == LifetimeSettings.SingletonId, ct) ?? new LifetimeSettings();

    public static Errors Validate(LifetimeSettingsInput input)
    {
        var e = new Errors();
        if (input.AliveThreshold is not { } alive) e.Add("aliveThreshold", Message.Of("is required."));
        else if (!(alive > 0 && alive < 1)) e.Add("aliveThreshold", Message.Of("must be greater than 0 and less than 1."));
        // Optional so that clients written before it existed keep working; it must stay below the at-risk threshold.
        if (input.LostThreshold is { } lost && !(lost > 0 && lost < (input.AliveThreshold ?? 1)))
            e.Add("lostThreshold", Message.Of("must be greater than 0 and less than the at-risk threshold (aliveThreshold)."));
        if (input.LinkedLossDays is < 1 or > LifetimeSettings.MaxLinkedLossDays)
            e.Add("linkedLossDays", Message.Of("must be between {0} and {1}.", 1, LifetimeSettings.MaxLinkedLossDays));
        if (input.MinSilenceDays is < 0 or > 3650) e.Add("minSilenceDays", Message.Of("must be between {0} and {1}.", 0, 3650));
        if (input.IntervalFactor is not { } factor) e.Add("intervalFactor", Message.Of("is required."));
        else if (!(factor >= 1 && factor <= 20)) e.Add("intervalFactor", Message.Of("must be between {0} and {1}.", 1, 20));
        if (input.HorizonMonths is not { } horizon) e.Add("horizonMonths", Message.Of("is required."));
        else if (horizon is < 1 or > 120) e.Add("horizonMonths", Message.Of("must be between {0} and {1}.", 1, 120));
        if (input.AnnualDiscountRate is not { } rate) e.Add("annualDiscountRate", Message.Of("is required."));
        else if (!(rate >= 0 && rate <= 1)) e.Add("annualDiscountRate", Message.Of("must be between 0 and 1 (0.10 is 10% a year)."));
        if (input.Period is not { } period) e.Add("period", Message.Of("is required: Week or Day."));
        else if (!Enum.IsDefined(period)) e.Add("period", Message.Of("must be Week or Day."));
        if (input.JobHourUtc is not { } hour) e.Add("jobHourUtc", Message.Of("is required."));
        else if (hour is < 0 or > 23) e.Add("jobHourUtc", Message.Of("must be between {0} and {1}.", 0, 23));
        if (input.TaskClasses is null) e.Add("taskClasses", Message.Of("is required (an empty list makes no tasks)."));
        else if (input.TaskClasses.FirstOrDefault(c => c is not ("A" or "B" or "C")) is { } bad) e.Add("taskClasses", Message.Of("'{0}' is not an ABC class (A, B or C).", bad));
        return e;
    }

    /// <summary>Saves valid input; the errors otherwise, with nothing written. <paramref name="ifMatch"/> guards against lost updates.</summary>
    public static async Task<(LifetimeSettings? Saved, Errors Errors, bool Stale)> SaveAsync(ClienteleDb db, LifetimeSettingsInput input, long? ifMatch, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Any) return (null, errors, false);
        var row = await db.Set<LifetimeSettings>().SingleOrDefaultAsync(s => s.Id == LifetimeSettings.SingletonId, ct);
        if (ifMatch is { } expected && expected != (row?.Version ?? 0)) return (null, errors, true);
        if (row is null)
        {
            row = new LifetimeSettings();
            db.Add(row);
        }
        row.AliveThreshold = input.AliveThreshold!.Value;
        row.LostThreshold = input.LostThreshold ?? Math.Min(row.LostThreshold, row.AliveThreshold / 2);
        row.IntervalFactor = input.IntervalFactor!.Value;
        row.MinSilenceDays = input.MinSilenceDays ?? row.MinSilenceDays;
        row.LinkedLossDays = input.LinkedLossDays ?? row.LinkedLossDays;
        row.HorizonMonths = input.HorizonMonths!.Value;
        row.AnnualDiscountRate = input.AnnualDiscountRate!.Value;
        row.Period = input.Period!.Value;
        row.JobHourUtc = input.JobHourUtc!.Value;
        row.TaskClasses = string.Join(",", input.TaskClasses!.Distinct().Order(StringComparer.Ordinal));
        await db.SaveChangesAsync(ct);
        return (row, errors, false);
    }
}
