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
    public static async Task RefreshManyAsync(ClienteleDb db, long[] clients, CancellationToken ct)
    {
        var settings = await LoyaltySettings.ReadAsync(db, ct);
        var today = DateOnly.FromDateTime(db.UtcNow);
        var facts = await LoyaltyFactsReader.ReadAsync(db, clients, ct);
        var stored = (await db.Set<ClientLoyaltyStep>().AsNoTracking().Where(s => clients.Contains(s.ClientId))
                .OrderBy(s => s.ClientId).ThenBy(s => s.Date).ThenBy(s => s.Id).Select(s => new { s.ClientId, s.Date, s.Stage, s.PreviousStage }).ToListAsync(ct))
            .ToLookup(s => s.ClientId, s => new StageChange(s.Date, s.Stage, s.PreviousStage));
        var states = await db.Set<ClientLoyalty>().Where(l => clients.Contains(l.ClientId)).ToDictionaryAsync(l => l.ClientId, ct);
        var rewritten = new List<long>();
        var newPaths = new List<(ClientLoyalty State, IReadOnlyList<StageChange> Path)>();
        foreach (var clientId in clients)
        {
            if (!facts.TryGetValue(clientId, out var clientFacts))
            {
                if (stored[clientId].Any()) rewritten.Add(clientId);
                continue;
            }
            var path = LoyaltyPath.Compute(clientFacts, settings.Rules, settings.BaseMedianIntervalDays, today);
            if (!states.TryGetValue(clientId, out var state)) db.Add(state = new ClientLoyalty { ClientId = clientId });
            if (stored[clientId].SequenceEqual(path)) SetStage(db, state, path);
            else
            {
                rewritten.Add(clientId);
                newPaths.Add((state, path));
            }
        }
        if (rewritten.Count > 0) await db.Set<ClientLoyaltyStep>().Where(s => rewritten.Contains(s.ClientId)).ExecuteDeleteAsync(ct);
        // The new steps below EF (an import's first purchases give every client a path of its own: tens of thousands of
        // rows, ADR 028); the stage columns of the states through the context.
        var steps = new List<ClientLoyaltyStep>();
        foreach (var (state, path) in newPaths)
        {
            steps.AddRange(path.Select(change => new ClientLoyaltyStep { ClientId = state.ClientId, Date = change.Date, Stage = change.Stage, PreviousStage = change.Previous }));
            SetStage(db, state, path);
        }
        await Data.BulkRows.InsertAsync(db, steps, withKey: false, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the path's steps and sets the stage now; the caller saves.</summary>
    internal static void Store(ClienteleDb db, ClientLoyalty state, IReadOnlyList<StageChange> path)
    {
        foreach (var change in path)
            db.Add(new ClientLoyaltyStep { ClientId = state.ClientId, Date = change.Date, Stage = change.Stage, PreviousStage = change.Previous });
        SetStage(db, state, path);
    }

    private static void SetStage(ClienteleDb db, ClientLoyalty state, IReadOnlyList<StageChange> path)
    {
        // A client whose only facts lie in the future (a creation day after today) stands at the bottom until then.
        state.Stage = path.Count == 0 ? LoyaltyStage.Prospect : path[^1].Stage;
        state.Since = path.Count == 0 ? db.CompanyToday() : path[^1].Date;
    }
}
