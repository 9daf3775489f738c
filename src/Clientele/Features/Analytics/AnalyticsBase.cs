using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Features.Company;
using Clientele.Features.Economics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Analytics;

/// <summary>
/// The base as it stood at the end of a day, in compact columns: one index per client, its lifetime figures as of
/// that day, and its months from a window before it. Read from the aggregate tables plus the raw rows of the day's
/// own month only, never from all purchases.
/// </summary>
public sealed class AnalyticsBase
{
    /// <summary>Months of history loaded before the analysis month: 24 months of trends with a 12-month activity window.</summary>
    public const int HistoryMonths = 36;

    public required DateOnly AsOf { get; init; }
    public required int AsOfMonth { get; init; }
    public required int FromMonth { get; init; }
    public required CompanySettings Settings { get; init; }
    public required ClientFacts[] Clients { get; init; }
    public required ClientFigures[] Figures { get; init; }
    public required int[] Purchases { get; init; }
    public required DateOnly?[] FirstPurchase { get; init; }
    public required DateOnly?[] LastPurchase { get; init; }
    /// <summary>Rows of months from <see cref="FromMonth"/> to the analysis month with purchases or costs, ordered by client then month.</summary>
    public required ClientMonthRow[] Months { get; init; }
    /// <summary>Channel spend of months in which the channel brought no client, by channel index.</summary>
    public required Dictionary<int, decimal> UnallocatedSpend { get; init; }
    public required long[] ChannelIds { get; init; }
    public required string[] ChannelNames { get; init; }
    /// <summary>Index of each client's acquisition channel in <see cref="ChannelIds"/>, or −1.</summary>
    public required int[] ChannelIndex { get; init; }

    public int Count => Clients.Length;
}

/// <summary>One client's sums for one month; <see cref="Client"/> is the index into <see cref="AnalyticsBase.Clients"/>.</summary>
public readonly record struct ClientMonthRow(int Client, int Month, decimal Revenue, decimal Contribution, int Purchases);

public static class AnalyticsBaseLoader
{
    public static async Task<AnalyticsBase> LoadAsync(ClienteleDb db, DateOnly asOf, CancellationToken ct)
    {
        var settings = await new CompanySettingsReader(db).GetAsync(ct);
        var asOfMonth = MonthIndex.Of(asOf);
        var fromMonth = asOfMonth - AnalyticsBase.HistoryMonths;
        var endOfDay = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var tags = (await db.ClientTags.AsNoTracking().Select(t => new { t.ClientId, t.Tag }).ToListAsync(ct))
            .ToLookup(t => t.ClientId, t => t.Tag);
        // A client belongs to the base from the first of: entered, won, first purchase. Imported history is entered
        // today but bought long ago, and as of those days it was a client.
        var rawClients = await db.Clients.AsNoTracking()
            .Where(c => c.CreatedAt < endOfDay || (c.AcquiredOn != null && c.AcquiredOn <= asOf)
                || db.ClientFigures.Any(f => f.ClientId == c.Id && f.FirstPurchase <= asOf))
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Name, c.Kind, c.Role, c.Industry, c.Region, c.Size, c.Status, c.ManagerId, c.AcquisitionChannelId,
                c.AcquiredOn, c.CreatedAt, c.AcquisitionCost,
                FirstPurchase = c.AcquiredOn == null ? db.ClientFigures.Where(f => f.ClientId == c.Id).Select(f => f.FirstPurchase).FirstOrDefault() : null,
            })
            .ToListAsync(ct);
        // Without an acquisition date a client was won when entered, or at its first purchase if that came earlier.
        var clients = rawClients.Select(c => new ClientFacts(c.Id, c.Name, c.Kind, c.Role, c.Industry, c.Region, c.Size, c.Status,
            c.ManagerId, c.AcquisitionChannelId, c.AcquiredOn ?? Earliest(DateOnly.FromDateTime(c.CreatedAt), c.FirstPurchase), c.AcquisitionCost ?? 0,
            [.. tags[c.Id]])).ToArray();
        var index = new Dictionary<long, int>(clients.Length);
        for (var i = 0; i < clients.Length; i++) index[clients[i].Id] = i;

        var n = clients.Length;
        var totals = new LedgerMonth[n];
        for (var i = 0; i < n; i++) totals[i] = new LedgerMonth();
        foreach (var f in await db.ClientFigures.AsNoTracking().ToListAsync(ct))
            if (index.TryGetValue(f.ClientId, out var i)) totals[i] = ToLedger(f, 0);

        // Lifetime as of the day = running totals − the day's month and later + the day's month up to the day.
        var stored = await db.ClientMonthFigures.AsNoTracking().Where(m => m.Month >= fromMonth).ToListAsync(ct);
        var history = new List<(int Client, LedgerMonth Month)>(stored.Count);
        foreach (var m in stored)
        {
            if (!index.TryGetValue(m.ClientId, out var i)) continue;
            if (m.Month >= asOfMonth) Subtract(totals[i], m);
            else history.Add((i, ToLedger(m, m.Month)));
        }
        foreach (var (clientId, month) in await PartialMonthAsync(db, asOfMonth, asOf, ct))
        {
            if (!index.TryGetValue(clientId, out var i)) continue;
            totals[i].Add(month);
            history.Add((i, month));
        }
        await FillLastPurchaseAsync(db, index, totals, history, asOf, fromMonth, ct);

        var (channelIds, channelIndex, acquisition, unallocated) = await AllocateSpendAsync(db, clients, asOfMonth, ct);

        var figures = new ClientFigures[n];
        for (var i = 0; i < n; i++)
        {
            var t = totals[i];
            figures[i] = new ClientFigures(t.Revenue, t.CostOfGoods, t.Discounts, t.Bonuses, t.Kickbacks, t.ServiceCost, acquisition[i]);
        }
        history.Sort((a, b) => a.Client != b.Client ? a.Client.CompareTo(b.Client) : a.Month.Month.CompareTo(b.Month.Month));
        var months = history.Select(h => new ClientMonthRow(h.Client, h.Month.Month, h.Month.Revenue,
            h.Month.Revenue - h.Month.CostOfGoods - h.Month.Bonuses - h.Month.Kickbacks - h.Month.ServiceCost
                - (MonthIndex.Of(clients[h.Client].AcquiredOn) == h.Month.Month ? acquisition[h.Client] : 0),
            h.Month.Purchases)).ToArray();

        return new AnalyticsBase
        {
            AsOf = asOf, AsOfMonth = asOfMonth, FromMonth = fromMonth, Settings = settings, Clients = clients, Figures = figures,
            Purchases = [.. totals.Select(t => t.Purchases)], FirstPurchase = [.. totals.Select(t => t.FirstPurchase)],
            LastPurchase = [.. totals.Select(t => t.LastPurchase)], Months = months, UnallocatedSpend = unallocated,
            ChannelIds = channelIds, ChannelIndex = channelIndex,
            ChannelNames = await db.AcquisitionChannels.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).ToArrayAsync(ct),
        };
    }

    private static DateOnly Earliest(DateOnly day, DateOnly? other) => other is { } o && o < day ? o : day;

    private static LedgerMonth ToLedger(FiguresColumns f, int month) => new()
    {
        Month = month, Revenue = f.Revenue, CostOfGoods = f.CostOfGoods, Discounts = f.Discounts, Bonuses = f.Bonuses,
        Kickbacks = f.Kickbacks, ServiceCost = f.ServiceCost, Purchases = f.Purchases, FirstPurchase = f.FirstPurchase, LastPurchase = f.LastPurchase,
    };

    private static void Subtract(LedgerMonth total, ClientMonthlyFigures m)
    {
        total.Revenue -= m.Revenue; total.CostOfGoods -= m.CostOfGoods; total.Discounts -= m.Discounts; total.Bonuses -= m.Bonuses;
        total.Kickbacks -= m.Kickbacks; total.ServiceCost -= m.ServiceCost; total.Purchases -= m.Purchases;
    }

    /// <summary>The raw purchases and costs of the analysis month up to the day: the only raw rows analytics read.</summary>
    private static async Task<List<(long ClientId, LedgerMonth Month)>> PartialMonthAsync(ClienteleDb db, int month, DateOnly asOf, CancellationToken ct)
    {
        var first = MonthIndex.FirstDay(month);
        var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.Date >= start && p.Date < end)
            .Select(p => new { p.ClientId, p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase }).ToListAsync(ct);
        var costs = await db.ServiceCosts.AsNoTracking().Where(c => c.Date >= first && c.Date <= asOf)
            .Select(c => new { c.ClientId, c.Date, c.Amount, c.RateToBase }).ToListAsync(ct);
        var byPurchase = purchases.ToLookup(p => p.ClientId);
        var byCost = costs.ToLookup(c => c.ClientId);
        return [.. byPurchase.Select(g => g.Key).Union(byCost.Select(g => g.Key)).Select(clientId => (clientId, Ledger.ByMonth(
            [.. byPurchase[clientId].Select(p => ClientFiguresUpdater.ToLedger(p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase))],
            [.. byCost[clientId].Select(c => new LedgerCost(c.Date, BaseCurrency.ToBase(c.Amount, c.RateToBase)))]).Single()))];
    }

    /// <summary>
    /// The running first/last purchase are lifetime; as of a past day the last one may lie after it. Then the last
    /// month with a purchase on or before the day is looked up, in the loaded months or, for the few clients silent
    /// through the whole window, in one query for them.
    /// </summary>
    private static async Task FillLastPurchaseAsync(ClienteleDb db, Dictionary<long, int> index, LedgerMonth[] totals,
        List<(int Client, LedgerMonth Month)> history, DateOnly asOf, int fromMonth, CancellationToken ct)
    {
        var stale = new HashSet<int>();
        for (var i = 0; i < totals.Length; i++)
        {
            var t = totals[i];
            if (t.Purchases == 0) { t.FirstPurchase = null; t.LastPurchase = null; }
            else if (t.LastPurchase > asOf) { t.LastPurchase = null; stale.Add(i); }
        }
        if (stale.Count == 0) return;
        foreach (var (client, month) in history)
            if (stale.Contains(client) && month.LastPurchase is { } last && (totals[client].LastPurchase is null || last > totals[client].LastPurchase))
                totals[client].LastPurchase = last;
        var silent = index.Where(kv => stale.Contains(kv.Value) && totals[kv.Value].LastPurchase is null).Select(kv => kv.Key).ToArray();
        foreach (var chunk in silent.Chunk(500))
        {
            var lastMonths = await db.ClientMonthFigures.AsNoTracking()
                .Where(m => chunk.Contains(m.ClientId) && m.Month < fromMonth && m.Purchases > 0)
                .GroupBy(m => m.ClientId).Select(g => new { g.Key, Month = g.Max(m => m.Month) }).ToListAsync(ct);
            foreach (var last in lastMonths)
            {
                var day = await db.ClientMonthFigures.AsNoTracking().Where(m => m.ClientId == last.Key && m.Month == last.Month)
                    .Select(m => m.LastPurchase).SingleAsync(ct);
                totals[index[last.Key]].LastPurchase = day;
            }
        }
    }

    /// <summary>
    /// A client's acquisition cost = its own direct cost + its channel's spend of its acquisition month shared evenly
    /// by the clients that channel brought that month. Spend of months in which a channel brought nobody stays
    /// with the channel, unallocated.
    /// </summary>
    private static async Task<(long[] ChannelIds, int[] ChannelIndex, decimal[] Acquisition, Dictionary<int, decimal> Unallocated)> AllocateSpendAsync(
        ClienteleDb db, ClientFacts[] clients, int asOfMonth, CancellationToken ct)
    {
        var channelIds = await db.AcquisitionChannels.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync(ct);
        var channelOf = channelIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var spend = await db.ChannelSpend.AsNoTracking().Where(s => s.Month <= asOfMonth).ToListAsync(ct);
        var cohortSize = new Dictionary<(long, int), int>();
        foreach (var c in clients)
            if (c.ChannelId is { } channel)
                cohortSize[(channel, MonthIndex.Of(c.AcquiredOn))] = cohortSize.GetValueOrDefault((channel, MonthIndex.Of(c.AcquiredOn))) + 1;
        var spendOf = spend.ToDictionary(s => (s.ChannelId, s.Month), s => s.Amount);

        var channelIndex = new int[clients.Length];
        var acquisition = new decimal[clients.Length];
        for (var i = 0; i < clients.Length; i++)
        {
            var c = clients[i];
            channelIndex[i] = c.ChannelId is { } ch && channelOf.TryGetValue(ch, out var k) ? k : -1;
            acquisition[i] = c.DirectAcquisitionCost;
            if (c.ChannelId is { } channel && spendOf.TryGetValue((channel, MonthIndex.Of(c.AcquiredOn)), out var amount))
                acquisition[i] += Math.Round(amount / cohortSize[(channel, MonthIndex.Of(c.AcquiredOn))], 2, MidpointRounding.AwayFromZero);
        }
        var unallocated = new Dictionary<int, decimal>();
        foreach (var s in spend.Where(s => !cohortSize.ContainsKey((s.ChannelId, s.Month)) && channelOf.ContainsKey(s.ChannelId)))
            unallocated[channelOf[s.ChannelId]] = unallocated.GetValueOrDefault(channelOf[s.ChannelId]) + s.Amount;
        return (channelIds, channelIndex, acquisition, unallocated);
    }
}
