using Clientele.Features.Identity;

namespace Clientele.Features.Clients;

public enum ClientKind { Company = 0, Person = 1 }

public enum ClientRole { EndCustomer = 0, Dealer = 1, Distributor = 2, Agent = 3, Partner = 4 }

public enum ClientStatus { Potential = 0, Active = 1, Lost = 2 }

public enum SizeBand { Unknown = 0, Micro = 1, Small = 2, Medium = 3, Large = 4 }

/// <summary>A company or a person the firm sells to, directly or as an intermediary.</summary>
public sealed class Client : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public ClientKind Kind { get; set; }
    public ClientRole Role { get; set; }
    public required string Name { get; set; }
    public string? LegalName { get; set; }
    /// <summary>Normalised (separators out, upper case); which rule checked it follows from <see cref="Country"/> (ADR 021).</summary>
    public string? TaxId { get; set; }
    /// <summary>A Russian organisation's KPP (9 characters), beside its 10-digit INN.</summary>
    public string? Kpp { get; set; }
    /// <summary>The client's code in the system it came from (1C "Код", a Bitrix24 or amoCRM id); imports match by it first.</summary>
    public string? ExternalCode { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }
    public SizeBand Size { get; set; }
    public string? Website { get; set; }
    /// <summary>E.164; as written when the numbering plan does not know the range (the card warns, ADR 021).</summary>
    public string? Phone { get; set; }
    /// <summary>Trimmed and lower-cased, so equality is case-insensitive on every provider.</summary>
    public string? Email { get; set; }
    /// <summary>IANA id of the client's own time zone, which its contact persons share (campaigns' quiet hours); none: the company's.</summary>
    public string? TimeZone { get; set; }

    public long? AcquisitionChannelId { get; set; }
    public AcquisitionChannel? AcquisitionChannel { get; set; }
    public DateOnly? AcquiredOn { get; set; }
    public decimal? AcquisitionCost { get; set; }
    public long? ReferredById { get; set; }
    public Client? ReferredBy { get; set; }
    /// <summary>
    /// The intermediary (a dealer, distributor, agent or partner of the base) through which the firm serves this client;
    /// none: served directly. Never the client itself, never a chain that comes back to it (ADR 044).
    /// </summary>
    public long? ServedThroughId { get; set; }
    public Client? ServedThrough { get; set; }
    /// <summary>
    /// The competitor the client bought from before it came to the firm (the lost clients' register). A plain indexed
    /// column, no foreign key: competitors are never deleted (a merge repoints it), and SQLite would rebuild the whole
    /// clients table to add one (ADR 045).
    /// </summary>
    public long? PreviousSupplierId { get; set; }
    /// <summary>A competitor named on the save that the register does not hold yet: added, and linked, in the save's
    /// transaction (<see cref="ClientSpec"/>). Internal, so not a column.</summary>
    internal string? NewPreviousSupplier { get; set; }

    public long? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    public List<ClientCoManager> CoManagers { get; set; } = [];

    public ClientStatus Status { get; set; }
    public DateOnly? LostOn { get; set; }
    public string? ChurnReason { get; set; }
    public string? Competitor { get; set; }

    public List<ClientTag> Tags { get; set; } = [];
    public List<ClientSearchTerm> SearchTerms { get; set; } = [];
    public string? Notes { get; set; }

    /// <summary>Lower-cased name used for sorting and prefix search with a plain index.</summary>
    public string NameKey { get; set; } = "";
    /// <summary>Kept by writes so that "has purchases" filters without touching purchases.</summary>
    public int PurchaseCount { get; set; }
    public DateTime? LastPurchaseAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

public sealed class ClientTag
{
    public long ClientId { get; set; }
    public required string Tag { get; set; }
}

public sealed class ClientCoManager
{
    public long ClientId { get; set; }
    public long EmployeeId { get; set; }
}

/// <summary>Where clients come from; the owner can add channels of their own.</summary>
public sealed class AcquisitionChannel
{
    public long Id { get; set; }
    /// <summary>Stable code for built-in channels (localised in the UI); null for owner-added ones.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>One normalised word, phone, e-mail or tax id of a client, for indexed prefix search.</summary>
public sealed class ClientSearchTerm
{
    public long ClientId { get; set; }
    public required string Term { get; set; }
}
