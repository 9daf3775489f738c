using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Api;

/// <summary>The REST shape every record kind shares: keyset list, get, create, replace, merge-patch, delete.</summary>
/// <remarks>
/// The reads, the merge patch and the delete name no type parameter in their handlers (results are <see cref="IResult"/>
/// with their types declared), so the request delegate generator writes them at compile time like every other endpoint:
/// generic handlers were built by the runtime factory in every host at start, with compiled expressions, the largest single
/// part of a host's start-up CPU. Create and replace read their body through <see cref="EntityBody"/> for the same reason.
/// </remarks>
public static class EntityEndpoints
{
    /// <param name="filter">Applies the list endpoint's query-string filters; null when the feature maps its own list.</param>
    public static RouteGroupBuilder MapEntity<TEntity, TInput, TResponse>(
        this RouteGroupBuilder api, string path, string tag, EntitySpec<TEntity, TInput, TResponse> spec,
        Func<IQueryable<TEntity>, HttpRequest, IQueryable<TEntity>>? filter)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var group = api.MapGroup(path).WithTags(tag);
        var getName = "Get" + string.Concat(spec.Name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var what = spec.Name.ToLowerInvariant();

        if (filter is not null) group.MapGet("/", async Task<IResult> (HttpRequest request, ClienteleDb db, CancellationToken ct, int? limit, string? after) =>
        {
            if (!ApiConventions.TryAfter(after, out var afterId)) return ApiConventions.Invalid("after", Message.Of("is not a cursor this API gave out."));
            var take = ApiConventions.Limit(limit);
            var rows = await filter(spec.Query(db).AsNoTracking(), request).Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
            var page = ApiConventions.ToPage(rows, take, e => e.Id);
            return TypedResults.Ok(new Page<TResponse>([.. page.Items.Select(spec.ToResponse)], page.Next));
        }).Produces<Page<TResponse>>().ProducesValidationProblem()
            .WithSummary($"A page of {what} records in id order (?limit=, at most {ApiConventions.MaxLimit}; ?after= the previous page's next), with the list's filters.");

        group.MapGet("/{id:long}", async Task<IResult> (long id, ClienteleDb db, HttpContext http, CancellationToken ct) =>
        {
            var entity = spec.ReadById is { } read ? await read(db, id, ct) : await spec.Query(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
            if (entity is null) return ApiConventions.NotFound(spec.Name, id);
            http.Response.Headers.ETag = ApiConventions.ETag(entity.Version);
            return TypedResults.Ok(spec.ToResponse(entity));
        }).Produces<TResponse>().WithName(getName).WithSummary($"One {what} by id, with its version as the ETag.");

        // Create and replace read the body as the kind's input through EntityBody, so that their handlers too name no type
        // parameter; the filters that fill in or hash the input read it from there.
        var input = new EntityInputType(typeof(TInput));
        var createSummary = $"Creates a {what}; 201 with its address and ETag. An Idempotency-Key header makes a retried request answer the first result.";
        var create = spec.Repeats is null
            ? group.MapPost("/", (EntityBody body, ClienteleDb db, HttpContext http, CancellationToken ct) =>
                Create(spec, (TInput)body.Value, allowDuplicate: true, getName, db, http, ct))
            : group.MapPost("/", (EntityBody body, ClienteleDb db, HttpContext http, CancellationToken ct, bool? allowDuplicate) =>
                Create(spec, (TInput)body.Value, allowDuplicate == true, getName, db, http, ct))
                .WithDescription($"A {what} that repeats the tax id, phone or e-mail of an existing {what} the caller can see is refused " +
                    $"with 409 (problem+json naming that {what}: existingId, existingUrl, field), unless ?allowDuplicate=true says the repeat is intended. " +
                    $"A {what} the caller cannot see is never named, and does not stop the create.")
                .ProducesProblem(StatusCodes.Status409Conflict);
        create.WithMetadata(input).Accepts<TInput>("application/json").Produces<TResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .AddEndpointFilter<IdempotencyFilter>().WithSummary(createSummary);

        group.MapPut("/{id:long}", (long id, EntityBody body, ClienteleDb db, HttpContext http, CancellationToken ct) =>
            Update(spec, id, _ => (TInput)body.Value, db, http, ct))
            .WithMetadata(input).Accepts<TInput>("application/json").Produces<TResponse>().ProducesValidationProblem()
            .WithSummary($"Replaces a {what} with the body; If-Match (its ETag) guards against overwriting someone else's change (412).");

        group.MapPatch("/{id:long}", async Task<IResult> (long id, JsonElement patch, ClienteleDb db, HttpContext http, CancellationToken ct) =>
        {
            if (patch.ValueKind != JsonValueKind.Object) return ApiConventions.Invalid("body", Message.Of("must be a JSON object (RFC 7396 merge patch)."));
            try
            {
                return await Update(spec, id, current => ApiConventions.MergePatch(current, patch), db, http, ct);
            }
            catch (JsonException e)
            {
                return ApiConventions.Invalid(ApiConventions.JsonField(e), ApiConventions.JsonProblem(e));
            }
        }).Accepts<JsonElement>("application/merge-patch+json", "application/json").Produces<TResponse>().ProducesValidationProblem()
            .WithSummary($"Changes the fields of a {what} named in the body (RFC 7396 merge patch); If-Match (its ETag) guards against lost updates (412).");

        group.MapDelete("/{id:long}", async Task<IResult> (long id, ClienteleDb db, HttpContext http, CancellationToken ct) =>
        {
            var outcome = await EntityWriter.DeleteAsync(db, spec, id, ApiConventions.IfMatch(http.Request), ct);
            return outcome.Kind switch
            {
                OutcomeKind.NotFound => ApiConventions.NotFound(spec.Name, id),
                OutcomeKind.Conflict => ApiConventions.Stale(outcome.CurrentVersion),
                _ => TypedResults.NoContent(),
            };
        }).Produces(StatusCodes.Status204NoContent)
            .WithSummary($"Deletes a {what}; If-Match (its ETag) guards against deleting a version the caller has not seen (412).");
        return group;
    }

    private static async Task<IResult> Create<TEntity, TInput, TResponse>(
        EntitySpec<TEntity, TInput, TResponse> spec, TInput input, bool allowDuplicate, string getName,
        ClienteleDb db, HttpContext http, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        ProblemHttpResult? repeat = null;
        Func<TInput, Task<bool>>? goAhead = spec.Repeats is { } repeats && !allowDuplicate
            ? async checkedInput => (repeat = await repeats(db, checkedInput, ct)) is null
            : null;
        var outcome = await EntityWriter.CreateAsync(db, spec, input, ct, goAhead);
        if (outcome.Kind == OutcomeKind.Invalid) return ApiConventions.Invalid(outcome.Errors!);
        if (outcome.Kind == OutcomeKind.Conflict) return repeat!;
        http.Response.Headers.ETag = ApiConventions.ETag(outcome.Value!.Version);
        return TypedResults.CreatedAtRoute(spec.ToResponse(outcome.Value), getName, new { id = outcome.Value.Id });
    }

    private static async Task<IResult> Update<TEntity, TInput, TResponse>(
        EntitySpec<TEntity, TInput, TResponse> spec, long id, Func<TInput, TInput> change,
        ClienteleDb db, HttpContext http, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var outcome = await EntityWriter.UpdateAsync(db, spec, id, change, ApiConventions.IfMatch(http.Request), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound: return ApiConventions.NotFound(spec.Name, id);
            case OutcomeKind.Conflict: return ApiConventions.Stale(outcome.CurrentVersion);
            case OutcomeKind.Invalid: return ApiConventions.Invalid(outcome.Errors!);
        }
        http.Response.Headers.ETag = ApiConventions.ETag(outcome.Value!.Version);
        return TypedResults.Ok(spec.ToResponse(outcome.Value));
    }

    /// <summary>Reads a numeric query filter; a value that is not a number is reported, not ignored.</summary>
    public static long? LongQuery(HttpRequest request, string name) =>
        long.TryParse(request.Query[name].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
