using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Economics;

/// <summary>
/// The money columns shared by the running and the monthly figures, in the company's base currency.
/// Revenue is net of discounts; cost to serve is the sum of service-cost entries.
/// </summary>
public abstract class FiguresColumns
{
    public long ClientId { get; set; }
    public decimal Revenue { get; set; }
    public decimal CostOfGoods { get; set; }
    public decimal Discounts { get; set; }
    public decimal Bonuses { get; set; }
    public decimal Kickbacks { get; set; }
    public decimal ServiceCost { get; set; }
    public int Purchases { get; set; }
    public DateOnly? FirstPurchase { get; set; }
    public DateOnly? LastPurchase { get; set; }
}

/// <summary>What a client brought and cost over the whole relationship; rewritten with every purchase or cost of the client.</summary>
public sealed class ClientRunningFigures : FiguresColumns
{
    /// <summary>Distinct product categories the client has bought.</summary>
    public int Categories { get; set; }
}

/// <summary>The same for one calendar month (index year × 12 + month − 1), so that any date's figures are sums of months.</summary>
public sealed class ClientMonthlyFigures : FiguresColumns
{
    public int Month { get; set; }
}

internal static class FiguresColumnsConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : FiguresColumns
    {
        var money = new Data.MinorUnitsConverter();
        b.Property(f => f.Revenue).HasConversion(money);
        b.Property(f => f.CostOfGoods).HasConversion(money);
        b.Property(f => f.Discounts).HasConversion(money);
        b.Property(f => f.Bonuses).HasConversion(money);
        b.Property(f => f.Kickbacks).HasConversion(money);
        b.Property(f => f.ServiceCost).HasConversion(money);
        b.Property(f => f.FirstPurchase).HasConversion(new Data.DayNumberConverter());
        b.Property(f => f.LastPurchase).HasConversion(new Data.DayNumberConverter());
        b.HasOne<Client>().WithMany().HasForeignKey(f => f.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientRunningFiguresConfiguration : IEntityTypeConfiguration<ClientRunningFigures>
{
    public void Configure(EntityTypeBuilder<ClientRunningFigures> b)
    {
        b.ToTable("ClientFigures");
        b.HasKey(f => f.ClientId);
        FiguresColumnsConfiguration.Configure(b);
    }
}

internal sealed class ClientMonthlyFiguresConfiguration : IEntityTypeConfiguration<ClientMonthlyFigures>
{
    public void Configure(EntityTypeBuilder<ClientMonthlyFigures> b)
    {
        b.ToTable("ClientMonthFigures");
        b.HasKey(f => new { f.ClientId, f.Month });
        // Analytics for a date read the months from a given one on.
        b.HasIndex(f => f.Month);
        FiguresColumnsConfiguration.Configure(b);
    }
}
