using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Duplicates;

public enum DuplicateReason { Phone = 0, Email = 1, TaxId = 2, NameAndCity = 3 }

public enum DuplicateSource { Scan = 0, Import = 1 }

public enum DuplicateStatus { Open = 0, Merged = 1, Dismissed = 2 }

/// <summary>
/// Two clients that may be the same, waiting for a person to merge them or say they differ. Found by the duplicates
/// scan of the base, or by an import that created a client resembling one already there (fuzzy name + city).
/// </summary>
public sealed class DuplicateCandidate
{
    public long Id { get; set; }
    /// <summary>The client that stays when merged (the older one, or the one already in the base).</summary>
    public long ClientId { get; set; }
    public long OtherClientId { get; set; }
    public DuplicateReason Reason { get; set; }
    /// <summary>0..1: 1 for exact key matches, the name similarity for fuzzy ones.</summary>
    public double Score { get; set; }
    public DuplicateSource Source { get; set; }
    public long? ImportJobId { get; set; }
    public DuplicateStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public long? ResolvedById { get; set; }
}

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> b)
    {
        b.ToTable("DuplicateCandidates");
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key on the other client: a Merged pair stays as history after the merge deleted that client.
        // Pairs whose other client was deleted otherwise are left out of the lists and removed by the next scan.
        b.HasIndex(d => new { d.ClientId, d.OtherClientId }).IsUnique();
        b.HasIndex(d => new { d.Status, d.Score });
        b.HasIndex(d => d.ImportJobId);
    }
}
