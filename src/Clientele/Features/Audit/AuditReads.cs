using System.Text.Json;
using Clientele.Features.Clients;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Audit;

/// <summary>Records who read which clients: card views and the lists a search returned.</summary>
public static class AuditReads
{
    /// <summary>
    /// Endpoint filter for the clients API: a client answered by GET /clients/{id} is a view, a non-empty page of
    /// GET /clients is a search. Writes are left to the save interceptor.
    /// </summary>
    public static async ValueTask<object?> ClientsApiFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method)) return result;
        var value = (result is INestedHttpResult nested ? nested.Result : result) is IValueHttpResult v ? v.Value : null;
        var log = http.RequestServices.GetRequiredService<AuditLog>();
        switch (value)
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

    public static AuditEvent Viewed(long clientId) => new(AuditAction.ClientViewed, Entity: "Client", EntityId: clientId, ClientIds: [clientId]);

    public static AuditEvent Searched(object filter, IReadOnlyCollection<long> clientIds) =>
        new(AuditAction.ClientsSearched, Entity: "Client", ClientIds: clientIds, RowCount: clientIds.Count,
            Detail: JsonSerializer.Serialize(new { filter }));

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
