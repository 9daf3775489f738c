using Clientele.Infrastructure.Jobs;

namespace Clientele.Features.Backup;

/// <summary>
/// The daily backup (job <c>backup</c>, ADRs 017 and 033): the whole base, encrypted like the automatic backup before an
/// upgrade (<see cref="AutomaticBackups"/>: its key file and directory), then this base's daily backups beyond the newest
/// Keep deleted, and its backups taken before upgrades beyond the newest Keep as well. The hour and Keep are the owner's
/// (<see cref="BackupSchedule"/>, the hour in the company's time zone); until the owner sets them, the server's
/// <c>Clientele:Backup:HourUtc</c> (default 2) and <c>Clientele:Backup:Keep</c> (default 7). <c>Clientele:Backup:Schedule</c>
/// = "off" leaves the scheduled runs with nothing to do, whatever the owner set.
/// </summary>
public sealed class ScheduledBackupJob(IConfiguration configuration) : IDailyJob
{
    public const string JobName = "backup";
    public const string Label = "scheduled";
    public const string BeforeUpgradeLabel = "before-upgrade";
    public const string KeepSetting = "Clientele:Backup:Keep";
    public const string HourSetting = "Clientele:Backup:HourUtc";
    public const string ScheduleSetting = "Clientele:Backup:Schedule";
    public const int DefaultKeep = 7;
    public const int DefaultHourUtc = 2;

    public string Name => JobName;

    public async Task<int> HourUtcAsync(IServiceProvider services, CancellationToken ct) =>
        (await ScheduleAsync(services, ct)).HourUtc;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var schedule = await ScheduleAsync(services, ct);
        var report = services.GetRequiredService<JobReport>();
        if (!schedule.Enabled)
        {
            report.NothingToDo($"scheduled backups are off (the owner's schedule or {ScheduleSetting})");
            return;
        }
        var db = services.GetRequiredService<ClienteleDb>();
        if (!await Data.SafeUpgrade.HoldsDataAsync(db, ct))
        {
            report.NothingToDo("nothing to back up: the base holds no clients, users or audit entries");
            return;
        }
        var backups = AutomaticBackups.Of(db);
        await backups.WriteAsync(db, Label, ct);
        // Backups before upgrades pile up one per version otherwise; the newest are the ones a failed upgrade needs.
        backups.Prune(db, Label, schedule.Keep);
        backups.Prune(db, BeforeUpgradeLabel, schedule.Keep);
    }

    private Task<BackupScheduleView> ScheduleAsync(IServiceProvider services, CancellationToken ct) =>
        BackupSchedules.CurrentAsync(services.GetRequiredService<ClienteleDb>(), configuration, services.GetRequiredService<TimeProvider>(), ct);
}
