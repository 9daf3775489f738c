using Clientele.Analytics.Economics;
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
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.ClientId == clientId)
            .Select(p => new { p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase })
            .ToListAsync(ct);
        var costs = await db.ServiceCosts.AsNoTracking().Where(c => c.ClientId == clientId)
            .Select(c => new { c.Date, c.Amount, c.RateToBase })
            .ToListAsync(ct);
        // From the client's purchases to their lines, both by index: asked the other way round (lines whose purchase is
        // the client's), SQLite scans every line of the base on every write.
        var categories = await (
                from purchase in db.Purchases
                where purchase.ClientId == clientId
                join line in db.PurchaseLines on purchase.Id equals line.PurchaseId
                where line.Product!.CategoryId != null
                select line.Product!.CategoryId)
            .Distinct().CountAsync(ct);

        var months = Ledger.ByMonth(
            [.. purchases.Select(p => ToLedger(p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase))],
            [.. costs.Select(c => new LedgerCost(c.Date, BaseCurrency.ToBase(c.Amount, c.RateToBase)))]);

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

        var last = purchases.Count == 0 ? (DateTime?)null : purchases.Max(p => p.Date);
        await db.Clients.Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PurchaseCount, purchases.Count).SetProperty(c => c.LastPurchaseAt, last), ct);
    }

    public static LedgerPurchase ToLedger(DateTime date, decimal total, decimal costOfGoods, decimal discount, decimal bonus, decimal kickback, decimal rate) =>
        new(DateOnly.FromDateTime(date), BaseCurrency.ToBase(total, rate), BaseCurrency.ToBase(costOfGoods, rate),
            BaseCurrency.ToBase(discount, rate), BaseCurrency.ToBase(bonus, rate), BaseCurrency.ToBase(kickback, rate));

    public static void Copy(LedgerMonth from, FiguresColumns to)
    {
        to.Revenue = from.Revenue; to.CostOfGoods = from.CostOfGoods; to.Discounts = from.Discounts; to.Bonuses = from.Bonuses;
        to.Kickbacks = from.Kickbacks; to.ServiceCost = from.ServiceCost; to.Purchases = from.Purchases;
        to.FirstPurchase = from.FirstPurchase; to.LastPurchase = from.LastPurchase;
    }
}
