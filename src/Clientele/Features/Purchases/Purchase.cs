using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Imports.Records;
using Clientele.Features.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Purchases;

/// <summary>An order or sale to a client, with what the firm gave away on it.</summary>
public sealed class Purchase : IHasId, IVersioned, IStamped, IExternalDocument
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Date { get; set; }
    public List<PurchaseLine> Lines { get; set; } = [];
    public decimal Discount { get; set; }
    public decimal Bonus { get; set; }
    public decimal Kickback { get; set; }
    /// <summary>Sum of lines less discount; kept on write so lists never re-add lines.</summary>
    public decimal Total { get; set; }
    public decimal CostOfGoods { get; set; }
    /// <summary>ISO 4217.</summary>
    public required string Currency { get; set; }
    /// <summary>Units of the base currency per unit of <see cref="Currency"/>, fixed when the record was written.</summary>
    public decimal RateToBase { get; set; } = 1;
    public DateOnly? PaymentDue { get; set; }
    public DateOnly? PaidOn { get; set; }
    public long? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    /// <summary>The document number in the system it came from (a 1C invoice, a CRM deal); re-imports match by it.</summary>
    public string? Number { get; set; }
    /// <summary>The system <see cref="Number"/> belongs to ("1c", "bitrix24"); null for the app's own numbering.</summary>
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

public sealed class PurchaseLine
{
    public long Id { get; set; }
    public long PurchaseId { get; set; }
    public long? ProductId { get; set; }
    public Product? Product { get; set; }
    public string? Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal Price { get; set; }
    /// <summary>Cost of goods per unit.</summary>
    public decimal UnitCost { get; set; }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.Property(p => p.Discount).HasPrecision(18, 2);
        b.Property(p => p.Bonus).HasPrecision(18, 2);
        b.Property(p => p.Kickback).HasPrecision(18, 2);
        b.Property(p => p.Total).HasPrecision(18, 2);
        b.Property(p => p.CostOfGoods).HasPrecision(18, 2);
        b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(p => p.RateToBase).HasPrecision(18, 6);
        b.Property(p => p.Number).HasMaxLength(50);
        b.Property(p => p.Source).HasMaxLength(30);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Client).WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PurchaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ClientId, p.Date });
        b.HasIndex(p => p.Date);
        b.HasIndex(p => new { p.Number, p.Source });
    }
}

internal sealed class PurchaseLineConfiguration : IEntityTypeConfiguration<PurchaseLine>
{
    public void Configure(EntityTypeBuilder<PurchaseLine> b)
    {
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.Price).HasPrecision(18, 2);
        b.Property(l => l.UnitCost).HasPrecision(18, 2);
        b.Property(l => l.Description).HasMaxLength(300);
        b.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(l => l.ProductId);
    }
}
