using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>Checks and normalises a <see cref="ClientInput"/>; references are checked against the database.</summary>
public static class ClientRules
{
    public const int NameMax = 300;
    public const int NotesMax = 10_000;
    public const int TagMax = 50;
    public const int MaxTags = 30;
    public const int ExternalCodeMax = 50;

    /// <param name="before">The client as stored (null for a new one): an intermediary link it already has is kept without asking
    /// whether the reader sees the intermediary (a manager's client may be served through a colleague's dealer), and its previous
    /// supplier is kept even if deactivated since.</param>
    public static async Task<Errors> CheckAsync(ClienteleDb db, ClientInput input, Client? before, string phoneRegion, CancellationToken ct)
    {
        var (selfId, storedSupplierId) = (before?.Id, before?.PreviousSupplierId);
        var e = new Errors();
        e.Defined("kind", input.Kind);
        e.Defined("role", input.Role);
        e.Defined("size", input.Size);
        e.Defined("status", input.Status);
        input.Name = e.Required("name", input.Name, NameMax);
        input.LegalName = e.Optional("legalName", input.LegalName, NameMax);
        input.ExternalCode = e.Optional("externalCode", input.ExternalCode, ExternalCodeMax);
        input.Industry = e.Optional("industry", input.Industry, 100);
        input.Region = e.Optional("region", input.Region, 100);
        input.City = e.Optional("city", input.City, 100);
        input.Country = e.Optional("country", input.Country, 2)?.ToUpperInvariant();
        if (input.Country is { } country && !(country.Length == 2 && country.All(char.IsAsciiLetterUpper)))
            e.Add("country", Message.Of("'{0}' is not a two-letter ISO 3166 country code.", country));
        // The tax id is read by the client's country (ADR 021); a malformed country leaves Russia's rule to decide.
        var taxCountry = e.Has("country") ? null : input.Country;
        input.TaxId = e.TaxId("taxId", input.TaxId, taxCountry);
        input.Kpp = e.Kpp("kpp", input.Kpp, e.Has("taxId") ? null : input.TaxId, taxCountry);
        input.Website = e.Optional("website", input.Website, 300);
        if (input.Website is { } site && !Uri.TryCreate(site.Contains("://") ? site : "https://" + site, UriKind.Absolute, out _))
            e.Add("website", Message.Of("'{0}' is not a web address.", site));
        input.Phone = e.Phone("phone", input.Phone, phoneRegion);
        input.Email = e.Email("email", input.Email);
        input.AcquisitionCost = e.Amount("acquisitionCost", input.AcquisitionCost);
        input.ChurnReason = e.Optional("churnReason", input.ChurnReason, 500);
        input.Competitor = e.Optional("competitor", input.Competitor, 200);
        input.Notes = e.Optional("notes", input.Notes, NotesMax);
        if (e.Optional("timeZone", input.TimeZone, 64) is { } zoneId)
        {
            input.TimeZone = Company.CompanyDays.Find(zoneId)?.Id;
            if (input.TimeZone is null)
                e.Add("timeZone", Message.Of<Clientele.Features.Company.CompanyText>("'{0}' is not a time zone this server knows; give its IANA name, such as Europe/Moscow or Europe/Berlin.", zoneId));
        }
        else input.TimeZone = null;

        if (input.Status == ClientStatus.Lost && input.LostOn is null)
            e.Add("lostOn", Message.Of("is required when the client is lost."));
        if (input.Status != ClientStatus.Lost && input.LostOn is not null)
            e.Add("lostOn", Message.Of("can only be set for a lost client."));

        var tags = (input.Tags ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (tags.Length > MaxTags) e.Add("tags", Message.Of("at most {0} tags.", MaxTags));
        foreach (var tag in tags.Where(t => t.Length > TagMax)) e.Add("tags", Message.Of("tag '{0}…' is longer than {1} characters.", tag[..20], TagMax));
        input.Tags = tags;
        input.CoManagerIds = [.. (input.CoManagerIds ?? []).Distinct().Where(id => id != input.ManagerId)];

        if (input.AcquisitionChannelId is { } channelId && !await db.AcquisitionChannels.AnyAsync(c => c.Id == channelId, ct))
            e.Add("acquisitionChannelId", Message.Of("there is no acquisition channel {0}.", channelId));
        if (input.ReferredById is { } referrer)
        {
            if (referrer == selfId) e.Add("referredById", Message.Of("a client cannot refer themselves."));
            else if (!await db.Clients.AnyAsync(c => c.Id == referrer, ct)) e.Add("referredById", Message.Of("there is no client {0}.", referrer));
        }
        await Partners.Intermediaries.CheckAsync(db, e, input, before, ct);
        // A name given with the stored id (a merge patch of the name onto a client that has one) replaces it.
        if (input.PreviousSupplierId is { } given && given == storedSupplierId && !string.IsNullOrWhiteSpace(input.PreviousSupplierName)) input.PreviousSupplierId = null;
        var supplier = await LostClients.LostLists.CompetitorAsync(db, e, input.PreviousSupplierId, input.PreviousSupplierName, ct,
            "previousSupplierId", "previousSupplierName", storedSupplierId);
        input.PreviousSupplierId = supplier is { Id: > 0 } known ? known.Id : null;
        input.PreviousSupplierName = supplier is { Id: 0 } added ? added.Name : null;

        var staff = input.CoManagerIds.Concat(input.ManagerId is { } m ? [m] : []).Distinct().ToArray();
        if (staff.Length > 0)
        {
            var active = await db.Set<Employee>().Where(x => staff.Contains(x.Id) && x.IsActive).Select(x => x.Id).ToListAsync(ct);
            if (input.ManagerId is { } managerId && !active.Contains(managerId))
                e.Add("managerId", Message.Of("there is no active employee {0}.", managerId));
            foreach (var missing in input.CoManagerIds.Except(active))
                e.Add("coManagerIds", Message.Of("there is no active employee {0}.", missing));
        }
        return e;
    }

    public static void Apply(Client c, ClientInput input)
    {
        c.Kind = input.Kind; c.Role = input.Role; c.Name = input.Name!; c.NameKey = ClientSearch.Key(input.Name!);
        c.LegalName = input.LegalName; c.TaxId = input.TaxId; c.Kpp = input.Kpp; c.ExternalCode = input.ExternalCode; c.Industry = input.Industry; c.Region = input.Region;
        c.City = input.City; c.Country = input.Country; c.Size = input.Size; c.Website = input.Website;
        c.Phone = input.Phone; c.Email = input.Email; c.AcquisitionChannelId = input.AcquisitionChannelId;
        c.AcquiredOn = input.AcquiredOn; c.AcquisitionCost = input.AcquisitionCost; c.ReferredById = input.ReferredById; c.ServedThroughId = input.ServedThroughId;
        c.ManagerId = input.ManagerId; c.Status = input.Status; c.LostOn = input.LostOn; c.ChurnReason = input.ChurnReason;
        c.Competitor = input.Competitor; c.Notes = input.Notes; c.TimeZone = input.TimeZone;
        c.PreviousSupplierId = input.PreviousSupplierId;
        c.NewPreviousSupplier = input.PreviousSupplierName;

        var tags = input.Tags ?? [];
        c.Tags.RemoveAll(t => !tags.Contains(t.Tag, StringComparer.Ordinal));
        foreach (var tag in tags.Where(t => !c.Tags.Any(x => x.Tag == t))) c.Tags.Add(new ClientTag { Tag = tag });
        var co = input.CoManagerIds ?? [];
        c.CoManagers.RemoveAll(m => !co.Contains(m.EmployeeId));
        foreach (var id in co.Where(id => !c.CoManagers.Any(x => x.EmployeeId == id))) c.CoManagers.Add(new ClientCoManager { EmployeeId = id });
    }
}
