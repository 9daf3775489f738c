using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>The filters shared by the clients grid and the list endpoint.</summary>
public sealed record ClientFilter(
    string? Q = null, ClientStatus? Status = null, long? ManagerId = null, long? ChannelId = null,
    ClientRole? Role = null, string? Region = null, string? Tag = null, bool? HasPurchases = null, long? ServedThroughId = null);

public enum ClientSort { Name, Created, LastPurchase, City, Revenue, Contribution, Abc, Stage }

/// <summary>A sort key the clients table does not hold (the analytics report's figures); null sorts last.</summary>
public delegate decimal? ClientKey(long clientId);

public sealed record ClientRow(
    long Id, string Name, ClientKind Kind, ClientRole Role, ClientStatus Status, string? City, string? Region,
    string? Phone, string? Email, string? TaxId, string? ManagerName, string? ChannelCode, string? ChannelName, int PurchaseCount,
    DateTime? LastPurchaseAt, DateTime CreatedAt, string? Kpp = null)
{
    // The grid's economics columns (GridEconomics), filled for the page only; not part of the API's list.
    [System.Text.Json.Serialization.JsonIgnore] public decimal? Revenue { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public decimal? Contribution { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public global::Clientele.Analytics.Structure.AbcClass? Abc { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public global::Clientele.Analytics.Loyalty.LoyaltyStage? Stage { get; init; }
}

/// <summary>Reads over the whole base: every query is shaped to walk one index, so it stays fast on a million clients.</summary>
public sealed class ClientQueries(ClienteleDb db, CompanySettingsReader settings)
{
    /// <summary>
    /// The grid counts at most this many matches: an exact COUNT over hundreds of thousands of filtered rows costs
    /// hundreds of milliseconds on SQLite, and nobody pages that far; the API's keyset lists have no such limit.
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>Whose view of the base these queries give.</summary>
    public Access.AccessScope Access => db.Access;

    public async Task<IQueryable<Client>> FilteredAsync(ClientFilter f, CancellationToken ct)
    {
        var query = db.Clients.AsNoTracking();
        if (f.Status is { } status) query = query.Where(c => c.Status == status);
        if (f.ManagerId is { } manager)
        {
            // "Id IN (co-managed ids)" rather than EXISTS: SQLite answers the OR as a union of two index lookups
            // (MULTI-INDEX OR); with EXISTS it tested every client of the other filters (2 s COUNT on 1M clients).
            var coManaged = db.ClientCoManagers.Where(m => m.EmployeeId == manager).Select(m => m.ClientId);
            query = query.Where(c => c.ManagerId == manager || coManaged.Contains(c.Id));
        }
        if (f.ChannelId is { } channel) query = query.Where(c => c.AcquisitionChannelId == channel);
        if (f.Role is { } role) query = query.Where(c => c.Role == role);
        if (f.ServedThroughId is { } intermediary) query = query.Where(c => c.ServedThroughId == intermediary);
        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            var region = f.Region.Trim();
            query = query.Where(c => c.Region == region);
        }
        if (!string.IsNullOrWhiteSpace(f.Tag))
        {
            var tag = f.Tag.Trim();
            // IN over the (Tag, ClientId) index, not a correlated EXISTS tested for every client.
            var tagged = db.ClientTags.Where(t => t.Tag == tag).Select(t => t.ClientId);
            query = query.Where(c => tagged.Contains(c.Id));
        }
        if (f.HasPurchases is { } has) query = has ? query.Where(c => c.PurchaseCount > 0) : query.Where(c => c.PurchaseCount == 0);
        var phoneRegion = (await settings.GetAsync(ct)).DefaultPhoneRegion;
        if (ClientSearch.Matching(db, f.Q, phoneRegion) is { } ids) query = query.Where(c => ids.Contains(c.Id));
        return query;
    }

    /// <summary>One page of the grid and the number of matching clients, counted up to <see cref="CountCap"/> + 1.</summary>
    public async Task<(List<ClientRow> Rows, int Total)> PageAsync(ClientFilter f, ClientSort sort, bool descending, int skip, int take, CancellationToken ct,
        ClientKey? key = null)
    {
        var query = await FilteredAsync(f, ct);
        if (key is not null) return await PageByKeyAsync(query, f, key, descending, skip, take, ct);
        int total;
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            // A search word may match tens of thousands of clients, and ordering them all by name fetches every row.
            // Order only the first CountCap + 1 clients that pass the search and every other filter (fetched once,
            // for the count and the page): the count still says "more than", and a filter narrows before the cap.
            var first = await query.Select(c => c.Id).Take(CountCap + 1).ToListAsync(ct);
            total = first.Count;
            // One JSON parameter (json_each), not a thousand scalar ones to bind.
            query = db.Clients.AsNoTracking().Where(c => EF.Parameter(first).Contains(c.Id));
        }
        else total = await query.Take(CountCap + 1).CountAsync(ct);
        // A reader who sees names masked sees "Client #id": ordering by the hidden name would tell them its alphabetical
        // place, so their name order is the id's (the number they see), also within a city.
        var byId = db.Access.MasksNames;
        var ordered = (sort, descending) switch
        {
            (ClientSort.Created, false) => query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            (ClientSort.Created, true) => query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            (ClientSort.LastPurchase, false) => query.OrderBy(c => c.LastPurchaseAt).ThenBy(c => c.Id),
            (ClientSort.LastPurchase, true) => query.OrderByDescending(c => c.LastPurchaseAt).ThenByDescending(c => c.Id),
            (ClientSort.City, false) when byId => query.OrderBy(c => c.City).ThenBy(c => c.Id),
            (ClientSort.City, true) when byId => query.OrderByDescending(c => c.City).ThenByDescending(c => c.Id),
            (ClientSort.City, false) => query.OrderBy(c => c.City).ThenBy(c => c.NameKey).ThenBy(c => c.Id),
            (ClientSort.City, true) => query.OrderByDescending(c => c.City).ThenByDescending(c => c.NameKey).ThenByDescending(c => c.Id),
            // A client without a stage (none computed yet) goes last either way, on both providers.
            (ClientSort.Stage, false) => query.OrderBy(c => db.Set<Loyalty.ClientLoyalty>().Where(l => l.ClientId == c.Id).Select(l => (int?)l.Stage).FirstOrDefault() ?? int.MaxValue).ThenBy(c => c.Id),
            (ClientSort.Stage, true) => query.OrderByDescending(c => db.Set<Loyalty.ClientLoyalty>().Where(l => l.ClientId == c.Id).Select(l => (int?)l.Stage).FirstOrDefault() ?? -1).ThenByDescending(c => c.Id),
            _ => ByName(query, db.Access, descending),
        };
        var rows = await Project(ordered.Skip(skip).Take(take), db.Access).ToListAsync(ct);
        await Audit.AuditReads.GridPageAsync(db, f, rows, ct);
        return (rows, total);
    }

    /// <summary>
    /// A page ordered by a key outside the clients table: every matching id is read (not only the first
    /// <see cref="CountCap"/> + 1, which would order a sample and call it the top) and ordered in memory, ties by id.
    /// The count stays capped like every other order's.
    /// </summary>
    private async Task<(List<ClientRow> Rows, int Total)> PageByKeyAsync(IQueryable<Client> query, ClientFilter f, ClientKey key, bool descending,
        int skip, int take, CancellationToken ct)
    {
        var ids = await query.Select(c => c.Id).ToListAsync(ct);
        var ordered = descending
            ? ids.OrderByDescending(id => key(id) ?? decimal.MinValue).ThenByDescending(id => id)
            : ids.OrderBy(id => key(id) ?? decimal.MaxValue).ThenBy(id => id);
        var page = ordered.Skip(skip).Take(take).ToList();
        var found = await Project(db.Clients.AsNoTracking().Where(c => EF.Parameter(page).Contains(c.Id)), db.Access).ToDictionaryAsync(r => r.Id, ct);
        List<ClientRow> rows = [.. page.Where(found.ContainsKey).Select(id => found[id])];
        await Audit.AuditReads.GridPageAsync(db, f, rows, ct);
        return (rows, Math.Min(ids.Count, CountCap + 1));
    }

    /// <summary>Orders by name as the reader sees it: by the id for readers who see "Client #id" instead of names.</summary>
    public static IOrderedQueryable<Client> ByName(IQueryable<Client> query, Access.AccessScope access, bool descending = false) =>
        (access.MasksNames, descending) switch
        {
            (true, false) => query.OrderBy(c => c.Id),
            (true, true) => query.OrderByDescending(c => c.Id),
            (false, true) => query.OrderByDescending(c => c.NameKey).ThenByDescending(c => c.Id),
            _ => query.OrderBy(c => c.NameKey).ThenBy(c => c.Id),
        };

    /// <summary>The grid's and lists' row, with the fields the viewer's role may not see masked in the query itself
    /// (a projection bypasses the entity masks of <see cref="Access.FieldMasks"/>).</summary>
    public static IQueryable<ClientRow> Project(IQueryable<Client> query, Access.AccessScope access)
    {
        bool names = access.MasksNames, contacts = access.MasksContacts, sensitive = access.MasksSensitive;
        return query.Select(c => new ClientRow(
        c.Id, names ? Features.Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name, c.Kind, c.Role, c.Status, c.City, c.Region,
        contacts ? null : c.Phone, contacts ? null : c.Email, sensitive && c.Kind == ClientKind.Person ? null : c.TaxId,
        c.Manager != null ? c.Manager.DisplayName : null,
        c.AcquisitionChannel != null ? c.AcquisitionChannel.Code : null,
        c.AcquisitionChannel != null ? c.AcquisitionChannel.Name : null,
        c.PurchaseCount, c.LastPurchaseAt, c.CreatedAt, c.Kpp));
    }

    public Task<Client?> CardAsync(long id, CancellationToken ct) =>
        db.Clients.AsNoTracking()
            .Include(c => c.Tags).Include(c => c.CoManagers).Include(c => c.Manager).Include(c => c.AcquisitionChannel).Include(c => c.ReferredBy)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
}
