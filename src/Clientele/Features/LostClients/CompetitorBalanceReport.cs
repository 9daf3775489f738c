using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>A competitor's clients won and lost in the period; Id 0 is the total row.</summary>
public sealed record CompetitorBalanceItem(
    long CompetitorId, string Name, int Won, decimal WonRevenue, decimal WonContribution, int Lost, decimal LostRevenue, int Net, decimal NetRevenue);

/// <summary>
/// Clients won from each competitor (their previous supplier, won on a day in [From..To]) with their revenue and
/// contribution in the months of the period, against clients lost to it in the period with their revenue in the 12
/// months up to the loss (as the lost report counts it). Only the clients the reader sees are counted.
/// </summary>
public sealed record CompetitorBalanceResponse(DateOnly From, DateOnly To, long? ManagerId, string Currency, CompetitorBalanceItem Total, CompetitorBalanceItem[] Competitors);

/// <summary>Reads the won-from and lost-to rows through the reader's own context and hands them to <see cref="CompetitorBalance"/>.</summary>
public static class CompetitorBalanceReport
{
    public static async Task<CompetitorBalanceResponse> BuildAsync(ClienteleDb db, DateOnly from, DateOnly to, long? managerId, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        // The clients filter of the reader's context keeps other managers' clients out of every count below.
        var candidates = await (from c in db.Clients.AsNoTracking()
                                where c.PreviousSupplierId != null && (managerId == null || c.ManagerId == managerId)
                                join f in db.ClientFigures.AsNoTracking() on c.Id equals f.ClientId into figures
                                from f in figures.DefaultIfEmpty()
                                select new { c.Id, Competitor = c.PreviousSupplierId!.Value, c.AcquiredOn, FirstPurchase = f == null ? null : f.FirstPurchase, c.CreatedAt })
            .ToListAsync(ct);
        var won = candidates.Where(c => CompetitorBalance.WonOn(c.AcquiredOn, c.FirstPurchase, days.DayOf(c.CreatedAt)) is var day && day >= from && day <= to).ToList();
        var money = await PeriodFiguresAsync(db, [.. won.Select(w => w.Id)], MonthIndex.Of(from), MonthIndex.Of(to), ct);
        var wonRows = won.Select(w => money.TryGetValue(w.Id, out var m) ? new ClientWonFrom(w.Competitor, m.Revenue, m.Contribution) : new ClientWonFrom(w.Competitor, 0, 0));

        // The lost side is the lost report's own rows (same scope, same manager-at-the-time rule, same revenue window).
        var lost = await LostReport.BuildAsync(db, from, to, managerId, LostPeriod.Month, ct);
        var lostRows = lost.Clients.Where(c => c.CompetitorId is not null).Select(c => new ClientLostTo(c.CompetitorId!.Value, c.RevenueLost));

        var register = await db.Set<Competitor>().AsNoTracking().Select(c => new { c.Id, c.Name, c.MergedIntoId }).ToListAsync(ct);
        var mergedInto = register.Where(c => c.MergedIntoId is not null).ToDictionary(c => c.Id, c => c.MergedIntoId!.Value);
        var names = register.ToDictionary(c => c.Id, c => c.Name);
        var rows = CompetitorBalance.Compute(wonRows, lostRows, mergedInto);
        var currency = (await new CompanySettingsReader(db).GetAsync(ct)).BaseCurrency;
        return new CompetitorBalanceResponse(from, to, managerId, currency, Item(CompetitorBalance.Total(rows), ""),
            [.. rows.Select(r => Item(r, names.GetValueOrDefault(r.CompetitorId, "")))]);
    }

    private static CompetitorBalanceItem Item(CompetitorBalanceRow r, string name) =>
        new(r.CompetitorId, name, r.Won, r.WonRevenue, r.WonContribution, r.Lost, r.LostRevenue, r.Net, r.NetRevenue);

    /// <summary>Revenue and contribution (before acquisition, as the win-back list counts it) per client over the months given.</summary>
    private static async Task<Dictionary<long, (decimal Revenue, decimal Contribution)>> PeriodFiguresAsync(
        ClienteleDb db, long[] clients, int fromMonth, int toMonth, CancellationToken ct)
    {
        var result = new Dictionary<long, (decimal Revenue, decimal Contribution)>();
        foreach (var chunk in clients.Chunk(500))
        {
            var read = await db.ClientMonthFigures.AsNoTracking().Where(f => chunk.Contains(f.ClientId) && f.Month >= fromMonth && f.Month <= toMonth)
                .Select(f => new { f.ClientId, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost }).ToListAsync(ct);
            // Summed here: the columns hold minor units through a converter, which arithmetic in SQL would bypass.
            foreach (var f in read)
            {
                var sum = result.GetValueOrDefault(f.ClientId);
                result[f.ClientId] = (sum.Revenue + f.Revenue,
                    sum.Contribution + Margins.BeforeAcquisition(f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost));
            }
        }
        return result;
    }
}
