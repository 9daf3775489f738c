using Clientele.Analytics.Economics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Economics;

/// <summary>
/// Recomputes every client's figures (and its purchase count and last purchase) from the raw rows: after a bulk load (demo, import) that bypassed the write path,
/// after the company's time zone changed (its days and months move, ADR 023), and as the reference the incremental figures are tested against. Uses the same <see cref="Ledger"/> as the write path.
/// </summary>
public static class FiguresRebuild
{
    /// <summary>Clients per round trip: bounded memory, and no reader left open while the batch is written.</summary>
    private const int ClientsPerBatch = 5_000;

    public static async Task RunAsync(ClienteleDb db, CancellationToken ct)
    {
        await db.ClientMonthFigures.ExecuteDeleteAsync(ct);
        await db.ClientFigures.ExecuteDeleteAsync(ct);
        if (!await db.Clients.AnyAsync(ct)) return;
        var firstId = await db.Clients.MinAsync(c => c.Id, ct);
        var lastId = await db.Clients.MaxAsync(c => c.Id, ct);

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var low = firstId; low <= lastId; low += ClientsPerBatch)
            {
                var high = low + ClientsPerBatch;
                var (months, running, _) = await RebuildRangeAsync(db, low, high, ct);
                db.ClientMonthFigures.AddRange(months);
                db.ClientFigures.AddRange(running);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    /// <summary>
    /// The same rebuild for the given clients only (a bulk write of many clients' rows, <see cref="Clients.ClientRefresh"/>):
    /// their rows are replaced, set-wise, by what the ledger makes of their raw rows, written below EF (<see cref="Data.BulkRows"/>:
    /// an import's refresh writes about three derived rows per client, which through SaveChanges took longer than the import itself, ADR 028).
    /// </summary>
    /// <param name="clients">Ascending ids, a chunk small enough for one IN list.</param>
    /// <returns>The clients' purchase instants as read, for the rest of the refresh (the loyalty facts) not to read them again.</returns>
    public static async Task<ILookup<long, DateTime>> ClientsAsync(ClienteleDb db, long[] clients, CancellationToken ct)
    {
        // Rows of these clients an earlier write left tracked would collide with the new ones of the same key.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ClientMonthlyFigures m && clients.Contains(m.ClientId)
                     || e.Entity is ClientRunningFigures r && clients.Contains(r.ClientId)).ToList())
            entry.State = EntityState.Detached;
        await db.ClientMonthFigures.Where(m => clients.Contains(m.ClientId)).ExecuteDeleteAsync(ct);
        await db.ClientFigures.Where(f => clients.Contains(f.ClientId)).ExecuteDeleteAsync(ct);
        var (months, running, purchaseDates) = await RebuildRangeAsync(db, clients[0], clients[^1] + 1, ct, clients);
        await Data.BulkRows.InsertAsync(db, months, withKey: true, ct);
        await Data.BulkRows.InsertAsync(db, running, withKey: true, ct);
        // The purchase columns from the purchases just read, not the correlated sub-queries per client the
        // all-clients rebuild runs (ADR 034): the cross-check tests compare the two.
        await Data.BulkRows.UpdateAsync<Clients.Client>(db, [nameof(Clients.Client.PurchaseCount), nameof(Clients.Client.LastPurchaseAt)],
            [.. clients.Select(id => new object?[] { id, purchaseDates[id].Count(), purchaseDates[id].Select(d => (DateTime?)d).Max() })], ct);
        return purchaseDates;
    }

    /// <summary>The figures rows the ledger makes of the clients' raw rows (not added to the context); the clients' purchase columns updated.</summary>
    private static async Task<(List<ClientMonthlyFigures> Months, List<ClientRunningFigures> Running, ILookup<long, DateTime> PurchaseDates)> RebuildRangeAsync(ClienteleDb db, long low, long high, CancellationToken ct, long[]? only = null)
    {
        var purchasesOf = db.Purchases.AsNoTracking().Where(p => p.ClientId >= low && p.ClientId < high);
        var costsOf = db.ServiceCosts.AsNoTracking().Where(c => c.ClientId >= low && c.ClientId < high);
        var clientsOf = db.Clients.Where(c => c.Id >= low && c.Id < high);
        if (only is not null)
        {
            purchasesOf = purchasesOf.Where(p => only.Contains(p.ClientId));
            costsOf = costsOf.Where(c => only.Contains(c.ClientId));
            clientsOf = clientsOf.Where(c => only.Contains(c.Id));
        }
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var purchaseRows = await purchasesOf
            .Select(p => new { p.ClientId, p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase })
            .ToListAsync(ct);
        var purchases = purchaseRows
            .ToLookup(p => p.ClientId, p => ClientFiguresUpdater.ToLedger(days, p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase));
        var costs = (await costsOf
                .Select(c => new { c.ClientId, c.Date, c.Amount, c.RateToBase })
                .ToListAsync(ct))
            .ToLookup(c => c.ClientId, c => new LedgerCost(c.Date, BaseCurrency.ToBase(c.Amount, c.RateToBase)));
        var categories = await (
                from line in db.PurchaseLines
                join purchase in purchasesOf on line.PurchaseId equals purchase.Id
                where line.Product!.CategoryId != null
                select new { purchase.ClientId, line.Product!.CategoryId })
            .Distinct().GroupBy(x => x.ClientId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // The client's own purchase columns as well, which the per-client update keeps and the grid filters and sorts by:
        // a bulk writer on the all-clients path would otherwise leave them as they were. (The given clients' are set by
        // the caller from the rows read above.)
        if (only is null)
            await clientsOf.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PurchaseCount, c => db.Purchases.Count(p => p.ClientId == c.Id))
                .SetProperty(c => c.LastPurchaseAt, c => db.Purchases.Where(p => p.ClientId == c.Id).Max(p => (DateTime?)p.Date)), ct);

        var monthRows = new List<ClientMonthlyFigures>();
        var runningRows = new List<ClientRunningFigures>();
        foreach (var clientId in purchases.Select(g => g.Key).Union(costs.Select(g => g.Key)))
        {
            var months = Ledger.ByMonth([.. purchases[clientId]], [.. costs[clientId]]);
            foreach (var month in months)
            {
                var row = new ClientMonthlyFigures { ClientId = clientId, Month = month.Month };
                ClientFiguresUpdater.Copy(month, row);
                monthRows.Add(row);
            }
            var running = new ClientRunningFigures { ClientId = clientId, Categories = categories.GetValueOrDefault(clientId) };
            ClientFiguresUpdater.Copy(Ledger.Total(months), running);
            runningRows.Add(running);
        }
        return (monthRows, runningRows, purchaseRows.ToLookup(p => p.ClientId, p => p.Date));
    }
}
