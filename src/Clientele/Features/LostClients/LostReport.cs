using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>The lost report and the win-back list, read from the loss rows and the monthly figures.</summary>
public static class LostReport
{
    /// <summary>The months of figures each loss looks back on, its own month included.</summary>
    public const int WindowMonths = 12;

    private sealed record Loss(long ClientId, string Name, DateOnly LostOn, long ReasonId, string? ReasonCode, string Reason,
        long? CompetitorId, string? Competitor, long? ManagerId, DateOnly? WonBackOn);

    public static async Task<LostReportResponse> BuildAsync(ClienteleDb db, DateOnly from, DateOnly to, long? managerId, LostPeriod by, CancellationToken ct)
    {
        var query = db.Set<ClientLoss>().AsNoTracking().Where(l => l.LostOn >= from && l.LostOn <= to);
        if (managerId is { } m) query = query.Where(l => l.ManagerId == m);
        var masks = db.Access.MasksNames;
        var losses = await (from l in query
                            join c in db.Clients on l.ClientId equals c.Id
                            orderby l.LostOn, l.Id
                            select new Loss(l.ClientId, masks ? Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name, l.LostOn, l.ReasonId, l.Reason!.Code, l.Reason.Name, l.CompetitorId,
                                l.Competitor!.Name, l.ManagerId, l.WonBackOn)).ToListAsync(ct);
        var months = await RevenueByMonthAsync(db, losses.Select(l => l.ClientId).Distinct().ToArray(),
            losses.Count == 0 ? 0 : MonthIndex.Of(losses.Min(l => l.LostOn)) - WindowMonths + 1, losses.Count == 0 ? 0 : MonthIndex.Of(losses.Max(l => l.LostOn)), ct);
        var managers = await ManagerNamesAsync(db, ct);
        var rows = losses.Select(l => new LostClientRow(l.ClientId, l.Name, l.LostOn, l.ReasonId, l.ReasonCode, l.Reason, l.CompetitorId, l.Competitor,
            l.ManagerId, l.ManagerId is { } id ? managers.GetValueOrDefault(id) : null, WindowSum(months, l.ClientId, MonthIndex.Of(l.LostOn)), l.WonBackOn)).ToArray();

        var byReason = Group(rows, r => r.ReasonId, r => r.ReasonCode, r => r.Reason);
        var byCompetitor = Group(rows, r => r.CompetitorId, _ => null, r => r.Competitor ?? "");
        var byManager = Group(rows, r => r.ManagerId, _ => null, r => r.Manager ?? "");
        var byPeriod = rows.GroupBy(r => PeriodStart(r.LostOn, by)).OrderBy(g => g.Key)
            .Select(g => new LostPeriodRow(Label(g.Key, by), g.Key, g.Count(), g.Sum(r => r.RevenueLost), Group(g, r => r.ReasonId, r => r.ReasonCode, r => r.Reason)))
            .ToArray();
        var currency = (await new CompanySettingsReader(db).GetAsync(ct)).BaseCurrency;
        return new LostReportResponse(from, to, by, managerId, currency, rows.Length, rows.Sum(r => r.RevenueLost),
            byReason, byCompetitor, byPeriod, byManager, rows);
    }

    public static async Task<WinBackResponse> WinBackAsync(ClienteleDb db, long? managerId, CancellationToken ct)
    {
        var query = db.Set<ClientLoss>().AsNoTracking().Where(l => l.WonBackOn == null && (l.Reason!.Code == null || !LostRules.NotWinnable.Contains(l.Reason.Code)));
        var masks = db.Access.MasksNames;
        var open = await (from l in query
                          join c in db.Clients on l.ClientId equals c.Id
                          where c.Status == ClientStatus.Lost && (managerId == null || c.ManagerId == managerId)
                          select new { Loss = new Loss(l.ClientId, masks ? Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name, l.LostOn, l.ReasonId, l.Reason!.Code, l.Reason.Name, l.CompetitorId, l.Competitor!.Name, c.ManagerId, null),
                              c.LastPurchaseAt }).ToListAsync(ct);
        var managers = await ManagerNamesAsync(db, ct);
        var ids = open.Where(o => o.LastPurchaseAt != null).Select(o => o.Loss.ClientId).ToArray();
        var figures = new Dictionary<long, List<(int Month, decimal Revenue, decimal Contribution)>>();
        foreach (var chunk in ids.Chunk(500))
        {
            var read = await db.ClientMonthFigures.AsNoTracking().Where(f => chunk.Contains(f.ClientId))
                .Select(f => new { f.ClientId, f.Month, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost })
                .ToListAsync(ct);
            // Summed here: the columns hold minor units through a converter, which arithmetic in SQL would bypass.
            foreach (var f in read)
            {
                if (!figures.TryGetValue(f.ClientId, out var list)) figures[f.ClientId] = list = [];
                list.Add((f.Month, f.Revenue, Margins.BeforeAcquisition(f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost)));
            }
        }
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var ranked = open
            .Select(o =>
            {
                var last = o.LastPurchaseAt is { } at ? days.DayOf(at) : (DateOnly?)null;
                var window = last is { } day && figures.TryGetValue(o.Loss.ClientId, out var list)
                    ? list.Where(f => f.Month > MonthIndex.Of(day) - WindowMonths && f.Month <= MonthIndex.Of(day)).ToList() : [];
                return (o.Loss, Last: last, Revenue: window.Sum(f => f.Revenue), Contribution: window.Sum(f => f.Contribution));
            })
            .Where(x => x.Contribution > 0)
            .OrderByDescending(x => x.Contribution).ThenBy(x => x.Loss.ClientId)
            .Select((x, i) => new WinBackRow(i + 1, x.Loss.ClientId, x.Loss.Name, x.Loss.ManagerId, x.Loss.ManagerId is { } id ? managers.GetValueOrDefault(id) : null,
                x.Loss.LostOn, x.Loss.ReasonId, x.Loss.ReasonCode, x.Loss.Reason, x.Loss.CompetitorId, x.Loss.Competitor, x.Last, x.Revenue, x.Contribution))
            .ToArray();
        var currency = (await new CompanySettingsReader(db).GetAsync(ct)).BaseCurrency;
        return new WinBackResponse(currency, ranked.Length, ranked);
    }

    /// <summary>Revenue by client and month index for the clients and months given.</summary>
    private static async Task<Dictionary<(long Client, int Month), decimal>> RevenueByMonthAsync(ClienteleDb db, long[] clients, int fromMonth, int toMonth, CancellationToken ct)
    {
        var result = new Dictionary<(long, int), decimal>();
        foreach (var chunk in clients.Chunk(500))
            foreach (var f in await db.ClientMonthFigures.AsNoTracking().Where(f => chunk.Contains(f.ClientId) && f.Month >= fromMonth && f.Month <= toMonth)
                         .Select(f => new { f.ClientId, f.Month, f.Revenue }).ToListAsync(ct))
                result[(f.ClientId, f.Month)] = f.Revenue;
        return result;
    }

    internal static decimal WindowSum(Dictionary<(long Client, int Month), decimal> months, long client, int lastMonth)
    {
        var sum = 0m;
        for (var m = lastMonth - WindowMonths + 1; m <= lastMonth; m++) sum += months.GetValueOrDefault((client, m));
        return sum;
    }

    private static LostGroupRow[] Group(IEnumerable<LostClientRow> rows, Func<LostClientRow, long?> id, Func<LostClientRow, string?> code, Func<LostClientRow, string> name) =>
        [.. rows.GroupBy(id).Select(g => new LostGroupRow(g.Key, code(g.First()), name(g.First()), g.Count(), g.Sum(r => r.RevenueLost)))
            .OrderByDescending(r => r.RevenueLost).ThenByDescending(r => r.Count).ThenBy(r => r.Id)];

    public static DateOnly PeriodStart(DateOnly day, LostPeriod by) =>
        by == LostPeriod.Quarter ? new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1) : new DateOnly(day.Year, day.Month, 1);

    public static string Label(DateOnly start, LostPeriod by) =>
        by == LostPeriod.Quarter ? $"{start.Year}-Q{(start.Month - 1) / 3 + 1}" : start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Dictionary<long, string>> ManagerNamesAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<Employee>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.DisplayName, ct);
}
