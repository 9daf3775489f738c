using Clientele.Features.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Pipeline;

/// <summary>
/// A product a deal would sell: from the catalogue, with quantity and price. The deal's value is the lines' sum unless a
/// value was typed (ADR 048). A won deal's lines feed nothing else yet: its sale is recorded as one line of its value.
/// </summary>
public sealed class DealLine
{
    public long Id { get; set; }
    public long DealId { get; set; }
    /// <summary>Always named when written; left empty only if the product is deleted from the catalogue later.</summary>
    public long? ProductId { get; set; }
    public Product? Product { get; set; }
    public decimal Quantity { get; set; }
    public decimal Price { get; set; }
}

internal sealed class DealLineConfiguration : IEntityTypeConfiguration<DealLine>
{
    public void Configure(EntityTypeBuilder<DealLine> b)
    {
        b.ToTable("DealLines");
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.Price).HasPrecision(18, 2);
        b.HasOne<Deal>().WithMany(d => d.Lines).HasForeignKey(l => l.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(l => l.DealId);
        b.HasIndex(l => l.ProductId);
    }
}
