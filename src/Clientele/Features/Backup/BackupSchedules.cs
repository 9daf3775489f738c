using System.Globalization;
using Clientele.Features.Audit;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Backup;

/// <summary>The schedule in force: the owner's if they set one, else the server's settings; the hour both in the company's day and in UTC (for the scheduler).</summary>
public sealed record BackupScheduleView(bool Enabled, int Hour, int HourUtc, int Keep, string TimeZone, bool SetByOwner);

/// <summary>The owner's schedule as sent: all three fields; a missing one is refused, not defaulted.</summary>
public sealed record BackupScheduleInput(bool? Enabled, int? Hour, int? Keep);

/// <summary>Reads and saves the daily backup's schedule (ADR 033); the page and the API check it by the same rules.</summary>
public static class BackupSchedules
{
    public const int MaxKeep = 365;

    public static async Task<BackupScheduleView> CurrentAsync(ClienteleDb db, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var serverOff = string.Equals(configuration[ScheduledBackupJob.ScheduleSetting], "off", StringComparison.OrdinalIgnoreCase);
        var row = await db.Set<BackupSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == BackupSchedule.SingletonId, ct);
        if (row is not null)
            return new BackupScheduleView(row.Enabled && !serverOff, row.Hour, UtcHourOf(days, row.Hour, now), row.Keep, days.Zone.Id, SetByOwner: true);
        var hourUtc = Setting(configuration, ScheduledBackupJob.HourSetting, ScheduledBackupJob.DefaultHourUtc, 0, 23);
        return new BackupScheduleView(!serverOff, days.LocalOf(now.Date.AddHours(hourUtc)).Hour, hourUtc,
            Setting(configuration, ScheduledBackupJob.KeepSetting, ScheduledBackupJob.DefaultKeep, 1, MaxKeep), days.Zone.Id, SetByOwner: false);
    }

    /// <summary>
    /// The UTC hour at which the company's <paramref name="hour"/> falls today: it moves with daylight saving time, and
    /// the scheduler asks again every few minutes, so the backup follows the company's clock across a change.
    /// </summary>
    public static int UtcHourOf(CompanyDays days, int hour, DateTime utcNow) =>
        days.ToUtc(days.Today(utcNow).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified)).Hour;

    /// <summary>Checks the input; the errors name each field that is wrong, in the reader's language when read.</summary>
    public static Errors Check(BackupScheduleInput input)
    {
        var e = new Errors();
        if (input.Hour is not (>= 0 and <= 23))
            e.Add("hour", Message.Of<BackupText>("Choose an hour of the day from 0 to 23."));
        if (input.Keep is not (>= 1 and <= MaxKeep))
            e.Add("keep", Message.Of<BackupText>("Keep from 1 to {0} backups.", MaxKeep));
        if (input.Enabled is null)
            e.Add("enabled", Message.Of<BackupText>("Say whether the daily backup runs."));
        return e;
    }

    /// <summary>Saves the schedule after <see cref="Check"/>; nothing is written when it finds a problem.</summary>
    public static async Task<Errors> SaveAsync(ClienteleDb db, AuditLog audit, BackupScheduleInput input, CancellationToken ct)
    {
        var e = Check(input);
        if (e.Any) return e;
        var row = await db.Set<BackupSchedule>().SingleOrDefaultAsync(s => s.Id == BackupSchedule.SingletonId, ct);
        if (row is null) db.Add(row = new BackupSchedule());
        (row.Enabled, row.Hour, row.Keep) = (input.Enabled!.Value, input.Hour!.Value, input.Keep!.Value);
        await db.SaveChangesAsync(ct);
        var detail = row.Enabled
            ? Message.Of<BackupText>("Daily backup at {0}:00 company time; the newest {1} kept.", row.Hour.ToString("00", CultureInfo.InvariantCulture), row.Keep)
            : Message.Of<BackupText>("Daily backup off; the newest {0} kept.", row.Keep);
        await audit.RecordAsync(new AuditEvent(AuditAction.Updated, Entity: nameof(BackupSchedule), EntityId: BackupSchedule.SingletonId, Detail: detail.Encode()), ct);
        return e;
    }

    private static int Setting(IConfiguration configuration, string key, int fallback, int min, int max) =>
        int.TryParse(configuration[key], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, min, max) : fallback;
}
