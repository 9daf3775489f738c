using System.Globalization;
using Clientele.Infrastructure.Jobs;

namespace Clientele.Features.Backup;

/// <summary>
/// The daily backup (job <c>backup</c>, ADR 017): the whole base, encrypted like the automatic backup before an upgrade
/// (<see cref="AutomaticBackups"/>: its key file and directory), then this base's scheduled backups beyond the newest
/// <c>Clientele:Backup:Keep</c> (default 7) deleted. Runs at <c>Clientele:Backup:HourUtc</c> (default 2);
/// <c>Clientele:Backup:Schedule</c> = "off" leaves the scheduled runs with nothing to do.
/// </summary>
public sealed class ScheduledBackupJob(IConfiguration configuration) : IDailyJob
{
    public const string JobName = "backup";
    public const string Label = "scheduled";
    public const string KeepSetting = "Clientele:Backup:Keep";
    public const string HourSetting = "Clientele:Backup:HourUtc";
    public const string ScheduleSetting = "Clientele:Backup:Schedule";
    public const int DefaultKeep = 7;
    public const int DefaultHourUtc = 2;

    public string Name => JobName;

    public Task<int> HourUtcAsync(IServiceProvider services, CancellationToken ct) =>
        Task.FromResult(Setting(HourSetting, DefaultHourUtc, 0, 23));

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (string.Equals(configuration[ScheduleSetting], "off", StringComparison.OrdinalIgnoreCase))
        {
            services.GetRequiredService<JobReport>().NothingToDo($"scheduled backups are off ({ScheduleSetting})");
            return;
        }
        var db = services.GetRequiredService<ClienteleDb>();
        if (!await Data.SafeUpgrade.HoldsDataAsync(db, ct))
        {
            services.GetRequiredService<JobReport>().NothingToDo("nothing to back up: the base holds no clients, users or audit entries");
            return;
        }
        var backups = AutomaticBackups.Of(db);
        await backups.WriteAsync(db, Label, ct);
        backups.Prune(db, Label, Setting(KeepSetting, DefaultKeep, 1, 1000));
    }

    private int Setting(string key, int fallback, int min, int max) =>
        int.TryParse(configuration[key], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, min, max) : fallback;
}
