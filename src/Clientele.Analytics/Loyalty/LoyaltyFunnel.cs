using Clientele.Analytics.Calendar;

namespace Clientele.Analytics.Loyalty;

/// <summary>Clients standing at a stage on a day.</summary>
public sealed record StageCount(LoyaltyStage Stage, int Clients);

/// <summary>
/// One step of the funnel: of the clients who ever reached <see cref="From"/> (stood at it or above, Lost not counting)
/// by the as-of day, how many also reached <see cref="To"/>.
/// </summary>
/// <param name="Rate">Converted / Reached; null when nobody reached <see cref="From"/>.</param>
public sealed record StepConversion(LoyaltyStage From, LoyaltyStage To, int Reached, int Converted, double? Rate);

/// <summary>
/// The conversion of one step for the clients who first reached <see cref="StepConversion.From"/> in
/// <see cref="Month"/>: converted = reached <see cref="StepConversion.To"/> within the trend window and by the as-of day.
/// </summary>
/// <param name="Month">A <see cref="MonthIndex"/>.</param>
/// <param name="Complete">Whether every client of the month has had its full window by the as-of day; the rate of an
/// incomplete month can still grow.</param>
public sealed record MonthlyConversion(int Month, StepConversion Step, bool Complete);

/// <summary>
/// Of the clients at <see cref="Stage"/> on the period's first day, how many were not lost on its last day.
/// </summary>
/// <param name="RetentionRate">Kept / AtStart; null when nobody stood there.</param>
/// <param name="ChurnRate">1 − RetentionRate.</param>
public sealed record StageRetention(LoyaltyStage Stage, int AtStart, int Kept, double? RetentionRate, double? ChurnRate);

/// <summary>The ladder as a funnel over many clients' paths (see <see cref="LoyaltyPath"/>).</summary>
public static class LoyaltyFunnel
{
    /// <summary>Clients at each stage on <paramref name="day"/>, every stage listed (the climb, then Lost).</summary>
    public static StageCount[] Counts(IEnumerable<IReadOnlyList<StageChange>> paths, DateOnly day)
    {
        var counts = new int[Enum.GetValues<LoyaltyStage>().Length];
        foreach (var path in paths)
            if (LoyaltyStages.On(path, day) is { } stage) counts[(int)stage]++;
        return [.. Enum.GetValues<LoyaltyStage>().Select(s => new StageCount(s, counts[(int)s]))];
    }

    /// <summary>The conversion between each pair of consecutive climbing stages, by the highest stage each client reached by <paramref name="day"/>.</summary>
    public static StepConversion[] Conversions(IEnumerable<IReadOnlyList<StageChange>> paths, DateOnly day)
    {
        var climb = LoyaltyStages.Climb;
        var reached = new int[climb.Length];
        foreach (var path in paths)
        {
            if (LoyaltyStages.HighestReached(path, day) is not { } highest) continue;
            for (var k = 0; k <= (int)highest; k++) reached[k]++;
        }
        return [.. Enumerable.Range(0, climb.Length - 1).Select(k => Step(climb[k], climb[k + 1], reached[k], reached[k + 1]))];
    }

    /// <summary>
    /// For each of the <paramref name="months"/> months ending with the as-of day's month and each step k → k + 1: the
    /// clients who first reached k in that month, and how many of them reached k + 1 within
    /// <paramref name="windowDays"/> days of it (on the same day counts) and by <paramref name="day"/>.
    /// </summary>
    public static MonthlyConversion[] MonthlyTrend(IEnumerable<IReadOnlyList<StageChange>> paths, DateOnly day, int months, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 0);
        var climb = LoyaltyStages.Climb;
        var lastMonth = MonthIndex.Of(day);
        var firstMonth = lastMonth - months + 1;
        var reached = new int[months, climb.Length - 1];
        var converted = new int[months, climb.Length - 1];
        foreach (var path in paths)
        {
            for (var k = 0; k < climb.Length - 1; k++)
            {
                if (LoyaltyStages.FirstReached(path, climb[k], day) is not { } from) continue;
                var month = MonthIndex.Of(from) - firstMonth;
                if (month < 0) continue;
                reached[month, k]++;
                if (LoyaltyStages.FirstReached(path, climb[k + 1], day) is { } to && to.DayNumber - from.DayNumber <= windowDays) converted[month, k]++;
            }
        }
        var trend = new List<MonthlyConversion>(months * (climb.Length - 1));
        for (var m = 0; m < months; m++)
        {
            var complete = MonthIndex.LastDay(firstMonth + m).AddDays(windowDays) <= day;
            for (var k = 0; k < climb.Length - 1; k++)
                trend.Add(new MonthlyConversion(firstMonth + m, Step(climb[k], climb[k + 1], reached[m, k], converted[m, k]), complete));
        }
        return [.. trend];
    }

    /// <summary>Retention and churn by the stage each client stood at on <paramref name="start"/>: kept = not Lost on <paramref name="end"/>.</summary>
    public static StageRetention[] RetentionByStage(IEnumerable<IReadOnlyList<StageChange>> paths, DateOnly start, DateOnly end)
    {
        if (end < start) throw new ArgumentException("The period ends before it starts.", nameof(end));
        var climb = LoyaltyStages.Climb;
        var atStart = new int[climb.Length];
        var kept = new int[climb.Length];
        foreach (var path in paths)
        {
            if (LoyaltyStages.On(path, start) is not { } stage || stage == LoyaltyStage.Lost) continue;
            atStart[(int)stage]++;
            if (LoyaltyStages.On(path, end) != LoyaltyStage.Lost) kept[(int)stage]++;
        }
        return [.. climb.Select(s =>
        {
            double? rate = atStart[(int)s] == 0 ? null : (double)kept[(int)s] / atStart[(int)s];
            return new StageRetention(s, atStart[(int)s], kept[(int)s], rate, 1 - rate);
        })];
    }

    private static StepConversion Step(LoyaltyStage from, LoyaltyStage to, int reached, int converted) =>
        new(from, to, reached, converted, reached == 0 ? null : (double)converted / reached);
}
