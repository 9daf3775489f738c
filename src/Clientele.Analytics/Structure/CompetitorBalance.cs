namespace Clientele.Analytics.Structure;

/// <summary>A client won from a competitor in the period, with what it brought in the period.</summary>
public readonly record struct ClientWonFrom(long CompetitorId, decimal Revenue, decimal Contribution);

/// <summary>A client lost to a competitor in the period, with its revenue in the year before it left.</summary>
public readonly record struct ClientLostTo(long CompetitorId, decimal RevenueBefore);

/// <summary>
/// One competitor's balance: clients won from it against clients lost to it. Net is won less lost, in clients and in
/// revenue (the won clients' revenue in the period less the lost clients' revenue in the year before they left).
/// </summary>
public sealed record CompetitorBalanceRow(long CompetitorId, int Won, decimal WonRevenue, decimal WonContribution, int Lost, decimal LostRevenue)
{
    public int Net => Won - Lost;
    public decimal NetRevenue => WonRevenue - LostRevenue;
}

/// <summary>Which competitors the firm wins clients from and which it loses them to.</summary>
public static class CompetitorBalance
{
    /// <summary>
    /// Per competitor, merged duplicates counted under the competitor they were merged into (<paramref name="mergedInto"/>:
    /// duplicate → survivor, chains followed). Ordered by the clients moved either way (won + lost), most first, then by
    /// net revenue, lowest first (the rival costing most comes before an equal one costing less), then by id.
    /// </summary>
    public static CompetitorBalanceRow[] Compute(IEnumerable<ClientWonFrom> won, IEnumerable<ClientLostTo> lost, IReadOnlyDictionary<long, long> mergedInto)
    {
        var rows = new Dictionary<long, (int Won, decimal WonRevenue, decimal WonContribution, int Lost, decimal LostRevenue)>();
        foreach (var w in won)
        {
            var id = Survivor(w.CompetitorId, mergedInto);
            var r = rows.GetValueOrDefault(id);
            rows[id] = (r.Won + 1, r.WonRevenue + w.Revenue, r.WonContribution + w.Contribution, r.Lost, r.LostRevenue);
        }
        foreach (var l in lost)
        {
            var id = Survivor(l.CompetitorId, mergedInto);
            var r = rows.GetValueOrDefault(id);
            rows[id] = (r.Won, r.WonRevenue, r.WonContribution, r.Lost + 1, r.LostRevenue + l.RevenueBefore);
        }
        return [.. rows.Select(p => new CompetitorBalanceRow(p.Key, p.Value.Won, p.Value.WonRevenue, p.Value.WonContribution, p.Value.Lost, p.Value.LostRevenue))
            .OrderByDescending(r => r.Won + r.Lost).ThenBy(r => r.NetRevenue).ThenBy(r => r.CompetitorId)];
    }

    /// <summary>The row every competitor's figures add up to.</summary>
    public static CompetitorBalanceRow Total(IReadOnlyCollection<CompetitorBalanceRow> rows) =>
        new(0, rows.Sum(r => r.Won), rows.Sum(r => r.WonRevenue), rows.Sum(r => r.WonContribution), rows.Sum(r => r.Lost), rows.Sum(r => r.LostRevenue));

    /// <summary>
    /// The day a client was won: the acquisition day recorded on it, else its first purchase, else the day it was
    /// entered — a client imported long after it started buying is not "won" on the import day.
    /// </summary>
    public static DateOnly WonOn(DateOnly? acquiredOn, DateOnly? firstPurchase, DateOnly created) => acquiredOn ?? firstPurchase ?? created;

    /// <summary>The competitor a merged duplicate stands for; a cycle (which the register's merge never makes) stops where it closes.</summary>
    public static long Survivor(long id, IReadOnlyDictionary<long, long> mergedInto)
    {
        var seen = new HashSet<long> { id };
        while (mergedInto.TryGetValue(id, out var into) && seen.Add(into)) id = into;
        return id;
    }
}
