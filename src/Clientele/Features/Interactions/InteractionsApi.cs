using Clientele.Features.Audit;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Interactions;

public sealed class InteractionInput
{
    public long ClientId { get; set; }
    public long? ContactPersonId { get; set; }
    /// <summary>Who talked to the client; the signed-in user when left out.</summary>
    public long? EmployeeId { get; set; }
    public InteractionKind Kind { get; set; }
    public Direction Direction { get; set; }
    /// <summary>When it happened; now when left out.</summary>
    public DateTime? OccurredAt { get; set; }
    public string? Outcome { get; set; }
    public string? Text { get; set; }
    /// <summary>A satisfaction or recommendation score from 0 to 10 the client gave, if asked.</summary>
    public int? Score { get; set; }
    /// <summary>Its number in the system it came from (a CRM activity id), so a re-import finds it.</summary>
    public string? Number { get; set; }
    public string? Source { get; set; }
}

public sealed record InteractionResponse(long Id, long ClientId, long? ContactPersonId, long? EmployeeId, string? EmployeeName, InteractionKind Kind,
    Direction Direction, DateTime OccurredAt, string? Outcome, string? Text, int? Score, DateTime CreatedAt, long Version, string? Number = null, string? Source = null);

public static class InteractionsApi
{
    public static readonly EntitySpec<Interaction, InteractionInput, InteractionResponse> Spec = new()
    {
        Name = "Interaction",
        Query = db => db.Interactions.Include(i => i.Employee),
        ToInput = i => new InteractionInput { ClientId = i.ClientId, ContactPersonId = i.ContactPersonId, EmployeeId = i.EmployeeId, Kind = i.Kind, Direction = i.Direction, OccurredAt = i.OccurredAt, Outcome = i.Outcome, Text = i.Text, Score = i.Score, Number = i.Number, Source = i.Source },
        ToResponse = i => new InteractionResponse(i.Id, i.ClientId, i.ContactPersonId, i.EmployeeId, i.Employee?.DisplayName, i.Kind, i.Direction, i.OccurredAt, i.Outcome, i.Text, i.Score, i.CreatedAt, i.Version, i.Number, i.Source),
        Check = CheckAsync,
        Create = input => Apply(new Interaction(), input),
        Apply = (i, input) => Apply(i, input),
        // Any touch makes a client aware, and a score may make it an advocate.
        UpdateDependants = (db, i, ct) => Clients.ClientRefresh.RunAsync(db, Clients.ClientWrite.Of(Clients.ChangedRows.Interactions, i.ClientId), ct),
    };

    public static RouteGroupBuilder MapInteractions(this RouteGroupBuilder api)
    {
        api.MapEntity("/interactions", "Interactions", Spec, (query, request) =>
            EntityEndpoints.LongQuery(request, "clientId") is { } clientId ? query.Where(i => i.ClientId == clientId) : query)
            .AddEndpointFilter(DefaultEmployee.Filter).AuditsEntityClientRows<InteractionResponse>(i => i.ClientId);
        return api;
    }

    private static async Task<Errors> CheckAsync(CheckContext<Interaction> ctx, InteractionInput input)
    {
        var e = new Errors();
        var db = ctx.Db;
        if (ctx.Existing is { } existing && existing.ClientId != input.ClientId) e.Add("clientId", Message.Of("an interaction cannot be moved to another client."));
        else if (ctx.Existing is null && !await ctx.ClientExistsAsync(input.ClientId))
            e.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        e.Defined("kind", input.Kind);
        e.Defined("direction", input.Direction);
        input.OccurredAt ??= db.UtcNow;
        // A time without an offset is the company's wall clock (ADR 023).
        if (input.OccurredAt is { Year: > 1 and < 9999 } given) input.OccurredAt = (await Company.CompanyDays.OfAsync(db, ctx.Cancellation)).ToUtc(given);
        if (input.OccurredAt > db.UtcNow.AddDays(1)) e.Add("occurredAt", Message.Of("an interaction cannot lie in the future; plan it as a task."));
        input.Outcome = e.Optional("outcome", input.Outcome, 200);
        input.Text = e.Optional("text", input.Text, 4000);
        input.Number = e.Optional("number", input.Number, 50);
        input.Source = e.Optional("source", input.Source, 30);
        if (input.Score is < 0 or > Interaction.MaxScore) e.Add("score", Message.Of("must be a whole number from 0 to 10."));
        if (input.ContactPersonId is { } personId && !await db.ContactPersons.AnyAsync(p => p.Id == personId && p.ClientId == input.ClientId, ctx.Cancellation))
            e.Add("contactPersonId", Message.Of("client {0} has no contact person {1}.", input.ClientId, personId));
        if (input.EmployeeId is { } employeeId && !await ctx.EmployeeExistsAsync(employeeId))
            e.Add("employeeId", Message.Of("there is no employee {0}.", employeeId));
        return e;
    }

    private static Interaction Apply(Interaction i, InteractionInput input)
    {
        i.ClientId = input.ClientId; i.ContactPersonId = input.ContactPersonId; i.EmployeeId = input.EmployeeId; i.Kind = input.Kind;
        i.Direction = input.Direction; i.OccurredAt = input.OccurredAt!.Value; i.Outcome = input.Outcome; i.Text = input.Text; i.Score = input.Score;
        i.Number = input.Number; i.Source = input.Source;
        return i;
    }
}
