using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Interactions;
using Clientele.Features.LostClients;
using Clientele.Features.Loyalty;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Privacy;

public sealed record LossRecord(long Id, DateOnly LostOn, string? Reason, string? Competitor, string? Comment, DateTime RecordedAt, DateOnly? WonBackOn);

public sealed record LoyaltyRecord(string Stage, DateOnly Since, DateOnly? AdvocateMarkedOn, IReadOnlyList<LoyaltyStepRecord> Steps);

public sealed record LoyaltyStepRecord(DateOnly Date, string Stage, string? PreviousStage);

/// <summary>
/// Everything stored about one client (right of access, GDPR Art. 15 / 152-FZ Art. 14), in the API's own shapes so
/// that the export reads like the rest of the API. The audit trail is not part of it yet: it has no table to read.
/// </summary>
public sealed record PersonalDataExport(
    DateTime GeneratedAt, ClientResponse Client, IReadOnlyList<ContactPersonResponse> ContactPersons,
    IReadOnlyList<ConsentRecordResponse> Consents, IReadOnlyList<PurchaseResponse> Purchases,
    IReadOnlyList<InteractionResponse> Interactions, IReadOnlyList<TaskResponse> Tasks, IReadOnlyList<ServiceCostResponse> ServiceCosts,
    IReadOnlyList<LossRecord> Losses, LoyaltyRecord? Loyalty, IReadOnlyList<ErasureRecordResponse> Erasures)
{
    /// <summary>Null when there is no such client (or the caller may not see it: the access filters apply to every read here).</summary>
    public static async Task<PersonalDataExport?> LoadAsync(ClienteleDb db, ConsentWriter consents, long clientId, CancellationToken ct)
    {
        // One client: its tags times its co-managers is a handful of rows, one round trip (said, so EF does not warn).
        var client = await db.Clients.AsNoTracking().Include(c => c.Tags).Include(c => c.CoManagers).AsSingleQuery().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return null;
        var contacts = await db.ContactPersons.AsNoTracking().Where(p => p.ClientId == clientId).OrderBy(p => p.Id).ToListAsync(ct);
        var purchases = await PurchasesApi.Spec.Query(db).AsNoTracking().Where(p => p.ClientId == clientId).OrderBy(p => p.Date).ThenBy(p => p.Id).ToListAsync(ct);
        var interactions = await InteractionsApi.Spec.Query(db).AsNoTracking().Where(i => i.ClientId == clientId).OrderBy(i => i.OccurredAt).ThenBy(i => i.Id).ToListAsync(ct);
        var tasks = await TasksApi.Spec.Query(db).AsNoTracking().Where(t => t.ClientId == clientId).OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct);
        var costs = await ServiceCostsApi.Spec.Query(db).AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.Date).ThenBy(c => c.Id).ToListAsync(ct);
        var losses = await db.Set<ClientLoss>().AsNoTracking().Where(l => l.ClientId == clientId).OrderBy(l => l.LostOn).ThenBy(l => l.Id)
            .Select(l => new LossRecord(l.Id, l.LostOn, l.Reason == null ? null : l.Reason.Name, l.Competitor == null ? null : l.Competitor.Name,
                l.Comment, l.RecordedAt, l.WonBackOn))
            .ToListAsync(ct);
        var loyalty = await db.Set<ClientLoyalty>().AsNoTracking().SingleOrDefaultAsync(l => l.ClientId == clientId, ct);
        var steps = await db.Set<ClientLoyaltyStep>().AsNoTracking().Where(s => s.ClientId == clientId).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct);
        var erasures = await Erasure.RecordsAsync(db, clientId, ct);

        return new PersonalDataExport(db.UtcNow, ClientResponse.From(client), [.. contacts.Select(ContactPersonsApi.Spec.ToResponse)],
            (await consents.ListAsync(clientId, ct))?.History ?? [],
            [.. purchases.Select(PurchasesApi.Spec.ToResponse)], [.. interactions.Select(InteractionsApi.Spec.ToResponse)],
            [.. tasks.Select(TasksApi.Spec.ToResponse)], [.. costs.Select(ServiceCostsApi.Spec.ToResponse)], losses,
            loyalty is null ? null : new LoyaltyRecord(loyalty.Stage.ToString(), loyalty.Since, loyalty.AdvocateMarkedOn,
                [.. steps.Select(s => new LoyaltyStepRecord(s.Date, s.Stage.ToString(), s.PreviousStage?.ToString()))]),
            erasures);
    }
}
