using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Campaigns;

/// <summary>
/// The sender as a job (ADR 004): <c>clientele jobs run campaign-send</c>, the jobs API and the nightly schedule run
/// it under the job's lock, so of several nodes on one PostgreSQL base one sends at a time.
/// </summary>
public sealed class CampaignSendJob : IDailyJob
{
    public const string JobName = "campaign-send";

    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var summary = await services.GetRequiredService<CampaignSender>().SendDueAsync(ct);
        var text = services.GetRequiredService<IStringLocalizer<CampaignText>>();
        services.GetRequiredService<JobReport>().NothingToDo(summary.NotConfigured
            ? text["No SMTP server is set up: nothing to send."]
            : text["{0} sent, {1} bounced, {2} failed, {3} retries, {4} skipped.", summary.Sent, summary.Bounced, summary.Failed, summary.Retried, summary.Skipped]);
    }
}

/// <summary>
/// Runs the sender job every half minute while the job schedule is on, so a launched campaign goes out within a
/// minute; between runs the job lock keeps a second node from sending the same messages.
/// </summary>
public sealed class CampaignSendLoop(JobRunner runner, SystemDbFactory dbs, IConfiguration configuration, TimeProvider clock, ILogger<CampaignSendLoop> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!JobsSetup.ScheduleIsOn(configuration)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Tick, clock, stoppingToken);
            try
            {
                // A run row every half minute would bury the jobs page: run only when something is due.
                bool due;
                await using (var db = await dbs.CreateDbContextAsync(stoppingToken))
                {
                    var now = db.UtcNow;
                    due = await db.Set<OutboxMessage>().AnyAsync(m => (m.Status == OutboxStatus.Queued && m.NotBefore <= now) || m.Status == OutboxStatus.Sending, stoppingToken);
                }
                if (due) await runner.RunAsync(CampaignSendJob.JobName, JobTrigger.Schedule, null, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "The campaign sender could not run");
            }
        }
    }
}

public static class CampaignsSetup
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignPlanner>();
        services.AddScoped<CampaignService>();
        services.AddScoped<CampaignPages>();
        services.AddScoped<CampaignSettingsStore>();
        services.AddScoped<SmsGatewayStore>();
        services.AddScoped<CampaignSender>();
        services.AddSingleton<SenderHooks>();
        services.AddSingleton<IDailyJob, CampaignSendJob>();
        services.AddHostedService<CampaignSendLoop>();
        return services;
    }
}
