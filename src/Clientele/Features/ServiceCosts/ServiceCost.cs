using Clientele.Features.Clients;
using Clientele.Features.Imports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.ServiceCosts;

public enum ServiceCostCategory { Support = 0, Delivery = 1, Visit = 2, ManagerTime = 3, Other = 4 }

/// <summary>What it cost to serve a client on a date; manager time is hours × rate.</summary>
public sealed class ServiceCost : IHasId, IVersioned, IStamped, IExternalDocument
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public DateOnly Date { get; set; }
    public ServiceCostCategory Category { get; set; }
    public decimal Amount { get; set; }
    public decimal? Hours { get; set; }
    public decimal? HourlyRate { get; set; }
    public required string Currency { get; set; }
    /// <summary>Units of the base currency per unit of <see cref="Currency"/>, fixed when the record was written.</summary>
    public decimal RateToBase { get; set; } = 1;
    public string? Note { get; set; }
    /// <summary>Its document number in the system it was imported from (an act, an invoice); re-imports match by it.</summary>
    public string? Number { get; set; }
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class ServiceCostConfiguration : IEntityTypeConfiguration<ServiceCost>
{
    public void Configure(EntityTypeBuilder<ServiceCost> b)
    {
        b.Property(c => c.Amount).HasPrecision(18, 2);
        b.Property(c => c.Hours).HasPrecision(9, 2);
        b.Property(c => c.HourlyRate).HasPrecision(18, 2);
        b.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(c => c.RateToBase).HasPrecision(18, 6);
        b.Property(c => c.Note).HasMaxLength(500);
        b.Property(c => c.Number).HasMaxLength(50);
        b.Property(c => c.Source).HasMaxLength(30);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ClientId, c.Date });
        b.HasIndex(c => new { c.Number, c.Source });
    }
}
