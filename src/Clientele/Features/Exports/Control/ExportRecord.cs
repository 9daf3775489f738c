using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Exports.Control;

/// <summary>Where an export stands: written, waiting for the owner, approved but not yet downloaded, refused, or stopped by the mass-access guard.</summary>
public enum ExportStatus { Done, AwaitingApproval, Approved, Refused, Blocked }

/// <summary>
/// One export, written or asked for. Its <see cref="Id"/> is the file's watermark (in the XLSX properties and the file
/// name), so it is random and unguessable rather than a sequence: knowing one export's id tells nothing of another's.
/// </summary>
public sealed class ExportRecord
{
    public required string Id { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DateTime At { get; set; }
    /// <summary>The export's URL path, e.g. /api/v1/clients/export: with <see cref="Filter"/> it names "the same export".</summary>
    public required string Path { get; set; }
    /// <summary>The query string as the caller sent it (with its leading '?'), so an approved request can be run again verbatim.</summary>
    public string Filter { get; set; } = "";
    public string Format { get; set; } = "";
    /// <summary>Data rows written (canaries not counted); null until the file is written.</summary>
    public int? RowCount { get; set; }
    public int ClientCount { get; set; }
    public ExportStatus Status { get; set; }
    public long? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>When an approved request was downloaded: an approval is good for one file.</summary>
    public DateTime? UsedAt { get; set; }
}

internal sealed class ExportRecordConfiguration : IEntityTypeConfiguration<ExportRecord>
{
    public void Configure(EntityTypeBuilder<ExportRecord> b)
    {
        b.ToTable("ExportRecords");
        b.Property(e => e.Id).HasMaxLength(ExportIds.Length);
        b.Property(e => e.Path).HasMaxLength(300);
        b.Property(e => e.Filter).HasMaxLength(2000);
        b.Property(e => e.Format).HasMaxLength(10);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(e => e.Employee).WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(e => e.DecidedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.EmployeeId, e.At });
        b.HasIndex(e => new { e.Status, e.At });
    }
}

/// <summary>A fictitious client written into one export, so that a leaked list names the export it came from.</summary>
public sealed class ExportCanary
{
    public long Id { get; set; }
    public required string ExportId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower case, as traced.</summary>
    public required string Email { get; set; }
    /// <summary>E.164 (+ and digits), as traced.</summary>
    public required string Phone { get; set; }
    public long FakeClientId { get; set; }
}

internal sealed class ExportCanaryConfiguration : IEntityTypeConfiguration<ExportCanary>
{
    public void Configure(EntityTypeBuilder<ExportCanary> b)
    {
        b.ToTable("ExportCanaries");
        b.Property(c => c.ExportId).HasMaxLength(ExportIds.Length);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.HasIndex(c => c.Email).IsUnique();
        b.HasIndex(c => c.Phone).IsUnique();
        b.HasIndex(c => c.ExportId);
        b.HasOne<ExportRecord>().WithMany().HasForeignKey(c => c.ExportId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The owner's export rules, one row.</summary>
public sealed class ExportSettings
{
    public const long SingletonId = 1;
    public const int DefaultThreshold = 500;
    public const string DefaultCanaryDomain = "mail-check.example";

    public long Id { get; set; } = SingletonId;
    /// <summary>An export of more clients than this needs the owner's approval (the owner's own exports excepted).</summary>
    public int Threshold { get; set; } = DefaultThreshold;
    /// <summary>The domain of the canaries' e-mail addresses: a neutral one, or one the company receives mail for, to notice a leak being used.</summary>
    public string CanaryDomain { get; set; } = DefaultCanaryDomain;
    public long Version { get; set; }
}

internal sealed class ExportSettingsConfiguration : IEntityTypeConfiguration<ExportSettings>
{
    public void Configure(EntityTypeBuilder<ExportSettings> b)
    {
        b.ToTable("ExportSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.CanaryDomain).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
