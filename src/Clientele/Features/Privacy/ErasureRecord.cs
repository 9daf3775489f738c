using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Privacy;

/// <summary>Why a client's personal data was erased: the data subject asked, or the retention period ran out.</summary>
public enum ErasureTrigger { Request = 0, Retention = 1 }

/// <summary>
/// The proof that a client's personal data was erased: when, by whom, why, on which request, and which fields.
/// It holds no personal data itself, so it may be kept as long as the company must show it complied.
/// </summary>
public sealed class ErasureRecord
{
    public long Id { get; set; }
    /// <summary>No foreign key: the record must outlive the client row if that is deleted later.</summary>
    public long ClientId { get; set; }
    public DateTime ErasedAt { get; set; }
    public long? ErasedById { get; set; }
    public ErasureTrigger Trigger { get; set; }
    public required string Reason { get; set; }
    public string? RequestReference { get; set; }
    /// <summary>Whether a company's own name and contact data were erased too (a person's always are).</summary>
    public bool IncludedCompanyData { get; set; }
    /// <summary>The fields that were anonymised, e.g. "client.name, contactPersons[2].phones, interactions[5].text".</summary>
    public required string Fields { get; set; }
}

public sealed record EraseInput(string? Reason, string? RequestReference, bool? IncludeCompanyData = null);

public sealed record ErasureRecordResponse(long Id, long ClientId, DateTime ErasedAt, long? ErasedById, string? ErasedByName, ErasureTrigger Trigger,
    string Reason, string? RequestReference, bool IncludedCompanyData, IReadOnlyList<string> Fields);

internal sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> b)
    {
        b.ToTable("ErasureRecords");
        b.Property(r => r.Reason).HasMaxLength(Erasure.ReasonMax);
        b.Property(r => r.RequestReference).HasMaxLength(Erasure.ReferenceMax);
        b.Property(r => r.Fields).HasMaxLength(4000);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.ErasedById).OnDelete(DeleteBehavior.SetNull);
        // At most one erasure per client: a second request is a conflict, also when two arrive at once.
        b.HasIndex(r => r.ClientId).IsUnique();
        b.HasIndex(r => r.ErasedAt);
    }
}
