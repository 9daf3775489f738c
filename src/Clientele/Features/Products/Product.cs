using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Products;

public sealed class ProductCategory
{
    public long Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>A catalogue item, so that a purchase line can say what was bought.</summary>
public sealed class Product : Data.IHasId, Data.IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Sku { get; set; }
    public long? CategoryId { get; set; }
    public ProductCategory? Category { get; set; }
    public decimal? ListPrice { get; set; }
    public decimal? UnitCost { get; set; }
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Sku).HasMaxLength(64);
        b.Property(p => p.ListPrice).HasPrecision(18, 2);
        b.Property(p => p.UnitCost).HasPrecision(18, 2);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => p.Sku).IsUnique();
    }
}

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Name).IsUnique();
    }
}
