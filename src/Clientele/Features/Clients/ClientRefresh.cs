using Clientele.Features.Analytics;
using Clientele.Features.Economics;
using Clientele.Features.LostClients;
using Clientele.Features.Loyalty;
using Clientele.Features.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>Which of a client's raw rows a write changed; <see cref="ClientRefresh"/> knows what follows from each.</summary>
[Flags]
public enum ChangedRows
{
    Purchases = 1,
    ServiceCosts = 2,
    Interactions = 4,
    /// <summary>The client row itself and its marks (lost, won back, advocate).</summary>
    Record = 8,
    /// <summary>The owner's loyalty thresholds: every client's path, no client row.</summary>
    LoyaltyRules = 16,
    All = Purchases | ServiceCosts | Interactions | Record,
}

/// <summary>What a writer changed: which clients (or all of them) and which of their rows.</summary>
public sealed record ClientWrite
{
    public IReadOnlyList<long> Clients { get; private init; } = [];
    public bool Everyone { get; private init; }
    public ChangedRows Rows { get; private init; }
    /// <summary>A purchase just added and still attached: only its month's figures change.</summary>
    public Purchase? AddedPurchase { get; private init; }
    /// <summary>The client row as the writer left it: its free-text loss fields become loss rows.</summary>
    public Client? Record { get; private init; }
    /// <summary>The loyalty rows were put back as they were stored (a merge undone): they are not recomputed.</summary>
    public bool LoyaltyAsStored { get; private init; }
    /// <summary>Client rows overwritten in bulk, not through a tracked entity: each one's loss rows follow its status.</summary>
    public bool LossesFollowStatus { get; private init; }
    /// <summary>Clients created in bulk with consecutive ids (a client import): seeded set-based, no per-client round trips.</summary>
    public (long First, long Last)? CreatedRange { get; private init; }

    public static ClientWrite Of(ChangedRows rows, IEnumerable<long> clients) => new() { Rows = rows, Clients = [.. clients.Distinct().Order()] };

    public static ClientWrite Of(ChangedRows rows, params long[] clients) => Of(rows, clients.AsEnumerable());

    /// <summary>
    /// A client import or its rollback: the existing clients in <paramref name="overwritten"/> got new field values (their
    /// status among them), and the clients with ids from <paramref name="created"/>.First to .Last are new, without
    /// purchases, interactions or referrals yet.
    /// </summary>
    public static ClientWrite Imported(IEnumerable<long> overwritten, (long First, long Last)? created = null) =>
        Of(ChangedRows.Record, overwritten) with { LossesFollowStatus = true, CreatedRange = created is { } r && r.First <= r.Last ? r : null };

    /// <summary>A bulk write (demo load): every client, recomputed set-based.</summary>
    public static ClientWrite AllClients(ChangedRows rows) => new() { Rows = rows, Everyone = true };

    /// <summary>Rows loaded as they were written, derived ones included (restore): nothing to recompute, the reports move on.</summary>
    public static readonly ClientWrite Restored = new();

    /// <summary>A merge undone: rows moved back to both clients, whose loyalty rows are put back as they were before the merge.</summary>
    public static ClientWrite MergeUndone(long kept, long merged) =>
        Of(ChangedRows.Purchases | ChangedRows.ServiceCosts, kept, merged) with { LoyaltyAsStored = true };

    /// <summary>A purchase created, changed or deleted; a new one takes the fast path.</summary>
    public static ClientWrite Purchase(ClienteleDb db, Purchase purchase) => Of(ChangedRows.Purchases, purchase.ClientId) with
    {
        AddedPurchase = purchase.Version == 1 && db.Entry(purchase).State != EntityState.Detached ? purchase : null,
    };

    /// <summary>The client row written; a referred client's creation is evidence that its referrer advocates the firm.</summary>
    public static ClientWrite Saved(Client client) =>
        Of(ChangedRows.Record, client.ReferredById is { } referrer ? [client.Id, referrer] : [client.Id]) with { Record = client };
}

/// <summary>
/// The one refresh path after a client's rows change (docs/decisions/008-one-refresh-path.md). Every writer — API and
/// forms, every import and its rollback, merges and their undo, erasure, restore, the demo — calls <see cref="RunAsync"/>
/// in its transaction with what it changed; this brings everything derived from those clients' rows up to date (running
/// and monthly figures with the client's purchase count and last purchase, lost and won-back state, loyalty stage and
/// path) and moves the analytics cache on when the transaction commits.
/// </summary>
public static class ClientRefresh
{
    private const ChangedRows FiguresFrom = ChangedRows.Purchases | ChangedRows.ServiceCosts;
    private const ChangedRows LossFrom = ChangedRows.Purchases | ChangedRows.Record;
    /// <summary>Clients per set-wise step of a bulk refresh: one IN list, bounded memory.</summary>
    private const int ClientsPerChunk = 1_000;
    private const ChangedRows LoyaltyFrom = ChangedRows.Purchases | ChangedRows.Interactions | ChangedRows.Record | ChangedRows.LoyaltyRules;

    public static async Task RunAsync(ClienteleDb db, ClientWrite write, CancellationToken ct)
    {
        if (write.Everyone) await RefreshEveryoneAsync(db, write.Rows, ct);
        else if (write.Clients.Count > 1 && write.CreatedRange is null && !write.LossesFollowStatus && (write.Rows & ChangedRows.Record) == 0)
            await RefreshManyAsync(db, write, ct);
        else
        {
            if (write.CreatedRange is { } created) await SeedCreatedAsync(db, created.First, created.Last, ct);
            foreach (var clientId in write.Clients)
            {
                await RefreshAsync(db, clientId, write, ct);
                // A large import refreshes thousands of clients; nothing loaded for one is needed for the next.
                if (write.Clients.Count > 1) LetGoOfDerivedRows(db);
            }
        }
        await AnalyticsCommit.StaleAsync(db);
    }

    private static async Task RefreshAsync(ClienteleDb db, long clientId, ClientWrite write, CancellationToken ct)
    {
        if ((write.Rows & FiguresFrom) != 0)
        {
            await (write.AddedPurchase is { } added && added.ClientId == clientId
                ? ClientFiguresUpdater.AddedAsync(db, clientId, added.Date, ct)
                : ClientFiguresUpdater.RefreshAsync(db, clientId, ct));
            await db.SaveChangesAsync(ct);
        }
        if ((write.Rows & LossFrom) != 0)
        {
            if (write.Record is { } record && record.Id == clientId) await LostSync.AfterClientWriteAsync(db, record, ct);
            else if (write.LossesFollowStatus && await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, ct) is { } overwritten)
                await LostSync.AfterClientWriteAsync(db, overwritten, ct);
            await db.SaveChangesAsync(ct);
            if ((write.Rows & ChangedRows.Purchases) != 0)
            {
                await LostSync.WinBackByPurchaseAsync(db, clientId, ct);
                await db.SaveChangesAsync(ct);
            }
        }
        if ((write.Rows & LoyaltyFrom) != 0 && !write.LoyaltyAsStored) await LoyaltyUpdater.RefreshAsync(db, clientId, ct);
    }

    /// <summary>
    /// Many clients' purchases, costs or interactions (an import, its rollback, a merge): what <see cref="RefreshAsync"/>
    /// does for each, done a chunk of clients at a time with a query per kind of row rather than per client. Each
    /// client's derived rows depend on its own raw rows only, so doing a chunk's figures, then its win-backs, then its
    /// paths gives what client by client would; the chunk's purchases are read once, by the figures step, and handed
    /// to the loyalty step (ADR 034).
    /// </summary>
    private static async Task RefreshManyAsync(ClienteleDb db, ClientWrite write, CancellationToken ct)
    {
        foreach (var chunk in write.Clients.Chunk(ClientsPerChunk))
        {
            ILookup<long, DateTime>? purchaseDates = null;
            if ((write.Rows & FiguresFrom) != 0)
            {
                purchaseDates = await FiguresRebuild.ClientsAsync(db, chunk, ct);
                await db.SaveChangesAsync(ct);
                LetGoOfDerivedRows(db);
            }
            if ((write.Rows & ChangedRows.Purchases) != 0)
            {
                foreach (var clientId in await LostSync.WinBackCandidatesAsync(db, ct, chunk)) await LostSync.WinBackByPurchaseAsync(db, clientId, ct);
                await db.SaveChangesAsync(ct);
            }
            if ((write.Rows & LoyaltyFrom) != 0 && !write.LoyaltyAsStored)
            {
                await LoyaltyUpdater.RefreshManyAsync(db, chunk, ct, purchaseDates);
                LetGoOfDerivedRows(db);
            }
        }
    }

    /// <summary>Every client at once, set-based where the rebuilds are: no per-client round trips on a base of a million.</summary>
    private static async Task RefreshEveryoneAsync(ClienteleDb db, ChangedRows rows, CancellationToken ct)
    {
        if ((rows & FiguresFrom) != 0) await FiguresRebuild.RunAsync(db, ct);
        if ((rows & LossFrom) != 0)
        {
            await LostSeed.AdoptAsync(db, ct);
            foreach (var clientId in await LostSync.WinBackCandidatesAsync(db, ct)) await LostSync.WinBackByPurchaseAsync(db, clientId, ct);
            await db.SaveChangesAsync(ct);
        }
        if ((rows & LoyaltyFrom) != 0) await LoyaltyRebuild.RunAsync(db, ct);
    }

    /// <summary>
    /// New clients with nothing but their record: the lost ones get their loss rows, every one its first step on the
    /// ladder (set-based, as a million-row import needs); the lost ones' paths come from their facts, client by client.
    /// </summary>
    private static async Task SeedCreatedAsync(ClienteleDb db, long first, long last, CancellationToken ct)
    {
        await LoyaltySeed.EnteredAsync(db, first, last, ct);
        // Today's client import refuses lost rows, so this is usually empty and the range is read once, not twice more.
        var lost = await db.Clients.Where(c => c.Id >= first && c.Id <= last && c.Status == ClientStatus.Lost)
            .Select(c => c.Id).ToListAsync(ct);
        if (lost.Count > 0) await LostSeed.AdoptAsync(db, first, last, ct);
        foreach (var clientId in lost)
        {
            await LoyaltyUpdater.RefreshAsync(db, clientId, ct);
            LetGoOfDerivedRows(db);
        }
    }

    private static void LetGoOfDerivedRows(ClienteleDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged
                     && e.Entity is ClientRunningFigures or ClientMonthlyFigures or ClientLoyalty or ClientLoyaltyStep or ClientLoss).ToList())
            entry.State = EntityState.Detached;
    }
}
