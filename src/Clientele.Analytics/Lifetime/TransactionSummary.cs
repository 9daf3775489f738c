namespace Clientele.Analytics.Lifetime;

/// <summary>One line of a transaction log: who bought, on which day, and for how much (when known).</summary>
public readonly record struct Transaction(string CustomerId, DateOnly Date, decimal? Amount = null);

/// <summary>A customer's lifetime summary with the id it came from.</summary>
public readonly record struct CustomerLifetimeSummary(string CustomerId, LifetimeSummary Summary);

/// <summary>
/// How a transaction log's dates become the model's times (ADR 023).
/// </summary>
public enum LifetimeTimeConvention
{
    /// <summary>
    /// The model's continuous time, as the BG/NBD paper and the BTYD package take it: time measured in days and expressed
    /// in the period (weeks = days / 7), repeat purchases = distinct purchase days after the first.
    /// </summary>
    Continuous = 0,
    /// <summary>Whole calendar periods (the <c>lifetimes</c> library): a purchase is dated to its period, a period with purchases counts once.</summary>
    CalendarPeriods = 1,
}

/// <summary>
/// Builds per-customer <see cref="LifetimeSummary"/> rows from a raw transaction log, with the semantics of the Python
/// <c>lifetimes</c> library's <c>summary_data_from_transaction_data</c>:
/// <list type="bullet">
/// <item>transactions after <c>calibrationEnd</c> are ignored, and so are customers whose first purchase is after it;</item>
/// <item>dates become periods: days, or weeks running Monday to Sunday (pandas' "W"); all purchases of a customer in one
/// period count as one purchase worth their sum;</item>
/// <item>frequency = the number of periods with a purchase after the first one (repeat periods);</item>
/// <item>recency = periods from the first purchase's period to the last one's; T = periods from the first purchase's
/// period to the period of <c>calibrationEnd</c>;</item>
/// <item>monetary value = the mean of the repeat periods' sums (the first period left out), 0 without repeats; a missing
/// amount counts as 0.</item>
/// </list>
/// Customers come out in the order of their first appearance in the log. With <see cref="LifetimeTimeConvention.Continuous"/>
/// the same rules hold with days in place of periods, and the times are then divided by the period's length in days.
/// </summary>
public static class TransactionSummary
{
    public static IReadOnlyList<CustomerLifetimeSummary> Build(IEnumerable<Transaction> transactions, DateOnly calibrationEnd, LifetimePeriod period) =>
        Build(transactions, calibrationEnd, period, LifetimeTimeConvention.CalendarPeriods);

    public static IReadOnlyList<CustomerLifetimeSummary> Build(IEnumerable<Transaction> transactions, DateOnly calibrationEnd, LifetimePeriod period,
        LifetimeTimeConvention convention)
    {
        // Continuous time counts in days and scales to the period; calendar periods count whole periods.
        var unit = convention == LifetimeTimeConvention.Continuous ? LifetimePeriod.Day : period;
        double scale = convention == LifetimeTimeConvention.Continuous ? DaysIn(period) : 1;
        ArgumentNullException.ThrowIfNull(transactions);
        // Per customer: period index → the period's total.
        var customers = new Dictionary<string, SortedDictionary<long, decimal>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var transaction in transactions)
        {
            if (transaction.Date > calibrationEnd)
                continue;
            ArgumentNullException.ThrowIfNull(transaction.CustomerId, nameof(transactions));
            if (!customers.TryGetValue(transaction.CustomerId, out var periods))
            {
                periods = [];
                customers.Add(transaction.CustomerId, periods);
                order.Add(transaction.CustomerId);
            }
            var index = PeriodOf(transaction.Date, unit);
            periods[index] = periods.GetValueOrDefault(index) + (transaction.Amount ?? 0m);
        }

        var end = PeriodOf(calibrationEnd, unit);
        var summaries = new List<CustomerLifetimeSummary>(order.Count);
        foreach (var id in order)
        {
            var periods = customers[id];
            var first = periods.Keys.First();
            var last = periods.Keys.Last();
            var repeats = periods.Count - 1;
            var repeatTotal = periods.Values.Sum() - periods[first];
            var mean = repeats == 0 ? 0.0 : (double)(repeatTotal / repeats);
            summaries.Add(new CustomerLifetimeSummary(id, new LifetimeSummary(repeats, (last - first) / scale, (end - first) / scale, mean)));
        }
        return summaries;
    }

    /// <summary>The period's length in days.</summary>
    public static int DaysIn(LifetimePeriod period) => period switch
    {
        LifetimePeriod.Day => 1,
        LifetimePeriod.Week => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
    };

    /// <summary>
    /// Day number, or week number counted in Monday-to-Sunday weeks: day 0 of <see cref="DateOnly.DayNumber"/>
    /// (1 January 0001) is a Monday, so whole sevens of day numbers are such weeks.
    /// </summary>
    public static long PeriodOf(DateOnly date, LifetimePeriod period) => period switch
    {
        LifetimePeriod.Day => date.DayNumber,
        LifetimePeriod.Week => date.DayNumber / 7,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
    };
}
