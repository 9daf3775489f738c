using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Imports.Mapping;

/// <summary>A column mapping a user saved under a name, to import the same kind of file again without mapping it anew.</summary>
public sealed class ImportPreset
{
    public const int NameMax = 100;

    public long Id { get; set; }
    public required string Name { get; set; }
    public ImportKind Kind { get; set; }
    /// <summary>JSON object: column header → field key.</summary>
    public required string MapJson { get; set; }
    public long? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ImportPresetConfiguration : IEntityTypeConfiguration<ImportPreset>
{
    public void Configure(EntityTypeBuilder<ImportPreset> b)
    {
        b.ToTable("ImportPresets");
        b.Property(p => p.Name).HasMaxLength(ImportPreset.NameMax);
        b.Property(p => p.MapJson).HasMaxLength(20_000);
        b.HasIndex(p => new { p.Kind, p.Name }).IsUnique();
        b.HasOne<Identity.Employee>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
