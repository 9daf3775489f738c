using Clientele.Analytics.Loyalty;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Loyalty;

/// <summary>
/// Recomputes one client's path and stage from its facts. Called in the transaction of every write that changes them
/// (purchases, interactions, the client record and the clients it referred, the advocate mark); reads that client's
/// rows only, and the base's median interval as the last rebuild stored it.
/// </summary>
public static class LoyaltyUpdater
{
    public static async Task RefreshAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var settings = await LoyaltySettings.ReadAsync(db, ct);
        var facts = await LoyaltyFactsReader.ReadAsync(db, clientId, clientId + 1, ct);
        var stored = await db.Set<ClientLoyaltyStep>().AsNoTracking().Where(s => s.ClientId == clientId)
            .OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new StageChange(s.Date, s.Stage, s.PreviousStage)).ToListAsync(ct);
        if (!facts.TryGetValue(clientId, out var clientFacts))
        {
            if (stored.Count > 0) await db.Set<ClientLoyaltyStep>().Where(s => s.ClientId == clientId).ExecuteDeleteAsync(ct);
            return;
        }
        var path = LoyaltyPath.Compute(clientFacts, settings.Rules, settings.BaseMedianIntervalDays, await db.CompanyTodayAsync(ct));
        var state = await db.Set<ClientLoyalty>().FindAsync([clientId], ct);
        if (state is null) db.Add(state = new ClientLoyalty { ClientId = clientId });
        // A path that came out as it was stored keeps its rows: an undo (an import rolled back) then leaves the table
        // exactly as before, and a write that changes nothing on the ladder writes nothing there.
        if (stored.SequenceEqual(path)) SetStage(db, state, path);
        else
        {
            await db.Set<ClientLoyaltyStep>().Where(s => s.ClientId == clientId).ExecuteDeleteAsync(ct);
            Store(db, state, path);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// <see cref="RefreshAsync"/> for many clients at once (a bulk write): the same facts, rules and comparison with the
    /// stored path, read and written set-wise — a query per kind of fact for the whole chunk, one delete of the paths that changed.
    /// </summary>
    /// <param name="clients">Ascending ids, a chunk small enough for one IN list.</param>
    /// <param name="purchaseDates">The clients' purchase instants when the caller has just read them: not read again.</param>
    public static async Task RefreshManyAsync(ClienteleDb db, long[] clients, CancellationToken ct, ILookup<long, DateTime>? purchaseDates = null)
    {
        var settings = await LoyaltySettings.ReadAsync(db, ct);
        var today = DateOnly.FromDateTime(db.UtcNow);
        var facts = await LoyaltyFactsReader.ReadAsync(db, clients, ct, purchaseDates);
        var stored = (await db.Set<ClientLoyaltyStep>().AsNoTracking().Where(s => clients.Contains(s.ClientId))
                .OrderBy(s => s.ClientId).ThenBy(s => s.Date).ThenBy(s => s.Id).Select(s => new { s.ClientId, s.Date, s.Stage, s.PreviousStage }).ToListAsync(ct))
            .ToLookup(s => s.ClientId, s => new StageChange(s.Date, s.Stage, s.PreviousStage));
        // The states are read, compared and written below EF (ADR 034): through the change tracker their stage columns
        // cost more than the paths. A state an earlier write left tracked would go stale, so it is let go first.
        foreach (var entry in db.ChangeTracker.Entries<ClientLoyalty>().Where(e => clients.Contains(e.Entity.ClientId)).ToList())
            entry.State = EntityState.Detached;
        var states = await db.Set<ClientLoyalty>().AsNoTracking().Where(l => clients.Contains(l.ClientId))
            .Select(l => new { l.ClientId, l.Stage, l.Since }).ToDictionaryAsync(l => l.ClientId, l => (l.Stage, l.Since), ct);
        var companyToday = await db.CompanyTodayAsync(ct);
        var rewritten = new List<long>();
        var steps = new List<ClientLoyaltyStep>();
        var added = new List<ClientLoyalty>();
        var changed = new List<object?[]>();
        foreach (var clientId in clients)
        {
            if (!facts.TryGetValue(clientId, out var clientFacts))
            {
                if (stored[clientId].Any()) rewritten.Add(clientId);
                continue;
            }
            var path = LoyaltyPath.Compute(clientFacts, settings.Rules, settings.BaseMedianIntervalDays, today);
            if (!stored[clientId].SequenceEqual(path))
            {
                rewritten.Add(clientId);
                steps.AddRange(path.Select(change => new ClientLoyaltyStep { ClientId = clientId, Date = change.Date, Stage = change.Stage, PreviousStage = change.Previous }));
            }
            var stage = StageOf(path, companyToday);
            if (!states.TryGetValue(clientId, out var before)) added.Add(new ClientLoyalty { ClientId = clientId, Stage = stage.Stage, Since = stage.Since });
            else if (before != stage) changed.Add([clientId, stage.Stage, stage.Since]);
        }
        if (rewritten.Count > 0) await db.Set<ClientLoyaltyStep>().Where(s => rewritten.Contains(s.ClientId)).ExecuteDeleteAsync(ct);
        await Data.BulkRows.InsertAsync(db, steps, withKey: false, ct);
        await Data.BulkRows.InsertAsync(db, added, withKey: true, ct);
        await Data.BulkRows.UpdateAsync<ClientLoyalty>(db, [nameof(ClientLoyalty.Stage), nameof(ClientLoyalty.Since)], changed, ct);
    }

    /// <summary>Adds the path's steps and sets the stage now; the caller saves.</summary>
    internal static void Store(ClienteleDb db, ClientLoyalty state, IReadOnlyList<StageChange> path)
    {
        foreach (var change in path)
            db.Add(new ClientLoyaltyStep { ClientId = state.ClientId, Date = change.Date, Stage = change.Stage, PreviousStage = change.Previous });
        SetStage(db, state, path);
    }

    private static void SetStage(ClienteleDb db, ClientLoyalty state, IReadOnlyList<StageChange> path) =>
        (state.Stage, state.Since) = StageOf(path, path.Count == 0 ? db.CompanyToday() : default);

    /// <summary>Where the path leaves the client; a client whose only facts lie in the future (a creation day after today) stands at the bottom until then.</summary>
    private static (LoyaltyStage Stage, DateOnly Since) StageOf(IReadOnlyList<StageChange> path, DateOnly companyToday) =>
        path.Count == 0 ? (LoyaltyStage.Prospect, companyToday) : (path[^1].Stage, path[^1].Date);
}
