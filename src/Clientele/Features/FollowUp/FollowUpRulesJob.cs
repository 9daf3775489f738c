using System.Globalization;
using Clientele.Features.Company;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.FollowUp;

/// <summary>
/// The follow-up rules as a nightly job: for each active rule, the events (purchases, high survey scores) whose
/// company day lies the rule's days back — with a week's catch-up, so a night the server was off is made good —
/// get a task for the client's manager, stored as kinds, once: a hit row per rule and event says it is done.
/// </summary>
public sealed class FollowUpRulesJob : IDailyJob
{
    public const string JobName = "follow-up-rules";
    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var made = await FollowUpRuns.RunAsync(services.GetRequiredService<ClienteleDb>(), services.GetRequiredService<TimeProvider>(), ct);
        if (made == 0) services.GetRequiredService<JobReport>().NothingToDo(services.GetRequiredService<IStringLocalizer<FollowUpText>>()["No follow-up was due: nothing to make."]);
    }
}

public static class FollowUpRuns
{
    /// <summary>How many days back a rule still makes a task it missed.</summary>
    public const int CatchUpDays = 7;
    /// <summary>Tasks are due at midday of the company's day: in the day's work, not at its first minute.</summary>
    public const int DueHour = 12;
    private const int Chunk = 1000;

    private sealed record Event(long Id, long ClientId, DateTime At, int? Score);

    /// <returns>How many tasks were made.</returns>
    public static async Task<int> RunAsync(ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var today = days.Today(clock);
        var made = 0;
        foreach (var rule in await db.FollowUpRules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Id).ToListAsync(ct))
        {
            var (from, to) = (days.StartOf(today.AddDays(-rule.Days - CatchUpDays)), days.EndOf(today.AddDays(-rule.Days)));
            var hits = db.FollowUpRuleHits.Where(h => h.RuleId == rule.Id);
            var events = rule.Trigger == FollowUpTrigger.AfterPurchase
                ? await db.Purchases.AsNoTracking().Where(p => p.Date >= from && p.Date < to && !hits.Any(h => h.EventId == p.Id))
                    .OrderBy(p => p.Id).Select(p => new Event(p.Id, p.ClientId, p.Date, null)).ToListAsync(ct)
                : await db.SurveyAnswers.AsNoTracking().Where(a => a.AnsweredAt >= from && a.AnsweredAt < to && a.Satisfaction >= rule.MinScore && !hits.Any(h => h.EventId == a.Id))
                    .OrderBy(a => a.Id).Select(a => new Event(a.Id, a.ClientId, a.AnsweredAt, a.Satisfaction)).ToListAsync(ct);
            foreach (var chunk in events.Chunk(Chunk))
            {
                made += await MakeAsync(db, rule, chunk, days, days.StartOf(today).AddHours(DueHour), ct);
                db.ChangeTracker.Clear();
            }
        }
        return made;
    }

    private static async Task<int> MakeAsync(ClienteleDb db, FollowUpRule rule, Event[] events, CompanyDays days, DateTime due, CancellationToken ct)
    {
        var clientIds = events.Select(e => e.ClientId).Distinct().ToList();
        var managers = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.ManagerId }).ToDictionaryAsync(c => c.Id, c => c.ManagerId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tasks = events.Select(e => (Event: e, Task: new FollowUpTask
        {
            ClientId = e.ClientId, AssigneeId = managers.GetValueOrDefault(e.ClientId), DueAt = due,
            Title = Message.Of<FollowUpText>("{0}: {1} days on", rule.Name, rule.Days).Encode(),
            Details = (e.Score is { } score
                ? Message.Of<FollowUpText>("The client answered the three questions on {0} with {1} of 10.", Day(days, e.At), score)
                : Message.Of<FollowUpText>("The client bought on {0} (purchase {1}).", Day(days, e.At), e.Id)).Encode(),
        })).ToList();
        db.AddRange(tasks.Select(t => t.Task));
        await db.SaveChangesAsync(ct);
        db.FollowUpRuleHits.AddRange(tasks.Select(t => new FollowUpRuleHit { RuleId = rule.Id, EventId = t.Event.Id, ClientId = t.Event.ClientId, TaskId = t.Task.Id, CreatedAt = db.UtcNow }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return tasks.Count;
    }

    private static string Day(CompanyDays days, DateTime at) => days.DayOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
