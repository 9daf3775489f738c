using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Economics;

/// <summary>
/// Keeps a client's running and monthly figures equal to what its purchases and costs say. Called in the transaction
/// of every purchase or cost write; it reads only that client's rows, so its cost does not grow with the base.
/// </summary>
public static class ClientFiguresUpdater
{
    public static async Task RefreshAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var (purchases, costs, last) = await ReadAsync(days, db.Purchases.Where(p => p.ClientId == clientId), db.ServiceCosts.Where(c => c.ClientId == clientId), ct);
        var categories = await CategoriesAsync(db, clientId, ct);
        var months = Ledger.ByMonth([.. purchases], costs);

        var stored = await db.ClientMonthFigures.Where(m => m.ClientId == clientId).ToDictionaryAsync(m => m.Month, ct);
        foreach (var month in months)
        {
            if (!stored.Remove(month.Month, out var row)) db.ClientMonthFigures.Add(row = new ClientMonthlyFigures { ClientId = clientId, Month = month.Month });
            Copy(month, row);
        }
        db.ClientMonthFigures.RemoveRange(stored.Values);

        var running = await db.ClientFigures.FindAsync([clientId], ct);
        if (months.Count == 0)
        {
            if (running is not null) db.ClientFigures.Remove(running);
        }
        else
        {
            if (running is null) db.ClientFigures.Add(running = new ClientRunningFigures { ClientId = clientId });
            Copy(Ledger.Total(months), running);
            running.Categories = categories;
        }

        await db.Clients.Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PurchaseCount, purchases.Count).SetProperty(c => c.LastPurchaseAt, last), ct);
    }

    /// <summary>
    /// After a new purchase only its month changes: that month is summed again from its raw rows and the running figures
    /// from the client's month rows, so a client with a long history is not re-read on every sale. An edit or deletion
    /// may take a purchase out of a month no longer known here, so those use <see cref="RefreshAsync"/>.
    /// </summary>
    public static async Task AddedAsync(ClienteleDb db, long clientId, DateTime date, CancellationToken ct)
    {
        // The entity still holds the date as given; it is stored in UTC and summed in the company's month.
        if (date.Kind == DateTimeKind.Local) date = date.ToUniversalTime();
        var days = await CompanyDays.OfAsync(db, ct);
        var month = days.MonthOf(date);
        var first = MonthIndex.FirstDay(month);
        var last = MonthIndex.LastDay(month);
        var start = days.StartOf(first);
        var end = days.EndOf(last);
        var (purchases, costs, _) = await ReadAsync(days,
            db.Purchases.Where(p => p.ClientId == clientId && p.Date >= start && p.Date < end),
            db.ServiceCosts.Where(c => c.ClientId == clientId && c.Date >= first && c.Date <= last), ct);
        var sums = Ledger.ByMonth([.. purchases], costs).Single();

        var stored = await db.ClientMonthFigures.Where(m => m.ClientId == clientId).ToListAsync(ct);
        var row = stored.Find(m => m.Month == month);
        if (row is null)
        {
            db.ClientMonthFigures.Add(row = new ClientMonthlyFigures { ClientId = clientId, Month = month });
            stored.Add(row);
        }
        Copy(sums, row);
        var total = Ledger.Total(stored.Select(ToLedger));
        var running = await db.ClientFigures.FindAsync([clientId], ct);
        if (running is null) db.ClientFigures.Add(running = new ClientRunningFigures { ClientId = clientId });
        Copy(total, running);
        running.Categories = await CategoriesAsync(db, clientId, ct);

        await db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PurchaseCount, total.Purchases)
            .SetProperty(c => c.LastPurchaseAt, c => c.LastPurchaseAt == null || c.LastPurchaseAt < date ? date : c.LastPurchaseAt), ct);
    }

    /// <summary>
    /// Distinct product categories the client has bought: from its purchases to their lines, both by index. Asked the
    /// other way round (lines whose purchase is the client's), SQLite scans every line of the base on every write.
    /// </summary>
    private static Task<int> CategoriesAsync(ClienteleDb db, long clientId, CancellationToken ct) => (
            from purchase in db.Purchases
            where purchase.ClientId == clientId
            join line in db.PurchaseLines on purchase.Id equals line.PurchaseId
            where line.Product!.CategoryId != null
            select line.Product!.CategoryId)
        .Distinct().CountAsync(ct);

    /// <summary>The rows of purchases and costs as the ledger takes them, in the base currency, and the last purchase's time.</summary>
    private static async Task<(List<LedgerPurchase> Purchases, LedgerCost[] Costs, DateTime? LastAt)> ReadAsync(CompanyDays days,
        IQueryable<Purchases.Purchase> purchases, IQueryable<ServiceCosts.ServiceCost> costs, CancellationToken ct)
    {
        var bought = await purchases.AsNoTracking()
            .Select(p => new { p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase })
            .ToListAsync(ct);
        var spent = await costs.AsNoTracking().Select(c => new { c.Date, c.Amount, c.RateToBase }).ToListAsync(ct);
        return ([.. bought.Select(p => ToLedger(days, p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase))],
            [.. spent.Select(c => new LedgerCost(c.Date, BaseCurrency.ToBase(c.Amount, c.RateToBase)))],
            bought.Count == 0 ? null : bought.Max(p => p.Date));
    }

    private static LedgerMonth ToLedger(FiguresColumns m) => new()
    {
        Revenue = m.Revenue, CostOfGoods = m.CostOfGoods, Discounts = m.Discounts, Bonuses = m.Bonuses, Kickbacks = m.Kickbacks,
        ServiceCost = m.ServiceCost, Purchases = m.Purchases, FirstPurchase = m.FirstPurchase, LastPurchase = m.LastPurchase,
    };

    /// <summary>A purchase as the ledger takes it: on the company's day of its instant, in the base currency.</summary>
    public static LedgerPurchase ToLedger(CompanyDays days, DateTime date, decimal total, decimal costOfGoods, decimal discount, decimal bonus, decimal kickback, decimal rate) =>
        new(days.DayOf(date), BaseCurrency.ToBase(total, rate), BaseCurrency.ToBase(costOfGoods, rate),
            BaseCurrency.ToBase(discount, rate), BaseCurrency.ToBase(bonus, rate), BaseCurrency.ToBase(kickback, rate));

    public static void Copy(LedgerMonth from, FiguresColumns to)
    {
        to.Revenue = from.Revenue; to.CostOfGoods = from.CostOfGoods; to.Discounts = from.Discounts; to.Bonuses = from.Bonuses;
        to.Kickbacks = from.Kickbacks; to.ServiceCost = from.ServiceCost; to.Purchases = from.Purchases;
        to.FirstPurchase = from.FirstPurchase; to.LastPurchase = from.LastPurchase;
    }
}
