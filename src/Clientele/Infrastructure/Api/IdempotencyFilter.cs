using System.Security.Cryptography;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// Makes a POST with an <c>Idempotency-Key</c> header safe to retry: the first answer is stored and
/// replayed for the same user and key, so a retried request creates nothing twice.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    /// <summary>How long an answer is kept for replay; retries come within minutes, not days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key) || CurrentUser.IdOf(http.User) is not { } userId) return await next(context);
        if (key.Length > 200) return ApiConventions.Invalid(Header, Message.Of("must be at most 200 characters."));

        var db = http.RequestServices.GetRequiredService<ClienteleDb>();
        var requestHash = HashArguments(context.Arguments);
        var path = http.Request.Path.Value ?? "";
        var ct = http.RequestAborted;
        if (await EarlierAsync(db, userId, key, ct) is { } earlier) return Replay(earlier, requestHash, path, http);

        // The key is claimed and the work done in one transaction: a concurrent retry waits on the key's unique
        // index (PostgreSQL) or the write lock (SQLite) and then replays, and a crash or a refusal leaves no record.
        var claimed = true;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var expired = now - Retention;
            await db.IdempotencyRecords.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(ct);
            var record = new IdempotencyRecord
            {
                EmployeeId = userId, Key = key, RequestPath = path, RequestHash = requestHash, CreatedAt = now,
            };
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                claimed = false;
            }
            if (claimed)
            {
                var result = await next(context);
                // Handlers return Results<...> unions; the status, value and location are on the result inside.
                var inner = result is INestedHttpResult nested ? nested.Result : result;
                if (inner is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ok)
                {
                    db.ChangeTracker.Clear();
                    db.Attach(record);
                    record.StatusCode = ok.StatusCode ?? 200;
                    record.ResponseJson = inner is IValueHttpResult valued ? JsonSerializer.Serialize(valued.Value, JsonOptions(http)) : null;
                    record.Location = LocationOf(inner, http);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                return result;
            }
        }

        // Someone else claimed the key first; their answer is committed now, or they gave none.
        db.ChangeTracker.Clear();
        return await EarlierAsync(db, userId, key, ct) is { } theirs
            ? Replay(theirs, requestHash, path, http)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Another request with this Idempotency-Key did not complete; send it again.");
    }

    private static Task<IdempotencyRecord?> EarlierAsync(ClienteleDb db, long userId, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.EmployeeId == userId && r.Key == key, ct);

    private static IResult Replay(IdempotencyRecord earlier, string requestHash, string path, HttpContext http)
    {
        if (earlier.RequestHash != requestHash || earlier.RequestPath != path)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was used for a different request.");
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Text(earlier.ResponseJson ?? "", "application/json", statusCode: earlier.StatusCode);
    }

    /// <summary>The Location a created result will send: its own (Created) or its route's link (CreatedAtRoute).</summary>
    private static string? LocationOf(object result, HttpContext http)
    {
        var type = result.GetType();
        if (type.GetProperty("Location")?.GetValue(result) is string location) return location;
        if (type.GetProperty("RouteValues")?.GetValue(result) is RouteValueDictionary values)
            return http.RequestServices.GetRequiredService<LinkGenerator>()
                .GetUriByRouteValues(http, type.GetProperty("RouteName")?.GetValue(result) as string, values);
        return null;
    }

    private static string HashArguments(IList<object?> arguments)
    {
        // Request bodies are the *Input types by convention; services and the context are not part of the request.
        var bodies = EntityBody.Inputs(arguments).Where(a => a.GetType().Name.EndsWith("Input", StringComparison.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(bodies.ToArray())));
    }

    private static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
}
