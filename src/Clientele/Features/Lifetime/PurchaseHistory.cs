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
    public static async Task<List<ClientHistory>> ReadAsync(ClienteleDb db, DateOnly asOf, double periodDays, CancellationToken ct)
    {
        var end = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
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
                if (days.Count > 0) result.Add(Summarise(current, days, asOf, periodDays));
                days.Clear();
                current = row.ClientId;
            }
            var day = DateOnly.FromDateTime(row.Date);
            var value = BaseCurrency.ToBase(row.Total, row.RateToBase);
            if (days.Count > 0 && days[^1].Day == day) days[^1] = (day, days[^1].Value + value);
            else days.Add((day, value));
        }
        if (days.Count > 0) result.Add(Summarise(current, days, asOf, periodDays));
        return result;
    }

    /// <summary>
    /// Periods are counted from the first purchase day; x is the number of later periods with a purchase, the value of
    /// a period is the sum of its purchases (as the customer-lifetime libraries summarise a transaction log), and
    /// t_x, T are in fractional periods.
    /// </summary>
    internal static ClientHistory Summarise(long clientId, IReadOnlyList<(DateOnly Day, decimal Value)> days, DateOnly asOf, double periodDays)
    {
        var first = days[0].Day;
        var last = days[^1].Day;
        long lastPeriod = 0;
        var repeatPeriods = 0;
        decimal repeatValue = 0;
        for (var k = 1; k < days.Count; k++)
        {
            var period = (long)Math.Floor((days[k].Day.DayNumber - first.DayNumber) / periodDays);
            if (period > lastPeriod)
            {
                repeatPeriods++;
                lastPeriod = period;
            }
            // Purchases in the first period belong to the first transaction, which the spend model leaves out.
            if (period > 0) repeatValue += days[k].Value;
        }
        var mean = repeatPeriods > 0 ? (double)(repeatValue / repeatPeriods) : 0;
        // Without a repeat period the history ends, for the model, at the first purchase.
        var recency = repeatPeriods > 0 ? (last.DayNumber - first.DayNumber) / periodDays : 0;
        var summary = new LifetimeSummary(repeatPeriods, recency, (asOf.DayNumber - first.DayNumber) / periodDays, mean);
        return new ClientHistory(clientId, summary, first, last, days.Count);
    }
}
