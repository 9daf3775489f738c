using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Backup;

/// <summary>
/// The owner's schedule of the daily backup (ADR 033): whether it runs, at which hour of the company's day, and how
/// many of each kind of automatic backup (daily, before an upgrade) stay. No row: the server's settings
/// (<see cref="ScheduledBackupJob"/>) apply.
/// </summary>
public sealed class BackupSchedule
{
    public const long SingletonId = 1;
    public long Id { get; set; } = SingletonId;
    public bool Enabled { get; set; } = true;
    /// <summary>The hour (0–23) of the company's wall clock, in its time zone, at which the backup runs.</summary>
    public int Hour { get; set; } = 2;
    /// <summary>How many daily backups, and separately how many backups taken before an upgrade, are kept.</summary>
    public int Keep { get; set; } = ScheduledBackupJob.DefaultKeep;
}

internal sealed class BackupScheduleConfiguration : IEntityTypeConfiguration<BackupSchedule>
{
    public void Configure(EntityTypeBuilder<BackupSchedule> b)
    {
        b.ToTable("BackupSchedule");
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
