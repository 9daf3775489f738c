using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Audit;

/// <summary>
/// One link of the audit chain. <see cref="Hash"/> is SHA-256 over the canonical form of the fields and
/// <see cref="PrevHash"/> (see <see cref="AuditChain"/>), so an edited row or a removed one breaks the chain.
/// Ids are given by the writer (last id + 1 under the chain lock), so a gap in them is a missing row.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public long? EmployeeId { get; set; }
    public AuditAction Action { get; set; }
    public string? Entity { get; set; }
    public long? EntityId { get; set; }
    /// <summary>JSON: before/after of changed fields, filter, row count, file id…</summary>
    public string? Detail { get; set; }
    public string? Ip { get; set; }
    public int? RowCount { get; set; }
    /// <summary>How many <see cref="AuditEntryClient"/> rows belong to the entry; hashed with them, so removing one is seen.</summary>
    public int ClientCount { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// A client an entry touched. Employee, time and action are copied from the entry (and checked against it by verify),
/// so that "who saw client Y" and "which clients did X see" each walk one index.
/// </summary>
public sealed class AuditEntryClient
{
    public long EntryId { get; set; }
    public long ClientId { get; set; }
    public long? EmployeeId { get; set; }
    public DateTime At { get; set; }
    public AuditAction Action { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Entity).HasMaxLength(100);
        b.Property(e => e.Ip).HasMaxLength(64);
        b.Property(e => e.PrevHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.EmployeeId, e.At });
        b.HasIndex(e => e.At);
    }
}

internal sealed class AuditEntryClientConfiguration : IEntityTypeConfiguration<AuditEntryClient>
{
    public void Configure(EntityTypeBuilder<AuditEntryClient> b)
    {
        b.ToTable("AuditEntryClients");
        b.HasKey(c => new { c.EntryId, c.ClientId });
        b.Property(c => c.Action).HasConversion<string>().HasMaxLength(40);
        // No foreign key to Clients: the trail outlives a deleted client.
        b.HasOne<AuditEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ClientId, c.At });
        // Covers the mass-access count (employee, last 24 h, views and exports) and "which clients did X see" without table reads.
        b.HasIndex(c => new { c.EmployeeId, c.At, c.Action, c.ClientId });
    }
}
