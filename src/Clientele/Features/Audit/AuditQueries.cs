using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Audit;

public sealed record AuditEntryRow(long Id, DateTime At, long? EmployeeId, string? EmployeeName, AuditAction Action, string? Entity, long? EntityId,
    string? Detail, string? Ip, int? RowCount, int ClientCount);

/// <param name="Listed">Times the client was on a page of search results the user was shown.</param>
public sealed record ClientSeenRow(long ClientId, string? ClientName, int Views, int Exports, int Listed, DateTime FirstAt, DateTime LastAt);

public sealed record ViewerRow(DateTime At, long? EmployeeId, string? EmployeeName, AuditAction Action, long EntryId);

public sealed record AlertRow(long Id, long EmployeeId, string? EmployeeName, DateTime At, int ClientCount, double Baseline, DateTime? LiftedAt, long? LiftedById);

/// <param name="To">Exclusive.</param>
public sealed record AuditFilter(long? EmployeeId = null, long? ClientId = null, AuditAction? Action = null, DateTime? From = null, DateTime? To = null);

/// <summary>The owner's questions to the trail; each walks one of the trail's indexes.</summary>
public static class AuditQueries
{
    /// <summary>An export or answer holds at most this many rows; the filters narrow a larger one.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Entries newest first, before the entry id <paramref name="beforeId"/> (keyset paging).</summary>
    public static Task<List<AuditEntryRow>> EntriesAsync(ClienteleDb db, AuditFilter f, long? beforeId, int take, CancellationToken ct)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (f.ClientId is { } client)
        {
            var touched = db.Set<AuditEntryClient>().Where(c => c.ClientId == client).Select(c => c.EntryId);
            query = query.Where(e => touched.Contains(e.Id));
        }
        if (f.EmployeeId is { } employee) query = query.Where(e => e.EmployeeId == employee);
        if (f.Action is { } action) query = query.Where(e => e.Action == action);
        if (f.From is { } from) query = query.Where(e => e.At >= from);
        if (f.To is { } to) query = query.Where(e => e.At < to);
        if (beforeId is { } before) query = query.Where(e => e.Id < before);
        return query.OrderByDescending(e => e.Id).Take(take).Select(e => new AuditEntryRow(e.Id, e.At, e.EmployeeId,
            db.Users.Where(u => u.Id == e.EmployeeId).Select(u => u.DisplayName).FirstOrDefault(),
            e.Action, e.Entity, e.EntityId, e.Detail, e.Ip, e.RowCount, e.ClientCount)).ToListAsync(ct);
    }

    /// <summary>The distinct clients the employee viewed, exported or was shown in search results, with counts.</summary>
    public static async Task<List<ClientSeenRow>> ClientsSeenAsync(ClienteleDb db, long employeeId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var query = db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.EmployeeId == employeeId);
        if (from is { } f) query = query.Where(c => c.At >= f);
        if (to is { } t) query = query.Where(c => c.At < t);
        var groups = await query
            .Where(c => c.Action == AuditAction.ClientViewed || c.Action == AuditAction.Exported || c.Action == AuditAction.PersonalDataExported
                || c.Action == AuditAction.ClientsSearched)
            .GroupBy(c => c.ClientId)
            .Select(g => new
            {
                ClientId = g.Key,
                Views = g.Count(c => c.Action == AuditAction.ClientViewed),
                Exports = g.Count(c => c.Action == AuditAction.Exported || c.Action == AuditAction.PersonalDataExported),
                Listed = g.Count(c => c.Action == AuditAction.ClientsSearched),
                FirstAt = g.Min(c => c.At),
                LastAt = g.Max(c => c.At),
            })
            .OrderByDescending(g => g.LastAt).ThenBy(g => g.ClientId).Take(MaxRows).ToListAsync(ct);
        var names = await NamesAsync(db, groups.Select(g => g.ClientId).ToList(), ct);
        return [.. groups.Select(g => new ClientSeenRow(g.ClientId, names.GetValueOrDefault(g.ClientId), g.Views, g.Exports, g.Listed, g.FirstAt, g.LastAt))];
    }

    /// <summary>Who viewed, exported or was shown the client, newest first.</summary>
    public static async Task<List<ViewerRow>> ViewersAsync(ClienteleDb db, long clientId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var query = db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.ClientId == clientId);
        if (from is { } f) query = query.Where(c => c.At >= f);
        if (to is { } t) query = query.Where(c => c.At < t);
        var rows = await query.OrderByDescending(c => c.At).ThenByDescending(c => c.EntryId).Take(MaxRows)
            .Select(c => new { c.At, c.EmployeeId, c.Action, c.EntryId }).ToListAsync(ct);
        var employees = await EmployeeNamesAsync(db, ct);
        return [.. rows.Select(r => new ViewerRow(r.At, r.EmployeeId, r.EmployeeId is { } e ? employees.GetValueOrDefault(e) : null, r.Action, r.EntryId))];
    }

    public static async Task<List<AlertRow>> AlertsAsync(ClienteleDb db, bool openOnly, CancellationToken ct)
    {
        var query = db.Set<MassAccessAlert>().AsNoTracking();
        if (openOnly) query = query.Where(a => a.LiftedAt == null);
        var alerts = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
        var employees = await EmployeeNamesAsync(db, ct);
        return [.. alerts.Select(a => new AlertRow(a.Id, a.EmployeeId, employees.GetValueOrDefault(a.EmployeeId), a.At, a.ClientCount, a.Baseline, a.LiftedAt, a.LiftedById))];
    }

    public static Task<int> OpenAlertCountAsync(ClienteleDb db, CancellationToken ct) =>
        db.Set<MassAccessAlert>().CountAsync(a => a.LiftedAt == null, ct);

    public static Task<Dictionary<long, string>> EmployeeNamesAsync(ClienteleDb db, CancellationToken ct) =>
        db.Set<Employee>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.DisplayName, ct);

    /// <summary>Names of the clients that still exist (and that the reader may see), in chunks of one parameter each.</summary>
    private static async Task<Dictionary<long, string>> NamesAsync(ClienteleDb db, List<long> ids, CancellationToken ct)
    {
        var names = new Dictionary<long, string>(ids.Count);
        foreach (var chunk in ids.Chunk(5_000))
        {
            var part = chunk.ToList();
            foreach (var c in await db.Clients.AsNoTracking().Where(c => part.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                names[c.Id] = c.Name;
        }
        return names;
    }
}
