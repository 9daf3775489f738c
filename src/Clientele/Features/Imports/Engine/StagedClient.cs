using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// One data row of a client import, validated and matched, waiting in the staging table until the whole file is
/// staged; the merge then moves all staged rows into the base in one transaction. Keyed by job and row sequence, so a
/// resumed run knows exactly which rows are already in and rebuilds its in-file key maps from them.
/// </summary>
public sealed class StagedClient
{
    public long JobId { get; set; }
    /// <summary>1-based number of the data row in the file (the checkpoint counts these).</summary>
    public long Seq { get; set; }
    public long Line { get; set; }
    public ImportRowAction Action { get; set; }
    public string? Reason { get; set; }
    public string? Field { get; set; }
    /// <summary>The client in the base this row updates, skips, is rejected for, or (merge) is folded into.</summary>
    public long? ExistingClientId { get; set; }
    /// <summary>Create/review rows: their number among the file's new clients (new id = base + ordinal); merge rows: the ordinal they fold into.</summary>
    public long? NewOrdinal { get; set; }
    /// <summary>Review rows: the client in the base the row resembles, and how much.</summary>
    public long? SimilarClientId { get; set; }
    /// <summary>Merge rows: the earlier row of the file they repeat.</summary>
    public long? MergedIntoSeq { get; set; }
    public double? Score { get; set; }
    public long? PhoneHash { get; set; }
    public long? EmailHash { get; set; }
    public long? TaxIdHash { get; set; }

    public string? Name { get; set; }
    public string NameKey { get; set; } = "";
    public int? Kind { get; set; }
    public int? Role { get; set; }
    public int? Status { get; set; }
    public string? LegalName { get; set; }
    public string? TaxId { get; set; }
    public string? Kpp { get; set; }
    /// <summary>The client's code in the file's system; matched before every other key.</summary>
    public string? ExternalCode { get; set; }
    /// <summary>What the row's report says besides its action (a phone kept as written); not staged, the dry run lists it.</summary>
    public string? Warning { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
    public string? Industry { get; set; }
    public long? ManagerId { get; set; }
    public long? ChannelId { get; set; }
    public DateOnly? AcquiredOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>JSON array of tags.</summary>
    public string? Tags { get; set; }
    /// <summary>JSON array of the search terms this row contributes to its client.</summary>
    public string? Terms { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPosition { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
}

internal sealed class StagedClientConfiguration : IEntityTypeConfiguration<StagedClient>
{
    public void Configure(EntityTypeBuilder<StagedClient> b)
    {
        b.ToTable("ImportStagedClients");
        b.HasKey(s => new { s.JobId, s.Seq });
        b.HasIndex(s => new { s.JobId, s.Action });
        b.Ignore(s => s.Warning);
    }
}

/// <summary>What a completed client import needs to be rolled back: the ids it created, the contacts it added to
/// existing clients, and the before-images of the clients it updated. Kept after the staging rows are dropped.</summary>
public sealed class ImportCreatedRange
{
    public long JobId { get; set; }
    public long FirstClientId { get; set; }
    public long LastClientId { get; set; }
}

public sealed class ImportAddedContact
{
    public long JobId { get; set; }
    public long ContactId { get; set; }
}

public sealed class ImportBeforeImage
{
    public long JobId { get; set; }
    public long ClientId { get; set; }
    /// <summary>JSON of <see cref="ClientBefore"/>.</summary>
    public required string Json { get; set; }
}

internal sealed class ImportUndoConfiguration :
    IEntityTypeConfiguration<ImportCreatedRange>, IEntityTypeConfiguration<ImportAddedContact>, IEntityTypeConfiguration<ImportBeforeImage>
{
    public void Configure(EntityTypeBuilder<ImportCreatedRange> b)
    {
        b.ToTable("ImportCreatedRanges");
        b.HasKey(r => r.JobId);
        b.Property(r => r.JobId).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<ImportAddedContact> b)
    {
        b.ToTable("ImportAddedContacts");
        b.HasKey(c => new { c.JobId, c.ContactId });
    }

    public void Configure(EntityTypeBuilder<ImportBeforeImage> b)
    {
        b.ToTable("ImportBeforeImages");
        b.HasKey(i => new { i.JobId, i.ClientId });
    }
}
