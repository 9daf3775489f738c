using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Company;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Surveys;

/// <summary>What the owner of an item may change: the cause, the fix, who fixes it and by when, and whether it is fixed.</summary>
public sealed class LoopItemInput
{
    public long? CauseId { get; set; }
    public string? CauseNote { get; set; }
    public string? Fix { get; set; }
    public long? OwnerId { get; set; }
    /// <summary>A company day (YYYY-MM-DD).</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>True marks the item fixed (it then waits for the client's next answer); false takes the mark back.</summary>
    public bool Fixed { get; set; }
    /// <summary>Set by the check from the clock: when the item was first marked fixed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal DateTime? FixedAt { get; set; }
}

/// <param name="Cause">The listed cause in the reader's language.</param>
/// <param name="Missing">What the client said was missing, from the answer that opened the item.</param>
public sealed record LoopItemResponse(long Id, long ClientId, string? ClientName, long AnswerId, int Satisfaction, string? Missing, DateTime AnsweredAt,
    long? CauseId, string? Cause, string? CauseNote, string? Fix, long? OwnerId, string? OwnerName, DateOnly DueOn, LoopItemState State,
    DateTime? FixedAt, DateTime? ClosedAt, long? ClosedByAnswerId, long Version);

public sealed class LoopCauseInput
{
    public string? Name { get; set; }
}

/// <param name="Name">In the reader's language.</param>
public sealed record LoopCauseResponse(long Id, string Name, long Version);

/// <summary>
/// The loop items of answers below 10 (<c>/api/v1/loop-items</c>: list, one, merge patch — the answers open them, so
/// there is no create; the row filter gives a manager their clients' items, as for tasks) and the owner's list of
/// causes (<c>/api/v1/loop-causes</c>).
/// </summary>
public static class LoopItemsApi
{
    public static readonly EntitySpec<LoopItem, LoopItemInput, LoopItemResponse> Spec = new()
    {
        Name = "Loop item",
        Query = db => db.LoopItems.Include(i => i.Client).Include(i => i.Answer).Include(i => i.Cause).Include(i => i.Owner),
        ToInput = i => new LoopItemInput { CauseId = i.CauseId, CauseNote = i.CauseNote, Fix = i.Fix, OwnerId = i.OwnerId, DueOn = i.DueOn, Fixed = i.FixedAt is not null },
        ToResponse = ToResponse,
        Check = CheckAsync,
        // Items are opened by the answers (SurveyRecorder), never through this spec; the writer's update is all it serves.
        Create = input => Apply(new LoopItem(), input),
        Apply = (i, input) => Apply(i, input),
    };

    public static readonly EntitySpec<LoopCause, LoopCauseInput, LoopCauseResponse> CauseSpec = new()
    {
        Name = "Loop cause",
        Query = db => db.LoopCauses,
        ToInput = c => new LoopCauseInput { Name = c.Name },
        ToResponse = c => new LoopCauseResponse(c.Id, LoopCause.Show(c.Name), c.Version),
        Check = (ctx, input) =>
        {
            var e = new Errors();
            // A default cause's stored name is its kind, which the text rules would refuse; unchanged, it stays as it is.
            if (ctx.Existing is null || input.Name != ctx.Existing.Name) input.Name = e.Required("name", input.Name, LoopRules.MaxCauseName);
            return Task.FromResult(e);
        },
        Create = input => new LoopCause { Name = input.Name! },
        Apply = (c, input) => c.Name = input.Name!,
    };

    public static LoopItemResponse ToResponse(LoopItem i) => new(i.Id, i.ClientId, i.Client?.Name, i.AnswerId, i.Answer?.Satisfaction ?? 0, i.Answer?.Missing,
        i.Answer?.AnsweredAt ?? default, i.CauseId, i.Cause is { } c ? LoopCause.Show(c.Name) : null, i.CauseNote, i.Fix, i.OwnerId, i.Owner?.DisplayName,
        i.DueOn, i.State, i.FixedAt, i.ClosedAt, i.ClosedByAnswerId, i.Version);

    public static RouteGroupBuilder MapLoopItems(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/loop-items").WithTags("Surveys");
        items.AuditsEntityClientRows<LoopItemResponse>(i => i.ClientId);
        items.MapGet("/", ListAsync).WithName("ListLoopItems").Produces<Page<LoopItemResponse>>().ProducesValidationProblem()
            .WithSummary("A page of the loop items the caller sees (opened by every survey answer below 10), in id order (?clientId=, ?ownerId=, ?state=Open|Fixed|Closed, ?overdue=true: not fixed and past the due day; ?limit=, ?after=).");
        items.MapGet("/report", ReportAsync).WithName("GetLoopReport")
            .WithSummary("The loop items opened in a period of company days (?from=, ?to= as YYYY-MM-DD; the last 90 days by default): by cause, with the items, the clients and their revenue (base currency), and the median days from the answer to the fix.");
        items.MapGet("/{id:long}", GetAsync).WithName("GetLoopItem").Produces<LoopItemResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One loop item by id, with its version as the ETag.");
        items.MapPatch("/{id:long}", PatchAsync).WithName("PatchLoopItem").Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .Produces<LoopItemResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Changes a loop item's cause, fix, owner, due day, or marks it fixed (\"fixed\": true, which needs \"fix\"); the client's next answer then closes it. If-Match (its ETag) guards against lost updates (412); a closed item cannot change.");
        return api;
    }

    /// <summary>The owner's list of causes: the owner and managers read it, the owner changes it.</summary>
    public static RouteGroupBuilder MapLoopCauses(this RouteGroupBuilder api)
    {
        api.MapEntity("/loop-causes", "Surveys", CauseSpec, (query, _) => query).AddEndpointFilter(RefuseDeletingACauseInUse);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ClienteleDb db, TimeProvider clock, int? limit, string? after, string? state, bool? overdue, CancellationToken ct)
    {
        if (!ApiConventions.TryAfter(after, out var afterId)) return ApiConventions.Invalid("after", Message.Of("is not a cursor this API gave out."));
        if (state is not null && !Enum.TryParse<LoopItemState>(state, ignoreCase: true, out _)) return ApiConventions.Invalid("state", Message.Of<SurveyText>("must be Open, Fixed or Closed."));
        var take = ApiConventions.Limit(limit);
        var query = Filter(Spec.Query(db).AsNoTracking(), EntityEndpoints.LongQuery(request, "clientId"), EntityEndpoints.LongQuery(request, "ownerId"),
            state is null ? null : Enum.Parse<LoopItemState>(state, ignoreCase: true), overdue == true ? (await CompanyDays.OfAsync(db, ct)).Today(clock) : null);
        var rows = await query.Where(i => i.Id > afterId).OrderBy(i => i.Id).Take(take + 1).ToListAsync(ct);
        var page = ApiConventions.ToPage(rows, take, i => i.Id);
        return TypedResults.Ok(new Page<LoopItemResponse>([.. page.Items.Select(ToResponse)], page.Next));
    }

    /// <summary>The filters the list endpoint and the results page share.</summary>
    /// <param name="overdueOn">Today, to keep only the items not fixed by their due day; null: no such filter.</param>
    public static IQueryable<LoopItem> Filter(IQueryable<LoopItem> query, long? clientId, long? ownerId, LoopItemState? state, DateOnly? overdueOn)
    {
        if (clientId is { } client) query = query.Where(i => i.ClientId == client);
        if (ownerId is { } owner) query = query.Where(i => i.OwnerId == owner);
        query = state switch
        {
            LoopItemState.Open => query.Where(i => i.FixedAt == null && i.ClosedAt == null),
            LoopItemState.Fixed => query.Where(i => i.FixedAt != null && i.ClosedAt == null),
            LoopItemState.Closed => query.Where(i => i.ClosedAt != null),
            _ => query,
        };
        if (overdueOn is { } today) query = query.Where(i => i.FixedAt == null && i.ClosedAt == null && i.DueOn < today);
        return query;
    }

    private static async Task<IResult> GetAsync(long id, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        if (await Spec.Query(db).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } item) return ApiConventions.NotFound(Spec.Name, id);
        http.Response.Headers.ETag = ApiConventions.ETag(item.Version);
        return TypedResults.Ok(ToResponse(item));
    }

    private static async Task<IResult> PatchAsync(long id, JsonElement patch, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        if (patch.ValueKind != JsonValueKind.Object) return ApiConventions.Invalid("body", Message.Of("must be a JSON object (RFC 7396 merge patch)."));
        Outcome<LoopItem> outcome;
        try
        {
            outcome = await EntityWriter.UpdateAsync(db, Spec, id, current => ApiConventions.MergePatch(current, patch), ApiConventions.IfMatch(http.Request), ct);
        }
        catch (JsonException e)
        {
            return ApiConventions.Invalid(ApiConventions.JsonField(e), ApiConventions.JsonProblem(e));
        }
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound: return ApiConventions.NotFound(Spec.Name, id);
            case OutcomeKind.Conflict: return ApiConventions.Stale(outcome.CurrentVersion);
            case OutcomeKind.Invalid: return ApiConventions.Invalid(outcome.Errors!);
        }
        http.Response.Headers.ETag = ApiConventions.ETag(outcome.Value!.Version);
        // Read again: the cause or owner the patch named is not loaded on the written entity.
        return TypedResults.Ok(ToResponse(await Spec.Query(db).AsNoTracking().SingleAsync(i => i.Id == id, ct)));
    }

    private static async Task<Results<Ok<LoopReport>, ValidationProblem>> ReportAsync(string? from, string? to, ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var (fromDay, toDay, e) = await SurveysApi.PeriodAsync(from, to, db, clock, ct);
        if (e.Any) return ApiConventions.Invalid(e);
        return TypedResults.Ok(await LoopReports.BuildAsync(db, fromDay, toDay, ct));
    }

    private static async Task<Errors> CheckAsync(CheckContext<LoopItem> ctx, LoopItemInput input)
    {
        var e = new Errors();
        var db = ctx.Db;
        if (ctx.Existing is { ClosedAt: not null }) e.Add("fixed", Message.Of<SurveyText>("the client has answered again after the fix: a closed item cannot change."));
        if (input.CauseId is { } causeId && !await db.LoopCauses.AnyAsync(c => c.Id == causeId, ctx.Cancellation))
            e.Add("causeId", Message.Of<SurveyText>("there is no cause {0}.", causeId));
        input.CauseNote = e.Optional("causeNote", input.CauseNote, LoopRules.MaxCauseNote);
        input.Fix = e.Optional("fix", input.Fix, LoopRules.MaxFix);
        if (input.OwnerId is { } ownerId && !await db.Set<Identity.Employee>().AnyAsync(x => x.Id == ownerId && x.IsActive, ctx.Cancellation))
            e.Add("ownerId", Message.Of("there is no active employee {0}.", ownerId));
        if (input.DueOn == default) e.Add("dueOn", Message.Of("is required."));
        if (input.Fixed && input.Fix is null && !e.Has("fix")) e.Add("fix", Message.Of<SurveyText>("say what was fixed before marking the item fixed."));
        input.FixedAt = !input.Fixed ? null : ctx.Existing?.FixedAt ?? db.UtcNow;
        return e;
    }

    private static LoopItem Apply(LoopItem i, LoopItemInput input)
    {
        i.CauseId = input.CauseId; i.CauseNote = input.CauseNote; i.Fix = input.Fix; i.OwnerId = input.OwnerId; i.DueOn = input.DueOn; i.FixedAt = input.FixedAt;
        return i;
    }

    private static async ValueTask<object?> RefuseDeletingACauseInUse(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsDelete(http.Request.Method) && http.Request.RouteValues["id"] is string text && long.TryParse(text, out var id))
        {
            // Counted past the row filters: an item the caller cannot see still names the cause.
            var items = await http.RequestServices.GetRequiredService<ClienteleDb>().LoopItems.IgnoreQueryFilters().CountAsync(i => i.CauseId == id, http.RequestAborted);
            if (items > 0) return ApiConventions.Invalid("id", Message.Of<SurveyText>("{0} loop items name this cause; it stays so the report keeps them.", items));
        }
        return await next(context);
    }
}
