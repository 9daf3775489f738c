using Clientele.Features.Clients;
using Clientele.Features.Interactions;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

public enum LossChange { Done, Invalid, NoClient, Stale, NotLost }

/// <summary>What a mark-lost or won-back write did; <see cref="Loss"/> is the loss it wrote or closed.</summary>
public sealed record LossOutcome(LossChange Change, ClientLoss? Loss = null, Errors? Errors = null, long CurrentVersion = 0);

/// <summary>The texts a write puts on the client's timeline, in the language of whoever writes.</summary>
public sealed record LossNotes(string Lost, string WonBack, string WonBackByPurchase, Func<ChurnReason, string> ReasonName);

/// <summary>
/// Marking a client lost and won back, for the API and the card's dialog alike. The client's own Status, LostOn,
/// ChurnReason and Competitor stay the current state (read by the client API and the grid as before); the loss rows
/// keep the history with references to the lists.
/// </summary>
public static class LostMarking
{
    public static async Task<LossOutcome> MarkAsync(ClienteleDb db, long clientId, MarkLostInput input, long? expectedVersion, long? actorId,
        LossNotes notes, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return new LossOutcome(LossChange.NoClient);
        if (expectedVersion is { } expected && expected != client.Version) return new LossOutcome(LossChange.Stale, CurrentVersion: client.Version);

        var e = new Errors();
        var reason = await LostLists.ReasonAsync(db, e, input.ReasonId, input.ReasonCode, ct);
        var competitor = await LostLists.CompetitorAsync(db, e, input.CompetitorId, input.CompetitorName, ct);
        var days = await CompanyDays.OfAsync(db, ct);
        var today = days.Today(db.UtcNow);
        var lostOn = input.LostOn ?? today;
        if (lostOn > today) e.Add("lostOn", Message.Of("must not be in the future."));
        else if (lostOn.Year < 1990) e.Add("lostOn", Message.Of("must be in 1990 or later."));
        else if (client.LastPurchaseAt is { } last && lostOn < days.DayOf(last))
            e.Add("lostOn", Message.Of("must not be before the client's last purchase ({0:yyyy-MM-dd}).", days.DayOf(last)));
        var comment = e.Optional("comment", input.Comment, LostRules.CommentMax);
        if (e.Any) return new LossOutcome(LossChange.Invalid, Errors: e);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (competitor is { Id: 0 }) db.Add(competitor);
        // Marking a lost client again corrects its open loss rather than stacking a second one.
        var loss = await OpenLossAsync(db, clientId, ct);
        if (loss is null) db.Add(loss = new ClientLoss { ClientId = clientId, ManagerId = client.ManagerId });
        loss.LostOn = lostOn; loss.Reason = reason; loss.Competitor = competitor; loss.Comment = comment;
        loss.RecordedById = actorId; loss.RecordedAt = db.UtcNow;

        client.Status = ClientStatus.Lost; client.LostOn = lostOn;
        client.ChurnReason = reason!.Name; client.Competitor = competitor?.Name;
        var text = string.Join(" · ", new[] { notes.ReasonName(reason), competitor?.Name, comment }.OfType<string>());
        db.Interactions.Add(Note(clientId, actorId, db.UtcNow, notes.Lost, text));
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record | ChangedRows.Interactions, clientId), ct);
        await transaction.CommitAsync(ct);
        return new LossOutcome(LossChange.Done, loss);
    }

    public static async Task<LossOutcome> WonBackAsync(ClienteleDb db, long clientId, long? expectedVersion, long? actorId, LossNotes notes, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return new LossOutcome(LossChange.NoClient);
        if (expectedVersion is { } expected && expected != client.Version) return new LossOutcome(LossChange.Stale, CurrentVersion: client.Version);
        if (client.Status != ClientStatus.Lost) return new LossOutcome(LossChange.NotLost);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var today = await db.CompanyTodayAsync(ct);
        var loss = await CloseAsync(db, client, today, ct);
        db.Interactions.Add(Note(clientId, actorId, db.UtcNow, notes.WonBack, null));
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record | ChangedRows.Interactions, clientId), ct);
        await transaction.CommitAsync(ct);
        return new LossOutcome(LossChange.Done, loss);
    }

    /// <summary>Ends the client's loss on the day: active again (potential if it never bought), its open loss closed.</summary>
    internal static async Task<ClientLoss?> CloseAsync(ClienteleDb db, Client client, DateOnly on, CancellationToken ct)
    {
        client.Status = client.PurchaseCount > 0 ? ClientStatus.Active : ClientStatus.Potential;
        client.LostOn = null; client.ChurnReason = null; client.Competitor = null;
        var loss = await OpenLossAsync(db, client.Id, ct);
        if (loss is not null) loss.WonBackOn = on < loss.LostOn ? loss.LostOn : on;
        return loss;
    }

    internal static Task<ClientLoss?> OpenLossAsync(ClienteleDb db, long clientId, CancellationToken ct) =>
        db.Set<ClientLoss>().Include(l => l.Reason).Include(l => l.Competitor)
            .Where(l => l.ClientId == clientId && l.WonBackOn == null).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);

    internal static Interaction Note(long clientId, long? actorId, DateTime at, string outcome, string? text) => new()
    {
        ClientId = clientId, EmployeeId = actorId, Kind = InteractionKind.Note, Direction = Direction.Internal, OccurredAt = at,
        Outcome = outcome.Length > 200 ? outcome[..200] : outcome, Text = text,
    };
}
