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
    public static async Task<Dictionary<long, LoyaltyFacts>> ReadAsync(ClienteleDb db, long low, long high, CancellationToken ct)
    {
        var clients = await db.Clients.AsNoTracking().Where(c => c.Id >= low && c.Id < high)
            .Select(c => new { c.Id, c.CreatedAt, c.AcquiredOn, c.Status, c.LostOn, c.UpdatedAt }).ToListAsync(ct);
        if (clients.Count == 0) return [];
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var purchases = (await db.Purchases.AsNoTracking().Where(p => p.ClientId >= low && p.ClientId < high)
            .Select(p => new { p.ClientId, p.Date }).ToListAsync(ct)).ToLookup(p => p.ClientId, p => days.DayOf(p.Date));
        var interactions = (await db.Interactions.AsNoTracking().Where(i => i.ClientId >= low && i.ClientId < high)
            .Select(i => new { i.ClientId, i.OccurredAt, i.Score }).ToListAsync(ct)).ToLookup(i => i.ClientId);
        var referrals = (await db.Clients.AsNoTracking().Where(c => c.ReferredById >= low && c.ReferredById < high)
            .Select(c => new { c.ReferredById, c.CreatedAt, c.AcquiredOn }).ToListAsync(ct)).ToLookup(r => r.ReferredById!.Value, r => Entered(days, r.CreatedAt, r.AcquiredOn));
        var marks = await db.Set<ClientLoyalty>().AsNoTracking().Where(l => l.ClientId >= low && l.ClientId < high)
            .ToDictionaryAsync(l => l.ClientId, ct);

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
