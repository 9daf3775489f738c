using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Audit;

/// <summary>The owner's audit knobs: one row. The append-only trigger reads <see cref="RetentionDays"/> from it.</summary>
public sealed class AuditSettings
{
    public const int SingletonId = 1;
    public const int DefaultRetentionDays = 1095;
    public int Id { get; set; } = SingletonId;
    /// <summary>Entries older than this are removed by the nightly job; younger ones cannot be deleted at all.</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;
    /// <summary>Mass access: more than this many times the user's usual daily count of distinct clients…</summary>
    public double MassAccessFactor { get; set; } = 5;
    /// <summary>…and at least this many distinct clients within 24 hours.</summary>
    public int MassAccessMinClients { get; set; } = 200;
    public long Version { get; set; }
}

internal sealed class AuditSettingsConfiguration : IEntityTypeConfiguration<AuditSettings>
{
    public void Configure(EntityTypeBuilder<AuditSettings> b)
    {
        b.ToTable("AuditSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

/// <summary>A user stopped from exporting because they opened or exported far more clients than usual.</summary>
public sealed class MassAccessAlert
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public DateTime At { get; set; }
    /// <summary>Distinct clients viewed or exported in the 24 hours before <see cref="At"/>.</summary>
    public int ClientCount { get; set; }
    /// <summary>The median of the user's daily distinct counts over the 30 days before.</summary>
    public double Baseline { get; set; }
    public DateTime? LiftedAt { get; set; }
    public long? LiftedById { get; set; }
}

internal sealed class MassAccessAlertConfiguration : IEntityTypeConfiguration<MassAccessAlert>
{
    public void Configure(EntityTypeBuilder<MassAccessAlert> b)
    {
        b.ToTable("MassAccessAlerts");
        b.HasIndex(a => new { a.EmployeeId, a.LiftedAt });
    }
}
