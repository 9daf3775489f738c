using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Auth;
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
        reasons.MapPost("/", AddReasonAsync).RequireAuthorization(AuthSetup.OwnerPolicy).AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Adds a churn reason of the owner's own (owner only).");
        reasons.MapPut("/{id:long}", ChangeReasonAsync).RequireAuthorization(AuthSetup.OwnerPolicy)
            .WithSummary("Renames (own reasons only) or (de)activates a churn reason (owner only); a deactivated reason is not offered, old losses keep it.");

        var competitors = api.MapGroup("/competitors").WithTags("Lost clients");
        competitors.MapGet("/", async (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(
            await db.Set<Competitor>().AsNoTracking().OrderBy(c => c.Name).Select(c => new CompetitorResponse(c.Id, c.Name, c.IsActive, c.MergedIntoId)).ToListAsync(ct)))
            .WithSummary("Every competitor, merged duplicates included (with the one they were merged into).");
        competitors.MapPost("/", AddCompetitorAsync).AddEndpointFilter<IdempotencyFilter>().WithSummary("Adds a competitor.");
        competitors.MapPut("/{id:long}", ChangeCompetitorAsync).RequireAuthorization(AuthSetup.OwnerPolicy)
            .WithSummary("Renames or (de)activates a competitor (owner only).");
        competitors.MapPost("/{id:long}/merge", MergeAsync).RequireAuthorization(AuthSetup.OwnerPolicy)
            .WithSummary("Merges a duplicate into another competitor (owner only): its losses move over, it stays as an inactive alias.");
        return api;
    }

    private static async Task<Results<Created<ChurnReasonResponse>, ValidationProblem, ProblemHttpResult>> AddReasonAsync(ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var e = new Errors();
        var name = e.Required("name", input.Name, LostRules.NameMax);
        if (e.Any) return ApiConventions.Invalid(e);
        if (await NameTakenAsync(db.Set<ChurnReason>().Select(r => r.Name), name!, ct)) return Duplicate("churn reason", name!);
        var reason = new ChurnReason { Name = name!, IsActive = input.IsActive ?? true };
        db.Add(reason);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/churn-reasons/{reason.Id}", new ChurnReasonResponse(reason.Id, reason.Code, reason.Name, reason.IsActive));
    }

    private static async Task<Results<Ok<ChurnReasonResponse>, ValidationProblem, ProblemHttpResult>> ChangeReasonAsync(long id, ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var reason = await db.Set<ChurnReason>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reason is null) return ApiConventions.NotFound("Churn reason", id);
        var e = new Errors();
        var name = e.Optional("name", input.Name, LostRules.NameMax);
        if (name is not null && name != reason.Name && reason.Code is not null) e.Add("name", "a built-in reason keeps its name (it is shown in each user's language); add a reason of your own instead.");
        if (input.IsActive == false && reason.Code == LostRules.OtherCode) e.Add("isActive", "'other' stays active: texts that match no reason fall back to it.");
        if (e.Any) return ApiConventions.Invalid(e);
        if (name is not null && name != reason.Name && await NameTakenAsync(db.Set<ChurnReason>().Where(r => r.Id != id).Select(r => r.Name), name, ct))
            return Duplicate("churn reason", name);
        reason.Name = name ?? reason.Name;
        reason.IsActive = input.IsActive ?? reason.IsActive;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ChurnReasonResponse(reason.Id, reason.Code, reason.Name, reason.IsActive));
    }

    private static async Task<Results<Created<CompetitorResponse>, ValidationProblem, ProblemHttpResult>> AddCompetitorAsync(ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var e = new Errors();
        var name = e.Required("name", input.Name, LostRules.NameMax);
        if (e.Any) return ApiConventions.Invalid(e);
        if (await NameTakenAsync(db.Set<Competitor>().Select(c => c.Name), name!, ct)) return Duplicate("competitor", name!);
        var competitor = new Competitor { Name = name! };
        db.Add(competitor);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/competitors/{competitor.Id}", Response(competitor));
    }

    private static async Task<Results<Ok<CompetitorResponse>, ValidationProblem, ProblemHttpResult>> ChangeCompetitorAsync(long id, ListItemInput input, ClienteleDb db, CancellationToken ct)
    {
        var competitor = await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (competitor is null) return ApiConventions.NotFound("Competitor", id);
        var e = new Errors();
        var name = e.Optional("name", input.Name, LostRules.NameMax);
        if (input.IsActive == true && competitor.MergedIntoId is not null) e.Add("isActive", "a merged duplicate stays inactive.");
        if (e.Any) return ApiConventions.Invalid(e);
        if (name is not null && name != competitor.Name && await NameTakenAsync(db.Set<Competitor>().Where(c => c.Id != id).Select(c => c.Name), name, ct))
            return Duplicate("competitor", name);
        competitor.Name = name ?? competitor.Name;
        competitor.IsActive = input.IsActive ?? competitor.IsActive;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(competitor));
    }

    private static async Task<Results<Ok<CompetitorResponse>, ValidationProblem, ProblemHttpResult>> MergeAsync(long id, MergeInput input, ClienteleDb db, CancellationToken ct)
    {
        var duplicate = await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (duplicate is null) return ApiConventions.NotFound("Competitor", id);
        if (input.IntoId is not { } intoId) return ApiConventions.Invalid("intoId", "is required.");
        if (intoId == id) return ApiConventions.Invalid("intoId", "a competitor cannot be merged into itself.");
        var into = await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == intoId, ct);
        if (into is null) return ApiConventions.Invalid("intoId", $"there is no competitor {intoId}.");
        if (into.MergedIntoId is not null) return ApiConventions.Invalid("intoId", $"'{into.Name}' was itself merged; merge into the one it was merged into.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        duplicate.MergedIntoId = into.Id;
        duplicate.IsActive = false;
        await db.SaveChangesAsync(ct);
        // Aliases of the duplicate point straight at the survivor, so a lookup never walks a chain.
        await db.Set<Competitor>().Where(c => c.MergedIntoId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, into.Id), ct);
        await db.Set<ClientLoss>().Where(l => l.CompetitorId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CompetitorId, into.Id), ct);
        await db.Clients.Where(c => c.Competitor == duplicate.Name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Competitor, into.Name).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await transaction.CommitAsync(ct);
        Analytics.AnalyticsCache.Invalidate();
        return TypedResults.Ok(Response(into));
    }

    private static CompetitorResponse Response(Competitor c) => new(c.Id, c.Name, c.IsActive, c.MergedIntoId);

    /// <summary>Names are compared ignoring case, the same on both databases (the lists are short).</summary>
    private static async Task<bool> NameTakenAsync(IQueryable<string> names, string name, CancellationToken ct) =>
        (await names.ToListAsync(ct)).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult Duplicate(string what, string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"A {what} named '{name}' exists.");
}
