using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Imports.Records;

/// <summary>A purchase, interaction or service cost a record that an import found by its number and changed in place.</summary>
/// <remarks>
/// The before-image is the API input of the record as it was (JSON), so a rollback writes it back through the same spec
/// an edit uses; <see cref="VersionAfter"/> tells whether someone changed the record after the import.
/// </remarks>
public sealed class ImportUpdatedRecord
{
    public long JobId { get; set; }
    public required string Entity { get; set; }
    public long EntityId { get; set; }
    public long VersionAfter { get; set; }
    public required string BeforeJson { get; set; }
}

internal sealed class ImportUpdatedRecordConfiguration : IEntityTypeConfiguration<ImportUpdatedRecord>
{
    public void Configure(EntityTypeBuilder<ImportUpdatedRecord> b)
    {
        b.ToTable("ImportUpdatedRecords");
        b.HasKey(r => new { r.JobId, r.Entity, r.EntityId });
        b.Property(r => r.Entity).HasMaxLength(30);
        b.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A client's record that carries the number of the document it stands for in another system (1C, a CRM).</summary>
public interface IExternalDocument
{
    long ClientId { get; }
    string? Number { get; set; }
    string? Source { get; set; }
}
