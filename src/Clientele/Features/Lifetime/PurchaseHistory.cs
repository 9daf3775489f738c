using Clientele.Analytics.Lifetime;
using Clientele.Features.Economics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Lifetime;

/// <summary>One client's purchase history as the lifetime models and the interval rule need it.</summary>
public readonly record struct ClientHistory(long ClientId, LifetimeSummary Summary, DateOnly FirstPurchase, DateOnly LastPurchase, int PurchaseDays)
{
    /// <summary>Mean days between distinct purchase days; null with fewer than two days.</summary>
    public double? UsualIntervalDays => PurchaseDays < 2 ? null : (double)(LastPurchase.DayNumber - FirstPurchase.DayNumber) / (PurchaseDays - 1);
}

/// <summary>
/// Builds each client's (x, t_x, T, mean repeat value) from its purchases up to the day. The aggregates keep counts
/// and sums, not the distinct purchase periods that x counts, so this is the one raw read: four compact columns,
/// streamed in client order, with no entities made.
/// </summary>
public static class PurchaseHistory
{
    public static async Task<List<ClientHistory>> ReadAsync(ClienteleDb db, DateOnly asOf, LifetimePeriod period, CancellationToken ct)
    {
        var company = await Company.CompanyDays.OfAsync(db, ct);
        var end = company.EndOf(asOf);
        var rows = db.Purchases.AsNoTracking().Where(p => p.Date < end)
            .OrderBy(p => p.ClientId).ThenBy(p => p.Date)
            .Select(p => new { p.ClientId, p.Date, p.Total, p.RateToBase }).AsAsyncEnumerable();

        var result = new List<ClientHistory>();
        var days = new List<(DateOnly Day, decimal Value)>();
        long current = -1;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (row.ClientId != current)
            {
                if (days.Count > 0) result.Add(Summarise(current, days, asOf, period));
                days.Clear();
                current = row.ClientId;
            }
            var day = company.DayOf(row.Date);
            var value = BaseCurrency.ToBase(row.Total, row.RateToBase);
            if (days.Count > 0 && days[^1].Day == day) days[^1] = (day, days[^1].Value + value);
            else days.Add((day, value));
        }
        if (days.Count > 0) result.Add(Summarise(current, days, asOf, period));
        return result;
    }

    /// <summary>
    /// The summary with the semantics of <see cref="TransactionSummary"/> (and of the common customer-lifetime libraries,
    /// so the nightly fit and <c>clientele clv fit</c> agree): calendar periods, all purchases of a period count as one
    /// worth their sum, x = repeat periods, t_x and T in whole periods from the first purchase's period.
    /// </summary>
    internal static ClientHistory Summarise(long clientId, IReadOnlyList<(DateOnly Day, decimal Value)> days, DateOnly asOf, LifetimePeriod period)
    {
        var firstPeriod = TransactionSummary.PeriodOf(days[0].Day, period);
        var lastPeriod = firstPeriod;
        var repeatPeriods = 0;
        decimal repeatValue = 0;
        for (var k = 1; k < days.Count; k++)
        {
            var p = TransactionSummary.PeriodOf(days[k].Day, period);
            if (p > lastPeriod)
            {
                repeatPeriods++;
                lastPeriod = p;
            }
            // Purchases in the first period belong to the first transaction, which the spend model leaves out.
            if (p > firstPeriod) repeatValue += days[k].Value;
        }
        // A refund can make a period's sum negative; the spend model takes values from zero up.
        var mean = repeatPeriods > 0 ? Math.Max(0, (double)(repeatValue / repeatPeriods)) : 0;
        var summary = new LifetimeSummary(repeatPeriods, lastPeriod - firstPeriod, TransactionSummary.PeriodOf(asOf, period) - firstPeriod, mean);
        return new ClientHistory(clientId, summary, days[0].Day, days[^1].Day, days.Count);
    }
}
