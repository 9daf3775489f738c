using Clientele.Analytics.Loyalty;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Loyalty;

/// <summary>
/// Reads what the ladder rules need for the clients with ids in [low, high), one query per kind of fact: the client row
/// (entry day, manager's lost mark), purchase days, interaction days and scores, the clients it referred, its marks.
/// </summary>
public static class LoyaltyFactsReader
{
    public static Task<Dictionary<long, LoyaltyFacts>> ReadAsync(ClienteleDb db, long low, long high, CancellationToken ct) =>
        ReadAsync(db, low, high, null, ct);

    /// <summary>The same for the given clients only.</summary>
    /// <param name="clients">Ascending ids, a chunk small enough for one IN list.</param>
    /// <param name="purchaseDates">The clients' purchase instants when the caller has just read them (the refresh's figures step): not read again.</param>
    public static Task<Dictionary<long, LoyaltyFacts>> ReadAsync(ClienteleDb db, long[] clients, CancellationToken ct, ILookup<long, DateTime>? purchaseDates = null) =>
        ReadAsync(db, clients[0], clients[^1] + 1, clients, ct, purchaseDates);

    private static async Task<Dictionary<long, LoyaltyFacts>> ReadAsync(ClienteleDb db, long low, long high, long[]? only, CancellationToken ct,
        ILookup<long, DateTime>? purchaseDates = null)
    {
        var clientsOf = db.Clients.AsNoTracking().Where(c => c.Id >= low && c.Id < high);
        var purchasesOf = db.Purchases.AsNoTracking().Where(p => p.ClientId >= low && p.ClientId < high);
        var interactionsOf = db.Interactions.AsNoTracking().Where(i => i.ClientId >= low && i.ClientId < high);
        var referredOf = db.Clients.AsNoTracking().Where(c => c.ReferredById >= low && c.ReferredById < high);
        var marksOf = db.Set<ClientLoyalty>().AsNoTracking().Where(l => l.ClientId >= low && l.ClientId < high);
        if (only is not null)
        {
            clientsOf = clientsOf.Where(c => only.Contains(c.Id));
            purchasesOf = purchasesOf.Where(p => only.Contains(p.ClientId));
            interactionsOf = interactionsOf.Where(i => only.Contains(i.ClientId));
            referredOf = referredOf.Where(c => only.Contains(c.ReferredById!.Value));
            marksOf = marksOf.Where(l => only.Contains(l.ClientId));
        }
        var clients = await clientsOf
            .Select(c => new { c.Id, c.CreatedAt, c.AcquiredOn, c.Status, c.LostOn, c.UpdatedAt }).ToListAsync(ct);
        if (clients.Count == 0) return [];
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var purchases = (purchaseDates?.SelectMany(g => g, (g, date) => new { ClientId = g.Key, Date = date })
                ?? await purchasesOf.Select(p => new { p.ClientId, p.Date }).ToListAsync(ct))
            .ToLookup(p => p.ClientId, p => days.DayOf(p.Date));
        var interactions = (await interactionsOf
            .Select(i => new { i.ClientId, i.OccurredAt, i.Score }).ToListAsync(ct)).ToLookup(i => i.ClientId);
        var referrals = (await referredOf
            .Select(c => new { c.ReferredById, c.CreatedAt, c.AcquiredOn }).ToListAsync(ct)).ToLookup(r => r.ReferredById!.Value, r => Entered(days, r.CreatedAt, r.AcquiredOn));
        var marks = await marksOf.ToDictionaryAsync(l => l.ClientId, ct);

        return clients.ToDictionary(c => c.Id, c =>
        {
            var mark = marks.GetValueOrDefault(c.Id);
            var touches = interactions[c.Id].ToList();
            return new LoyaltyFacts(
                Entered(days, c.CreatedAt, c.AcquiredOn),
                [.. touches.Select(i => days.DayOf(i.OccurredAt))],
                [.. purchases[c.Id]],
                [.. referrals[c.Id]],
                [.. touches.Where(i => i.Score is not null).Select(i => new ScoreOn(days.DayOf(i.OccurredAt), i.Score!.Value))],
                mark?.AdvocateMarkedOn,
                c.Status == ClientStatus.Lost ? c.LostOn ?? days.DayOf(c.UpdatedAt) : null,
                mark?.ModelLostFrom);
        });
    }

    /// <summary>A client entered the base when it was recorded, or earlier when it was acquired before the record was made.</summary>
    private static DateOnly Entered(Company.CompanyDays days, DateTime createdAt, DateOnly? acquiredOn)
    {
        var created = days.DayOf(createdAt);
        return acquiredOn is { } acquired && acquired < created ? acquired : created;
    }
}
