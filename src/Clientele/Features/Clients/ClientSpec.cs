using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

public static class ClientSpec
{
    public static readonly EntitySpec<Client, ClientInput, ClientResponse> Instance = new()
    {
        Name = "Client",
        // One statement: a client has a handful of tags and co-managers at most, so the joined rows stay few, and a GET
        // by id ran three statements (each parsed, filtered by access and read apart) where one does (ADR 010).
        Query = db => db.Clients.Include(c => c.Tags).Include(c => c.CoManagers).AsSingleQuery(),
        // The same includes, untracked: a compiled query cannot call Query, so they are written twice.
        ReadById = CompiledRead.ById((ClienteleDb db, long id, CancellationToken ct) =>
            db.Clients.Include(c => c.Tags).Include(c => c.CoManagers).AsSingleQuery().AsNoTracking().SingleOrDefault(c => c.Id == id)),
        ToInput = ClientInput.From,
        ToResponse = ClientResponse.From,
        Check = (ctx, input) => ClientRules.CheckAsync(ctx.Db, input, ctx.Existing, ctx.PhoneRegion, ctx.Cancellation),
        Create = input =>
        {
            var client = new Client { Name = input.Name! };
            ClientRules.Apply(client, input);
            return client;
        },
        Apply = ClientRules.Apply,
        UpdateDependants = async (db, client, ct) =>
        {
            if (client.NewPreviousSupplier is { } named && db.Entry(client).State != EntityState.Detached)
            {
                var competitor = new LostClients.Competitor { Name = named };
                db.Add(competitor);
                await db.SaveChangesAsync(ct);
                client.PreviousSupplierId = competitor.Id;
                client.NewPreviousSupplier = null;
            }
            if (db.Entry(client).State != EntityState.Detached) await ClientSearch.SyncAsync(db, client.Id, ct);
            await ClientRefresh.RunAsync(db, ClientWrite.Saved(client), ct);
        },
        // Duplicates at the door: the API refuses a visible repeat unless told it is intended; the form shows it while typing.
        Repeats = Duplicates.ClientRepeats.ProblemAsync,
    };
}
