using Clientele.Analytics.Loyalty;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Loyalty;

/// <summary>
/// Recomputes every client's path: after a bulk load that bypassed the write path (demo, import), when the owner
/// changes the thresholds, and nightly — lapses run out with no write to notice them, and the base's median interval
/// drifts. Marks (advocate, model's lost day) are kept.
/// </summary>
public static class LoyaltyRebuild
{
    private const int ClientsPerBatch = 5_000;

    /// <param name="modelLostFrom">When given, the churn model's "lost from" day per client replaces the stored ones
    /// (a client left out has none): the nightly job passes what it computed, e.g. from
    /// <c>BgNbdParameters.AgeWhenAliveProbabilityFallsTo</c>. Null keeps the stored days.</param>
    public static async Task RunAsync(ClienteleDb db, CancellationToken ct, IReadOnlyDictionary<long, DateOnly>? modelLostFrom = null)
    {
        var settings = await db.Set<LoyaltySettings>().SingleOrDefaultAsync(s => s.Id == LoyaltySettings.SingleId, ct);
        if (settings is null) db.Add(settings = new LoyaltySettings());
        settings.BaseMedianIntervalDays = await BaseMedianIntervalAsync(db, ct);
        await db.SaveChangesAsync(ct);
        var rules = settings.Rules;
        var today = await db.CompanyTodayAsync(ct);

        await db.Set<ClientLoyaltyStep>().ExecuteDeleteAsync(ct);
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
                var facts = await LoyaltyFactsReader.ReadAsync(db, low, high, ct);
                var states = await db.Set<ClientLoyalty>().Where(l => l.ClientId >= low && l.ClientId < high).ToDictionaryAsync(l => l.ClientId, ct);
                foreach (var (clientId, clientFacts) in facts)
                {
                    if (!states.TryGetValue(clientId, out var state)) db.Add(state = new ClientLoyalty { ClientId = clientId });
                    var withModel = clientFacts;
                    if (modelLostFrom is not null)
                    {
                        state.ModelLostFrom = modelLostFrom.TryGetValue(clientId, out var day) ? day : null;
                        withModel = clientFacts with { ModelLostFrom = state.ModelLostFrom };
                    }
                    LoyaltyUpdater.Store(db, state, LoyaltyPath.Compute(withModel, rules, settings.BaseMedianIntervalDays, today));
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    /// <summary>The median days between a client's consecutive purchase days over the whole base: two columns of every purchase, once a rebuild.</summary>
    private static async Task<double?> BaseMedianIntervalAsync(ClienteleDb db, CancellationToken ct)
    {
        var company = await Company.CompanyDays.OfAsync(db, ct);
        var days = await db.Purchases.AsNoTracking().Select(p => new { p.ClientId, p.Date }).ToListAsync(ct);
        return LoyaltyPath.MedianInterval(days.GroupBy(p => p.ClientId, p => company.DayOf(p.Date)));
    }
}
