using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

/// <summary>One side of a pair, as the review list shows it.</summary>
public sealed record ClientSummary(long Id, string Name, string? LegalName, string? City, string? Phone, string? Email, string? TaxId,
    string? Website, string? Industry, string? ManagerName, int Purchases, DateTime CreatedAt);

public sealed record DuplicatePair(long Id, DuplicateReason Reason, double Score, DuplicateSource Source, long? ImportJobId, DuplicateStatus Status,
    DateTime CreatedAt, ClientSummary Left, ClientSummary Right);

public sealed record DuplicateFilter(DuplicateStatus? Status = DuplicateStatus.Open, DuplicateSource? Source = null, long? ImportJobId = null);

public sealed record MergeSummary(long Id, long KeptId, string KeptName, long MergedId, string MergedName, long? MergedById, string? MergedByName,
    DateTime MergedAt, DateTime? UndoneAt, bool CanUndo);

/// <summary>The review list and the list of merges, through the access filters: a manager sees pairs of their own clients only.</summary>
public static class DuplicateQueries
{
    /// <summary>Candidates whose two clients the context sees (the filter covers the first; the other is checked here).</summary>
    public static IQueryable<DuplicateCandidate> Visible(ClienteleDb db, DuplicateFilter filter)
    {
        var query = db.Set<DuplicateCandidate>().AsNoTracking().Where(d => db.Clients.Any(c => c.Id == d.OtherClientId));
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (filter.Source is { } source) query = query.Where(d => d.Source == source);
        if (filter.ImportJobId is { } job) query = query.Where(d => d.ImportJobId == job);
        return query;
    }

    /// <summary>A page by id, with both clients' summaries; <paramref name="afterId"/> is the last id of the previous page.</summary>
    public static async Task<List<DuplicatePair>> PageAsync(ClienteleDb db, DuplicateFilter filter, long afterId, int take, CancellationToken ct)
    {
        var candidates = await Visible(db, filter).Where(d => d.Id > afterId).OrderBy(d => d.Id).Take(take).ToListAsync(ct);
        return await WithClientsAsync(db, candidates, ct);
    }

    public static async Task<List<DuplicatePair>> WithClientsAsync(ClienteleDb db, List<DuplicateCandidate> candidates, CancellationToken ct)
    {
        var ids = candidates.SelectMany(d => new[] { d.ClientId, d.OtherClientId }).Distinct().ToList();
        var clients = new Dictionary<long, ClientSummary>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var c in await db.Clients.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new ClientSummary(c.Id, c.Name, c.LegalName, c.City, c.Phone, c.Email, c.TaxId, c.Website, c.Industry,
                    c.Manager != null ? c.Manager.DisplayName : null, c.PurchaseCount, c.CreatedAt))
                .ToListAsync(ct))
                clients[c.Id] = c;
        return [.. candidates.Where(d => clients.ContainsKey(d.ClientId) && clients.ContainsKey(d.OtherClientId))
            .Select(d => new DuplicatePair(d.Id, d.Reason, d.Score, d.Source, d.ImportJobId, d.Status, d.CreatedAt, clients[d.ClientId], clients[d.OtherClientId]))];
    }

    /// <summary>
    /// Every merge for those who see every client; for a manager the merges they made and those whose kept or
    /// (after an undo) merged client they see.
    /// </summary>
    public static IQueryable<ClientMergeRecord> VisibleMerges(ClienteleDb db)
    {
        if (db.Access.SeesAllClients) return db.Set<ClientMergeRecord>();
        var viewer = db.Access.ViewerId;
        return db.Set<ClientMergeRecord>().Where(m => m.MergedById == viewer || db.Clients.Any(c => c.Id == m.KeptId || c.Id == m.MergedId));
    }

    /// <summary>The latest merges into clients the context sees, newest first; CanUndo when no later merge involved either client.</summary>
    public static async Task<List<MergeSummary>> MergesAsync(ClienteleDb db, int take, CancellationToken ct)
    {
        var merges = await VisibleMerges(db).AsNoTracking()
            .OrderByDescending(m => m.Id).Take(take)
            .Select(m => new
            {
                m.Id, m.KeptId, m.KeptName, m.MergedId, m.MergedName, m.MergedById, m.MergedAt, m.UndoneAt,
                By = db.Users.Where(u => u.Id == m.MergedById).Select(u => u.DisplayName).FirstOrDefault(),
                Later = db.Set<ClientMergeRecord>().Any(o => o.Id > m.Id && o.UndoneAt == null
                    && (o.KeptId == m.KeptId || o.MergedId == m.KeptId || o.KeptId == m.MergedId || o.MergedId == m.MergedId)),
            })
            .ToListAsync(ct);
        return [.. merges.Select(m => new MergeSummary(m.Id, m.KeptId, m.KeptName, m.MergedId, m.MergedName, m.MergedById, m.By, m.MergedAt, m.UndoneAt,
            m.UndoneAt is null && !m.Later))];
    }
}
