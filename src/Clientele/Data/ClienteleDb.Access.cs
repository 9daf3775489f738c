using System.Reflection;
using Clientele.Features.Access;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Data;

/// <summary>
/// Row-level access: global query filters keyed on <see cref="Access"/>. The lambdas are written on the context
/// itself, so EF reads the scope of the context running the query, not of the one the model was built with.
/// </summary>
public abstract partial class ClienteleDb
{
    /// <summary>Who is looking; nobody until the factory that made the context says (the user's, or the system's by name).</summary>
    public AccessScope Access { get; set; } = AccessScope.Nobody;

    /// <summary>
    /// A bulk load by the system (the demo base): the audit trail gets one entry for the load rather than one per
    /// row, which made loading the 2,000-client demo take a minute.
    /// </summary>
    public bool BulkLoad { get; set; }

    /// <summary>Tables keyed by client that are not filtered: the client filter itself reads co-managers (a filter
    /// there would loop), and the audit trail is read by the owner only and must count what was really touched.</summary>
    private static bool IsExemptFromClientFilter(Type type) =>
        type == typeof(ClientCoManager) || type.Namespace == "Clientele.Features.Audit";

    private void AddAccessFilters(ModelBuilder builder)
    {
        builder.Entity<Client>().HasQueryFilter(c =>
            Access.SeesAllClients
            || c.ManagerId == Access.ViewerId
            || Set<ClientCoManager>().Any(m => m.ClientId == c.Id && m.EmployeeId == Access.ViewerId)
            || Set<Employee>().Any(e => e.Id == c.ManagerId && e.TeamLeadId == Access.ViewerId));

        var byClient = typeof(ClienteleDb).GetMethod(nameof(FilterByClient), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            if (entity.BaseType is not null || entity.IsOwned() || entity.ClrType == typeof(Client) || IsExemptFromClientFilter(entity.ClrType)) continue;
            if (entity.FindProperty("ClientId") is { } property && property.ClrType == typeof(long))
                byClient.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
        builder.Entity<PurchaseLine>().HasQueryFilter(l => Access.SeesAllClients || Set<Purchase>().Any(p => p.Id == l.PurchaseId));
        // A deal's contract, deliveries, problems and products are seen by whoever sees the deal (ADR 045).
        FilterByDeal<Features.Pipeline.DealContract>(builder);
        FilterByDeal<Features.Pipeline.DealDelivery>(builder);
        FilterByDeal<Features.Pipeline.DealProblem>(builder);
        FilterByDeal<Features.Pipeline.DealLine>(builder);
    }

    private void FilterByDeal<T>(ModelBuilder builder) where T : class =>
        builder.Entity<T>().HasQueryFilter(x => Access.SeesAllClients || Set<Features.Pipeline.Deal>().Any(d => d.Id == EF.Property<long>(x, "DealId")));

    private void FilterByClient<T>(ModelBuilder builder) where T : class =>
        builder.Entity<T>().HasQueryFilter(x => Access.SeesAllClients || Set<Client>().Any(c => c.Id == EF.Property<long>(x, "ClientId")));
}
