using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Imports.Records;

/// <summary>A record an import created (a purchase, interaction or service cost), so rolling the import back removes exactly these.</summary>
public sealed class ImportCreatedRecord
{
    public const string Purchase = "Purchase";
    public const string Interaction = "Interaction";
    public const string ServiceCost = "ServiceCost";

    public long JobId { get; set; }
    public required string Entity { get; set; }
    public long EntityId { get; set; }
}

internal sealed class ImportCreatedRecordConfiguration : IEntityTypeConfiguration<ImportCreatedRecord>
{
    public void Configure(EntityTypeBuilder<ImportCreatedRecord> b)
    {
        b.ToTable("ImportCreatedRecords");
        b.HasKey(r => new { r.JobId, r.Entity, r.EntityId });
        b.Property(r => r.Entity).HasMaxLength(30);
        b.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
