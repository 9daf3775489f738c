using System.Text.Json;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>
/// Declares that an endpoint answers client rows (<see cref="AuditReads.AuditsClientRows"/>): its reads are audited and
/// counted by the mass-access guard. The access-matrix test requires it of every endpoint whose answer holds client ids.
/// </summary>
public sealed record ClientRowsRead(Func<object, IReadOnlyCollection<long>?> ClientIds);

/// <summary>Records who read which clients: card views, the lists a search returned, and every other list of client rows.</summary>
public static class AuditReads
{
    /// <summary>
    /// Endpoint filter for the clients API: a client answered by GET /clients/{id} is a view, a non-empty page of
    /// GET /clients is a search. Writes are left to the save interceptor. A user the mass-access guard stopped gets no
    /// more pages (card views stay open: they are one client each, and each is on the trail).
    /// </summary>
    public static async ValueTask<object?> ClientsApiFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method)) return await next(context);
        if (!http.Request.RouteValues.ContainsKey("id") && await StoppedAsync(http) is { } stopped) return stopped;
        var result = await next(context);
        var log = http.RequestServices.GetRequiredService<AuditLog>();
        switch (ValueOf(result))
        {
            case ClientResponse client:
                await log.RecordAsync(Viewed(client.Id), http.RequestAborted);
                break;
            case Page<ClientRow> { Items.Count: > 0 } page:
                var filter = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
                await log.RecordAsync(Searched(filter, page.Items.Select(r => r.Id).ToList()), http.RequestAborted);
                break;
        }
        return result;
    }

    /// <summary>The clients API's reads: declared as client rows (for the access matrix) and audited by <see cref="ClientsApiFilter"/>.</summary>
    public static TBuilder AuditsClientsApiReads<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ClientRowsRead(value => value switch
        {
            ClientResponse client => [client.Id],
            Page<ClientRow> page => [.. page.Items.Select(r => r.Id)],
            _ => null,
        }));
        return builder.AddEndpointFilter(ClientsApiFilter);
    }

    /// <summary>
    /// Declares that the endpoint's GET answers carry client rows, and audits them: every non-empty answer is one entry
    /// naming the clients it held (with the path and query that found them), which the mass-access guard counts; a user
    /// it stopped is refused until the owner lifts the stop. <paramref name="clientIds"/> reads the client ids out of
    /// the answer's value (null or empty: nothing to record).
    /// </summary>
    public static TBuilder AuditsClientRows<TBuilder>(this TBuilder builder, Func<object, IReadOnlyCollection<long>?> clientIds)
        where TBuilder : IEndpointConventionBuilder
    {
        var declared = new ClientRowsRead(clientIds);
        builder.WithMetadata(declared);
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method)) return await next(context);
            if (await StoppedAsync(http) is { } stopped) return stopped;
            var result = await next(context);
            if (ValueOf(result) is { } value && declared.ClientIds(value) is { Count: > 0 } ids)
            {
                var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
                await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(Listed(http.Request.Path.Value ?? "", query, ids), http.RequestAborted);
            }
            return result;
        });
    }

    /// <summary>An entity API (<c>MapEntity</c>) whose records belong to clients: its pages and single records are client rows.</summary>
    public static RouteGroupBuilder AuditsEntityClientRows<TResponse>(this RouteGroupBuilder group, Func<TResponse, long?> clientId) =>
        group.AuditsClientRows(value => value switch
        {
            Page<TResponse> page => [.. page.Items.Select(clientId).Where(id => id.HasValue).Select(id => id!.Value)],
            TResponse one => clientId(one) is { } id ? [id] : [],
            _ => null,
        });

    /// <summary>
    /// The problem a user stopped by the mass-access guard gets instead of client rows, in their language; null while
    /// they are not stopped. The owner is never stopped: they alone lift a stop, so stopping them would protect nothing.
    /// </summary>
    public static async Task<IResult?> StoppedAsync(HttpContext http)
    {
        if (CurrentUser.IdOf(http.User) is not { } employeeId || CurrentUser.RoleOf(http.User) == EmployeeRole.Owner) return null;
        var db = http.RequestServices.GetRequiredService<ClienteleDb>();
        if (!await MassAccess.IsBlockedAsync(db, employeeId, http.RequestAborted)) return null;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Exports.Control.ExportControlText>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text[StoppedTitle], detail: text[StoppedDetail],
            extensions: new Dictionary<string, object?> { ["stopped"] = "massAccess" });
    }

    /// <summary>Resource keys (English is the key itself) of the answer to a stopped user.</summary>
    public const string StoppedTitle = "Lists of clients stopped; the owner was alerted.",
        StoppedDetail = "The mass-access guard stopped your client lists and exports after unusually wide access to client records. The owner can lift the stop.";

    private static object? ValueOf(object? result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IValueHttpResult v ? v.Value : null;

    public static AuditEvent Viewed(long clientId) => new(AuditAction.ClientViewed, Entity: "Client", EntityId: clientId, ClientIds: [clientId]);

    public static AuditEvent Searched(object filter, IReadOnlyCollection<long> clientIds) =>
        new(AuditAction.ClientsSearched, Entity: "Client", ClientIds: clientIds, RowCount: clientIds.Count,
            Detail: JsonSerializer.Serialize(new { filter }));

    /// <summary>A page of a list of client rows other than the clients grid: its endpoint and query, and the clients it held.</summary>
    public static AuditEvent Listed(string path, IReadOnlyDictionary<string, string> query, IReadOnlyCollection<long> clientIds) =>
        new(AuditAction.ClientsSearched, Entity: "Client", ClientIds: clientIds, RowCount: clientIds.Count,
            Detail: JsonSerializer.Serialize(new { path, filter = query }));

    /// <summary>
    /// Whether a page of the app may list client rows to its reader: not while the mass-access guard has stopped them —
    /// the page then shows <see cref="StoppedTitle"/> instead, as the page's API twin answers 403
    /// (<see cref="StoppedAsync"/>). The owner, and the system (no role), are never stopped.
    /// </summary>
    public static async Task<bool> MayListAsync(ClienteleDb db, CancellationToken ct) =>
        db.Access.Role is not { } role || role == EmployeeRole.Owner || !await MassAccess.IsBlockedAsync(db, db.Access.ViewerId, ct);

    /// <summary>
    /// A page of the app that lists client rows, audited as its API twin (<see cref="AuditsClientRows"/>): one
    /// <see cref="Listed"/> entry under the twin's path and query naming the clients shown, which the mass-access guard
    /// counts. The page is rendered once before it turns interactive and once after; the second rendering of the same
    /// list by the same user within a minute is the same page shown, so it is not recorded again.
    /// </summary>
    public static async Task PageShownAsync(ClienteleDb db, string twinPath, IReadOnlyDictionary<string, string> query, IEnumerable<long> clientIds, CancellationToken ct)
    {
        var ids = clientIds.Distinct().ToList();
        if (ids.Count == 0) return;
        // The page's context is its reader's scope: the reader is named from it, not from the ambient circuit.
        long? employee = db.Access.Role is null ? null : db.Access.ViewerId;
        var listed = Listed(twinPath, query, ids) with { EmployeeId = employee };
        var recent = db.UtcNow.AddMinutes(-1);
        if (employee is not null && await db.Set<AuditEntry>().AnyAsync(e => e.EmployeeId == employee && e.At >= recent
                && e.Action == listed.Action && e.Detail == listed.Detail && e.ClientCount == ids.Count, ct))
            return;
        await new AuditLog(db).RecordAsync(listed, ct);
    }

    /// <summary>
    /// A page's list of client rows read as its API twin answers it: null while the mass-access guard has stopped the
    /// reader (<see cref="MayListAsync"/>, the page then shows <c>ClientListStopped</c>), else the rows, recorded as one
    /// page shown (<see cref="PageShownAsync"/>) naming the clients <paramref name="clientIds"/> — the twin's own
    /// function — finds in them.
    /// </summary>
    public static async Task<T?> ListedAsync<T>(ClienteleDb db, string pagePath, IReadOnlyDictionary<string, string> query,
        Func<Task<T>> read, Func<T, IEnumerable<long>> clientIds, CancellationToken ct) where T : class
    {
        if (!await MayListAsync(db, ct)) return null;
        var rows = await read();
        await PageShownAsync(db, pagePath, query, clientIds(rows), ct);
        return rows;
    }

    /// <summary>The clients grid: one entry per page shown, with the filter that found it.</summary>
    public static Task GridPageAsync(ClienteleDb db, ClientFilter filter, IReadOnlyCollection<ClientRow> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask
            : new AuditLog(db).RecordAsync(Searched(filter, [.. rows.Select(r => r.Id)]), ct);

    /// <summary>
    /// The client card: a view, unless the same user viewed the same client within the last minute — the page is
    /// rendered once on the server and once more when it turns interactive, which is one view to the person.
    /// </summary>
    public static async Task CardViewedAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var (employee, _) = await AuditActor.CurrentAsync(null);
        var recent = db.UtcNow.AddMinutes(-1);
        if (employee is not null && await db.Set<AuditEntryClient>().AnyAsync(c => c.ClientId == clientId && c.At >= recent
                && c.EmployeeId == employee && c.Action == AuditAction.ClientViewed, ct))
            return;
        await new AuditLog(db).RecordAsync(Viewed(clientId), ct);
    }
}
