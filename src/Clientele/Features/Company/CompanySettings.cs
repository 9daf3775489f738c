using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Company;

/// <summary>The single row of company-wide settings.</summary>
public sealed class CompanySettings
{
    public const long SingletonId = 1;
    public long Id { get; set; } = SingletonId;
    public string Name { get; set; } = "";
    /// <summary>ISO 4217 code all figures are reported in.</summary>
    public string BaseCurrency { get; set; } = "RUB";
    /// <summary>ISO 3166 region used to read phone numbers written without a country code.</summary>
    public string DefaultPhoneRegion { get; set; } = "RU";
    /// <summary>ABC cut-offs on the cumulative share of contribution: A up to 80%, B up to 95%, C the rest.</summary>
    public double AbcA { get; set; } = 0.80;
    public double AbcB { get; set; } = 0.95;
    /// <summary>XYZ cut-offs on the coefficient of variation of monthly revenue.</summary>
    public double XyzX { get; set; } = 0.10;
    public double XyzY { get; set; } = 0.25;
    /// <summary>A client counts as in the base while it has bought within this many months.</summary>
    public int ActiveWindowMonths { get; set; } = 12;
    /// <summary>The target client, as a <see cref="Analytics.ClientProfile"/> in JSON; null until the owner describes one.</summary>
    public string? TargetProfile { get; set; }
    /// <summary>The owner's strategy rule table in JSON; null means the built-in defaults.</summary>
    public string? StrategyRules { get; set; }
    /// <summary>Company-wide cost to serve per client per month with a purchase, in the base currency (ADR 019).</summary>
    public decimal CostToServePerActiveMonth { get; set; }
    /// <summary>Company-wide cost to serve as a fraction of each client's revenue, 0–1 (ADR 019).</summary>
    public decimal CostToServeShareOfRevenue { get; set; }
    /// <summary>
    /// The IANA time zone whose days and months are the company's (ADR 023): every day and month taken from a stored
    /// instant is taken in it. "UTC" for a base that predates the setting, so its stored figures stay true.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";
    public long Version { get; set; }

    public Clientele.Analytics.Economics.CostToServeAllocation CostToServeRule() => new(CostToServePerActiveMonth, CostToServeShareOfRevenue);
}

internal sealed class CompanySettingsConfiguration : IEntityTypeConfiguration<CompanySettings>
{
    public void Configure(EntityTypeBuilder<CompanySettings> b)
    {
        b.ToTable("CompanySettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.BaseCurrency).HasMaxLength(3).IsFixedLength();
        b.Property(s => s.DefaultPhoneRegion).HasMaxLength(2);
        b.Property(s => s.AbcA).HasDefaultValue(0.80);
        b.Property(s => s.AbcB).HasDefaultValue(0.95);
        b.Property(s => s.XyzX).HasDefaultValue(0.10);
        b.Property(s => s.XyzY).HasDefaultValue(0.25);
        b.Property(s => s.ActiveWindowMonths).HasDefaultValue(12);
        b.Property(s => s.CostToServePerActiveMonth).HasPrecision(18, 2);
        b.Property(s => s.CostToServeShareOfRevenue).HasPrecision(9, 6);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
