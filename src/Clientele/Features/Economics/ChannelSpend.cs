using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Economics;

/// <summary>
/// What the company spent on one acquisition channel in one month, in the base currency. It is shared evenly by the
/// clients the channel brought in that month and becomes part of their acquisition cost.
/// </summary>
public sealed class ChannelSpend
{
    public long ChannelId { get; set; }
    /// <summary>Year × 12 + month − 1.</summary>
    public int Month { get; set; }
    public decimal Amount { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Units of the base currency for one unit of <see cref="Currency"/>, from a day on.</summary>
public sealed class ExchangeRate
{
    public long Id { get; set; }
    public required string Currency { get; set; }
    public DateOnly ValidFrom { get; set; }
    public decimal Rate { get; set; }
}

internal sealed class ChannelSpendConfiguration : IEntityTypeConfiguration<ChannelSpend>
{
    public void Configure(EntityTypeBuilder<ChannelSpend> b)
    {
        b.HasKey(s => new { s.ChannelId, s.Month });
        b.Property(s => s.Amount).HasPrecision(18, 2);
        b.HasOne<AcquisitionChannel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(r => r.Rate).HasPrecision(18, 6);
        b.HasIndex(r => new { r.Currency, r.ValidFrom }).IsUnique();
    }
}
