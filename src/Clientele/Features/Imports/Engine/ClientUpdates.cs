using System.Text.Json;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>A client's fields and tags before an import changed them: what rolling the import back restores.</summary>
public sealed record ClientBefore(
    int Kind, int Role, int Status, string Name, string? LegalName, string? TaxId, string? Phone, string? Email, string? Website,
    string? City, string? Region, string? Country, string? Industry, long? ManagerId, long? ChannelId, DateOnly? AcquiredOn,
    string? Notes, string[] Tags, DateTime UpdatedAt, long Version, string? Kpp = null, string? ExternalCode = null)
{
    public static ClientBefore Of(Client c) => new((int)c.Kind, (int)c.Role, (int)c.Status, c.Name, c.LegalName, c.TaxId, c.Phone,
        c.Email, c.Website, c.City, c.Region, c.Country, c.Industry, c.ManagerId, c.AcquisitionChannelId, c.AcquiredOn, c.Notes,
        [.. c.Tags.Select(t => t.Tag)], c.UpdatedAt, c.Version, c.Kpp, c.ExternalCode);

    /// <summary>
    /// Puts the client back exactly as it was, stamps and version included: rolling an import back is undoing it, not a
    /// new edit (bypassing the context's stamping on purpose). Tags are rewritten; the caller re-derives search terms.
    /// </summary>
    public async Task RestoreAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        await db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Kind, (ClientKind)Kind).SetProperty(c => c.Role, (ClientRole)Role).SetProperty(c => c.Status, (ClientStatus)Status)
            .SetProperty(c => c.Name, Name).SetProperty(c => c.NameKey, ClientSearch.Key(Name)).SetProperty(c => c.LegalName, LegalName)
            .SetProperty(c => c.TaxId, TaxId).SetProperty(c => c.Kpp, Kpp).SetProperty(c => c.ExternalCode, ExternalCode).SetProperty(c => c.Phone, Phone).SetProperty(c => c.Email, Email).SetProperty(c => c.Website, Website)
            .SetProperty(c => c.City, City).SetProperty(c => c.Region, Region).SetProperty(c => c.Country, Country)
            .SetProperty(c => c.Industry, Industry).SetProperty(c => c.ManagerId, ManagerId).SetProperty(c => c.AcquisitionChannelId, ChannelId)
            .SetProperty(c => c.AcquiredOn, AcquiredOn).SetProperty(c => c.Notes, Notes)
            .SetProperty(c => c.UpdatedAt, UpdatedAt).SetProperty(c => c.Version, Version), ct);
        await db.ClientTags.IgnoreQueryFilters().Where(t => t.ClientId == clientId).ExecuteDeleteAsync(ct);
        foreach (var tag in Tags) db.ClientTags.Add(new ClientTag { ClientId = clientId, Tag = tag });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The import's changes to clients already in the base, through EF (they are few next to the new ones).</summary>
public static class ClientUpdates
{
    private const int Batch = 500;

    /// <summary>Overwrites each updated client's fields with those the file gives, keeping the first before-image.</summary>
    public static async Task<int> ApplyAsync(ClienteleDb db, long jobId, CancellationToken ct)
    {
        var touched = new HashSet<long>();
        long after = 0;
        while (true)
        {
            var rows = await db.Set<StagedClient>().AsNoTracking()
                .Where(s => s.JobId == jobId && s.Action == ImportRowAction.Update && s.Seq > after)
                .OrderBy(s => s.Seq).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) return touched.Count;
            after = rows[^1].Seq;
            var ids = rows.Select(r => r.ExistingClientId!.Value).Distinct().ToArray();
            var clients = await db.Clients.IgnoreQueryFilters().Include(c => c.Tags).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var row in rows)
            {
                if (!clients.TryGetValue(row.ExistingClientId!.Value, out var client)) continue;
                if (touched.Add(client.Id))
                    db.Add(new ImportBeforeImage { JobId = jobId, ClientId = client.Id, Json = JsonSerializer.Serialize(ClientBefore.Of(client), ImportJobs.Json) });
                Overwrite(client, row);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static void Overwrite(Client c, StagedClient r)
    {
        if (r.Kind is { } kind) c.Kind = (ClientKind)kind;
        if (r.Role is { } role) c.Role = (ClientRole)role;
        if (r.Status is { } status) c.Status = (ClientStatus)status;
        c.Name = r.Name!;
        c.NameKey = r.NameKey;
        c.LegalName = r.LegalName ?? c.LegalName;
        c.TaxId = r.TaxId ?? c.TaxId;
        c.Kpp = r.Kpp ?? c.Kpp;
        c.ExternalCode = r.ExternalCode ?? c.ExternalCode;
        c.Phone = r.Phone ?? c.Phone;
        c.Email = r.Email ?? c.Email;
        c.Website = r.Website ?? c.Website;
        c.City = r.City ?? c.City;
        c.Region = r.Region ?? c.Region;
        c.Country = r.Country ?? c.Country;
        c.Industry = r.Industry ?? c.Industry;
        c.ManagerId = r.ManagerId ?? c.ManagerId;
        c.AcquisitionChannelId = r.ChannelId ?? c.AcquisitionChannelId;
        c.AcquiredOn = r.AcquiredOn ?? c.AcquiredOn;
        c.Notes = r.Notes ?? c.Notes;
    }

    /// <summary>Re-derives the search terms of the existing clients the job changed or added contacts to.</summary>
    public static async Task ResyncTermsAsync(ClienteleDb db, long jobId, CancellationToken ct)
    {
        var ids = await db.Set<StagedClient>().Where(s => s.JobId == jobId && s.ExistingClientId != null
                && (s.Action == ImportRowAction.Update || s.Action == ImportRowAction.Merge))
            .Select(s => s.ExistingClientId!.Value).Distinct().ToListAsync(ct);
        await ResyncAsync(db, ids, ct);
    }

    public static async Task ResyncAsync(ClienteleDb db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(Batch))
        {
            var clients = await db.Clients.IgnoreQueryFilters().Include(c => c.SearchTerms).Where(c => chunk.Contains(c.Id)).ToListAsync(ct);
            var contacts = (await db.ContactPersons.IgnoreQueryFilters().AsNoTracking().Where(p => chunk.Contains(p.ClientId)).ToListAsync(ct))
                .ToLookup(p => p.ClientId);
            foreach (var client in clients) ClientSearch.Sync(client, contacts[client.Id]);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
