using Clientele.Features.Economics;
using Clientele.Features.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// After an import (or its rollback) the figures and loyalty of every client it touched are recomputed once from that
/// client's rows, not once per record: the same updaters the API calls, so the result equals records typed one by one.
/// </summary>
internal static class RecordAggregates
{
    public static async Task RefreshAsync(ClienteleDb db, ImportKind kind, IEnumerable<long> clients, CancellationToken ct)
    {
        var figures = kind is ImportKind.Purchases or ImportKind.ServiceCosts;
        var loyalty = kind is ImportKind.Purchases or ImportKind.Interactions;
        foreach (var clientId in clients.Order())
        {
            if (figures)
            {
                await ClientFiguresUpdater.RefreshAsync(db, clientId, ct);
                await db.SaveChangesAsync(ct);
            }
            if (loyalty) await LoyaltyUpdater.RefreshAsync(db, clientId, ct);
            // Nothing tracked here is needed again; letting go keeps a large import's memory flat.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && e.Entity is not ImportJob).ToList())
                entry.State = EntityState.Detached;
        }
    }
}
