using Clientele.Features.Audit;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

public sealed record ClientResponse(
    long Id, ClientKind Kind, ClientRole Role, string Name, string? LegalName, string? TaxId, string? Industry,
    string? Region, string? City, string? Country, SizeBand Size, string? Website, string? Phone, string? Email,
    long? AcquisitionChannelId, DateOnly? AcquiredOn, decimal? AcquisitionCost, long? ReferredById,
    long? ManagerId, long[] CoManagerIds, ClientStatus Status, DateOnly? LostOn, string? ChurnReason,
    string? Competitor, string[] Tags, string? Notes, int PurchaseCount, DateTime? LastPurchaseAt,
    DateTime CreatedAt, DateTime UpdatedAt, long Version, string? ExternalCode = null, string? Kpp = null, string? TimeZone = null, long? ServedThroughId = null,
    long? PreviousSupplierId = null)
{
    public static ClientResponse From(Client c) => new(
        c.Id, c.Kind, c.Role, c.Name, c.LegalName, c.TaxId, c.Industry, c.Region, c.City, c.Country, c.Size,
        c.Website, c.Phone, c.Email, c.AcquisitionChannelId, c.AcquiredOn, c.AcquisitionCost, c.ReferredById,
        c.ManagerId, [.. c.CoManagers.Select(m => m.EmployeeId).Order()], c.Status, c.LostOn, c.ChurnReason,
        c.Competitor, [.. c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)], c.Notes, c.PurchaseCount,
        c.LastPurchaseAt, c.CreatedAt, c.UpdatedAt, c.Version, c.ExternalCode, c.Kpp, c.TimeZone, c.ServedThroughId, c.PreviousSupplierId);
}

public sealed record ChannelResponse(long Id, string? Code, string Name, bool IsActive);

public sealed record ChannelInput(string? Name);

public static class ClientsApi
{
    public static RouteGroupBuilder MapClients(this RouteGroupBuilder api)
    {
        api.MapEntity("/clients", "Clients", ClientSpec.Instance, filter: null).AuditsClientsApiReads()
            .AddEndpointFilter(DefaultEmployee.Filter).MapGet("/", List)
            .WithSummary("A page of the grid's clients (?q= search, ?status=, ?managerId=, ?channelId=, ?role=, ?servedThrough= an intermediary's id; ?limit=, ?after= the previous page's next).");

        var channels = api.MapGroup("/channels").WithTags("Clients");
        channels.MapGet("/", async (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(
            await db.AcquisitionChannels.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new ChannelResponse(c.Id, c.Code, c.Name, c.IsActive)).ToListAsync(ct)))
            .WithName("ListChannels").WithSummary("Every acquisition channel: the built-ins (with a stable code) and the company's own.");
        channels.MapPost("/", CreateChannel).AddEndpointFilter<IdempotencyFilter>().WithSummary("Adds an acquisition channel of the company's own.");
        return api;
    }

    private static async Task<Results<Ok<Page<ClientRow>>, ValidationProblem>> List(
        ClientQueries queries, CancellationToken ct, int? limit = null, string? after = null, string? q = null,
        ClientStatus? status = null, long? managerId = null, long? channelId = null, ClientRole? role = null,
        string? region = null, string? tag = null, bool? hasPurchases = null, long? servedThrough = null)
    {
        if (!ApiConventions.TryAfter(after, out var afterId)) return ApiConventions.Invalid("after", Message.Of("is not a cursor this API gave out."));
        var take = ApiConventions.Limit(limit);
        var query = await queries.FilteredAsync(new ClientFilter(q, status, managerId, channelId, role, region, tag, hasPurchases, servedThrough), ct);
        var rows = await ClientQueries.Project(query.Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(take + 1), queries.Access).ToListAsync(ct);
        return TypedResults.Ok(ApiConventions.ToPage(rows, take, r => r.Id));
    }

    private static async Task<Results<Created<ChannelResponse>, ValidationProblem>> CreateChannel(ChannelInput input, ClienteleDb db, CancellationToken ct)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, 100);
        if (name is not null && await db.AcquisitionChannels.AnyAsync(c => c.Name == name, ct)) errors.Add("name", Message.Of("a channel named '{0}' exists.", name));
        if (errors.Any) return ApiConventions.Invalid(errors);
        var channel = new AcquisitionChannel { Name = name! };
        db.AcquisitionChannels.Add(channel);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/channels/{channel.Id}", new ChannelResponse(channel.Id, channel.Code, channel.Name, channel.IsActive));
    }
}
