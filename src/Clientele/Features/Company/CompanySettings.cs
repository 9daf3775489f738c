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
    public long Version { get; set; }
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
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
