using Clientele.Analytics.Lifetime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Lifetime;

/// <summary>
/// One nightly fit of the lifetime models over the base, kept as history. A fit that failed is stored with its error
/// and no parameters: the pages show the failure rather than yesterday's figures as if they were today's.
/// </summary>
public sealed class LifetimeFit
{
    public long Id { get; set; }
    public DateOnly AsOf { get; set; }
    /// <summary>UTC.</summary>
    public DateTime FittedAt { get; set; }
    public LifetimePeriod Period { get; set; }
    /// <summary>Clients with at least one purchase, i.e. the ones the BG/NBD saw.</summary>
    public int Clients { get; set; }
    public double? R { get; set; }
    public double? Alpha { get; set; }
    public double? A { get; set; }
    public double? B { get; set; }
    public double? LogLikelihood { get; set; }
    public string? Error { get; set; }
    /// <summary>Repeat clients the Gamma-Gamma saw.</summary>
    public int SpendClients { get; set; }
    public double? P { get; set; }
    public double? Q { get; set; }
    public double? Gamma { get; set; }
    public double? SpendLogLikelihood { get; set; }
    /// <summary>Pearson correlation of frequency and mean value; the Gamma-Gamma assumes none.</summary>
    public double? FrequencyValueCorrelation { get; set; }
    public string? SpendError { get; set; }
    public int AtRisk { get; set; }

    public BgNbdParameters? Model => R is { } r && Alpha is { } alpha && A is { } a && B is { } b ? new BgNbdParameters(r, alpha, a, b) : null;
    public GammaGammaParameters? Spend => P is { } p && Q is { } q && Gamma is { } g ? new GammaGammaParameters(p, q, g) : null;
}

internal sealed class LifetimeFitConfiguration : IEntityTypeConfiguration<LifetimeFit>
{
    public void Configure(EntityTypeBuilder<LifetimeFit> b)
    {
        b.ToTable("LifetimeFits");
        b.Property(f => f.AsOf).HasConversion(new Data.DayNumberConverter());
        b.Property(f => f.Error).HasMaxLength(2000);
        b.Property(f => f.SpendError).HasMaxLength(2000);
        b.HasIndex(f => f.FittedAt);
    }
}
