using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>
/// The churn-reason and competitor lists. Everyone reads them; the owner adds, renames and deactivates reasons;
/// managers add competitors, the owner renames, deactivates and merges them.
/// </summary>
public static class LostListsApi
{
    public static RouteGroupBuilder MapLostLists(this RouteGroupBuilder api)
    {
        var reasons = api.MapGroup("/churn-reasons").WithTags("Lost clients");
        reasons.MapGet("/", async (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(
            await db.Set<ChurnReason>().AsNoTracking().OrderBy(r => r.Id).Select(r => new ChurnReasonResponse(r.Id, r.Code, r.Name, r.IsActive)).ToListAsync(ct)))
            .WithSummary("Every churn reason: the built-ins (with a stable code) and the owner's own.");
        reasons.MapPost("/", AddReasonAsync).AllowRoles(EmployeeRole.Owner).AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Adds a churn reason of the owner's own (owner only).");
        reasons.MapPut("/{id:long}", ChangeReasonAsync).AllowRoles(EmployeeRole.Owner)
            .WithSummary("Renames (own reasons only) or (de)activates a churn reason (owner only); a deactivated reason is not offered, old losses keep it.");

        var competitors = api.MapGroup("/competitors").WithTags("Lost clients");
        competitors.MapGet("/", async (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(
            await db.Set<Competitor>().AsNoTracking().OrderBy(c => c.Name).Select(c => new CompetitorResponse(c.Id, c.Name, c.IsActive, c.MergedIntoId)).ToListAsync(ct)))
            .WithSummary("Every competitor, merged duplicates included (with the one they were merged into).");
        competitors.MapPost("/", AddCompetitorAsync).AddEndpointFilter<IdempotencyFilter>().WithSummary("Adds a competitor.");
        competitors.MapPut("/{id:long}", ChangeCompetitorAsync).AllowRoles(EmployeeRole.Owner)
            .WithSummary("Renames or (de)activates a competitor (owner only).");
        competitors.MapPost("/{id:long}/merge", MergeAsync).AllowRoles(EmployeeRole.Owner)
            .WithSummary("Merges a duplicate into another competitor (owner only): its losses move over, it stays as an inactive alias.");
        return api;
    }

    private static async Task<Results<Created<ChurnReasonResponse>, ValidationProblem, ProblemHttpResult>> AddReasonAsync(ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var write = await LostListWriter.AddReasonAsync(db, input, ct);
        if (write.Errors is { } errors) return ApiConventions.Invalid(errors);
        if (Problem(write, "Churn reason", 0) is { } problem) return problem;
        return TypedResults.Created($"/api/v1/churn-reasons/{write.Value!.Id}", Response(write.Value));
    }

    private static async Task<Results<Ok<ChurnReasonResponse>, ValidationProblem, ProblemHttpResult>> ChangeReasonAsync(long id, ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var write = await LostListWriter.ChangeReasonAsync(db, id, input, ct);
        if (write.Errors is { } errors) return ApiConventions.Invalid(errors);
        if (Problem(write, "Churn reason", id) is { } problem) return problem;
        return TypedResults.Ok(Response(write.Value!));
    }

    private static async Task<Results<Created<CompetitorResponse>, ValidationProblem, ProblemHttpResult>> AddCompetitorAsync(ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var write = await LostListWriter.AddCompetitorAsync(db, input, ct);
        if (write.Errors is { } errors) return ApiConventions.Invalid(errors);
        if (Problem(write, "Competitor", 0) is { } problem) return problem;
        return TypedResults.Created($"/api/v1/competitors/{write.Value!.Id}", Response(write.Value));
    }

    private static async Task<Results<Ok<CompetitorResponse>, ValidationProblem, ProblemHttpResult>> ChangeCompetitorAsync(long id, ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var write = await LostListWriter.ChangeCompetitorAsync(db, id, input, ct);
        if (write.Errors is { } errors) return ApiConventions.Invalid(errors);
        if (Problem(write, "Competitor", id) is { } problem) return problem;
        return TypedResults.Ok(Response(write.Value!));
    }

    private static async Task<Results<Ok<CompetitorResponse>, ValidationProblem, ProblemHttpResult>> MergeAsync(long id, MergeInput input, ClienteleDb db, CancellationToken ct)
    {
        var write = await LostListWriter.MergeAsync(db, id, input.IntoId, ct);
        if (write.Errors is { } errors) return ApiConventions.Invalid(errors);
        if (Problem(write, "Competitor", id) is { } problem) return problem;
        return TypedResults.Ok(Response(write.Value!));
    }

    /// <summary>404 or 409 for a refused write; null when it was done (or refused for bad input, answered before).</summary>
    private static ProblemHttpResult? Problem<T>(ListWrite<T> write, string what, long id) where T : class =>
        write.NotFound ? ApiConventions.NotFound(what, id)
        : write.Conflict is { } conflict ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict) : null;

    private static ChurnReasonResponse Response(ChurnReason r) => new(r.Id, r.Code, r.Name, r.IsActive);

    private static CompetitorResponse Response(Competitor c) => new(c.Id, c.Name, c.IsActive, c.MergedIntoId);
}
