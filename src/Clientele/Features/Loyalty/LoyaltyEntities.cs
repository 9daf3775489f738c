using Clientele.Analytics.Loyalty;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Loyalty;

/// <summary>
/// A client's place on the ladder now, for quick counts, and the two inputs the rules take that no other record
/// holds: the manager's advocate mark and the churn model's "lost from" day. The stage columns are rewritten by every
/// recompute; the inputs are kept.
/// </summary>
public sealed class ClientLoyalty
{
    public long ClientId { get; set; }
    public LoyaltyStage Stage { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? AdvocateMarkedOn { get; set; }
    /// <summary>Set by the churn model's nightly run (BG/NBD crossing day); null when the model has no opinion.</summary>
    public DateOnly? ModelLostFrom { get; set; }
}

/// <summary>One change of a client's stage: from <see cref="Date"/> on it stands at <see cref="Stage"/>.</summary>
public sealed class ClientLoyaltyStep
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public DateOnly Date { get; set; }
    public LoyaltyStage Stage { get; set; }
    public LoyaltyStage? PreviousStage { get; set; }
}

/// <summary>The owner's ladder thresholds (one row; absent means the defaults of <see cref="LoyaltyRules"/>).</summary>
public sealed class LoyaltySettings
{
    public const int SingleId = 1;
    public int Id { get; set; } = SingleId;
    public int RegularPurchases { get; set; } = LoyaltyRules.Default.RegularPurchases;
    public int PromoterScore { get; set; } = LoyaltyRules.Default.PromoterScore;
    public double LapseFactor { get; set; } = LoyaltyRules.Default.LapseFactor;
    public int MinimumLapseDays { get; set; } = LoyaltyRules.Default.MinimumLapseDays;
    public int TrendWindowDays { get; set; } = LoyaltyRules.Default.TrendWindowDays;
    /// <summary>The base's median days between purchase days, from the last full rebuild: the usual interval of
    /// one-purchase clients. Kept here so that a single client's recompute need not read the whole base.</summary>
    public double? BaseMedianIntervalDays { get; set; }

    public LoyaltyRules Rules => new(RegularPurchases, PromoterScore, LapseFactor, MinimumLapseDays, TrendWindowDays);

    public static async Task<LoyaltySettings> ReadAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<LoyaltySettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == SingleId, ct) ?? new LoyaltySettings();
}

internal sealed class ClientLoyaltyConfiguration : IEntityTypeConfiguration<ClientLoyalty>
{
    public void Configure(EntityTypeBuilder<ClientLoyalty> b)
    {
        b.ToTable("ClientLoyalty");
        b.HasKey(l => l.ClientId);
        b.Property(l => l.ClientId).ValueGeneratedNever();
        b.HasOne<Client>().WithOne().HasForeignKey<ClientLoyalty>(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.Stage);
    }
}

internal sealed class ClientLoyaltyStepConfiguration : IEntityTypeConfiguration<ClientLoyaltyStep>
{
    public void Configure(EntityTypeBuilder<ClientLoyaltyStep> b)
    {
        b.ToTable("ClientLoyaltySteps");
        b.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ClientId, s.Date });
    }
}

internal sealed class LoyaltySettingsConfiguration : IEntityTypeConfiguration<LoyaltySettings>
{
    public void Configure(EntityTypeBuilder<LoyaltySettings> b)
    {
        b.ToTable("LoyaltySettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Ignore(s => s.Rules);
    }
}
