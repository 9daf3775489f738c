namespace Clientele.Features.Clients;

/// <summary>The fields a user or API caller writes on a client; the same shape for create and full update.</summary>
public sealed class ClientInput
{
    public ClientKind Kind { get; set; }
    public ClientRole Role { get; set; }
    public string? Name { get; set; }
    public string? LegalName { get; set; }
    /// <summary>The tax id; the client's <see cref="Country"/> says which country's rule checks it (none: Russia's).</summary>
    public string? TaxId { get; set; }
    /// <summary>A Russian organisation's KPP, beside its 10-digit INN.</summary>
    public string? Kpp { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public SizeBand Size { get; set; }
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public long? AcquisitionChannelId { get; set; }
    public DateOnly? AcquiredOn { get; set; }
    public decimal? AcquisitionCost { get; set; }
    public long? ReferredById { get; set; }
    /// <summary>The intermediary that serves the client (a client of the base whose role is not end customer); none: served directly.</summary>
    public long? ServedThroughId { get; set; }
    /// <summary>The competitor the client came from, by id (a merged duplicate stands for the one it was merged into)…</summary>
    public long? PreviousSupplierId { get; set; }
    /// <summary>…or by name: found ignoring case, or added to the register with the save.</summary>
    public string? PreviousSupplierName { get; set; }
    public long? ManagerId { get; set; }
    public long[]? CoManagerIds { get; set; }
    public ClientStatus Status { get; set; }
    public DateOnly? LostOn { get; set; }
    public string? ChurnReason { get; set; }
    public string? Competitor { get; set; }
    public string[]? Tags { get; set; }
    public string? Notes { get; set; }
    /// <summary>The client's code in another system (1C "Код", a Bitrix24 or amoCRM id) that imports match first.</summary>
    public string? ExternalCode { get; set; }
    /// <summary>IANA name of the client's time zone (Europe/Berlin); none: the company's.</summary>
    public string? TimeZone { get; set; }

    public static ClientInput From(Client c) => new()
    {
        Kind = c.Kind, Role = c.Role, Name = c.Name, LegalName = c.LegalName, TaxId = c.TaxId, Industry = c.Industry,
        Region = c.Region, City = c.City, Country = c.Country, Size = c.Size, Website = c.Website,
        Phone = c.Phone, Email = c.Email, AcquisitionChannelId = c.AcquisitionChannelId, AcquiredOn = c.AcquiredOn,
        AcquisitionCost = c.AcquisitionCost, ReferredById = c.ReferredById, ServedThroughId = c.ServedThroughId, ManagerId = c.ManagerId,
        CoManagerIds = [.. c.CoManagers.Select(m => m.EmployeeId)], Status = c.Status, LostOn = c.LostOn,
        ChurnReason = c.ChurnReason, Competitor = c.Competitor, Tags = [.. c.Tags.Select(t => t.Tag)], Notes = c.Notes,
        ExternalCode = c.ExternalCode, Kpp = c.Kpp, TimeZone = c.TimeZone, PreviousSupplierId = c.PreviousSupplierId,
    };
}
