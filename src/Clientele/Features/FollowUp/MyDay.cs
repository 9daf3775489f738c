using Clientele.Features.Company;
using Clientele.Features.Interactions;
using Clientele.Features.Pipeline;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.FollowUp;

public sealed record MyDayTask(long Id, long ClientId, string ClientName, string Title, DateTime DueAt, bool Overdue);
public sealed record MyDayDeal(long Id, long ClientId, string ClientName, string Title, decimal Value, string Currency, DateOnly ExpectedCloseOn, string? Stage);
public sealed record MyDayAnswer(long Id, long ClientId, string ClientName, int Satisfaction, string? Missing, DateTime AnsweredAt);
public sealed record MyDayLoopItem(long Id, long ClientId, string ClientName, int Satisfaction, string? Missing, DateOnly DueOn);
public sealed record MyDayReferral(long LeadId, string Name, string? Phone, string? Email, long ReferrerClientId, string ReferrerName, DateTime CreatedAt);

/// <summary>What a person's morning holds: tasks due today or overdue, deals to close this week, unhappy answers waiting
/// for a call, referrals nobody has contacted, and the loop items they own that are past their due day and not fixed.</summary>
public sealed record MyDayView(DateOnly Today, IReadOnlyList<MyDayTask> Tasks, IReadOnlyList<MyDayDeal> Deals, IReadOnlyList<MyDayAnswer> Unhappy, IReadOnlyList<MyDayReferral> Referrals,
    IReadOnlyList<MyDayLoopItem> OverdueItems, IReadOnlyList<LateDelivery> LateDeliveries);

public static class MyDay
{
    /// <summary>An answer below this waits for a call.</summary>
    public const int CallBelow = 7;
    /// <summary>Unhappy answers older than this are the results page's, not the morning's.</summary>
    public const int AnswerDays = 90;
    /// <summary>Each list is a morning's work; a longer one is the tasks page's.</summary>
    public const int MaxRows = 200;

    /// <summary>The person's day, read in their own scope (a manager sees their clients only), in the company's days.</summary>
    public static async Task<MyDayView> LoadAsync(ClienteleDb db, long me, TimeProvider clock, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var today = days.Today(clock);
        var (dayStart, dayEnd) = (days.StartOf(today), days.EndOf(today));
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekEnd = weekStart.AddDays(6);

        var tasks = await db.Set<FollowUpTask>().AsNoTracking().Include(t => t.Client)
            .Where(t => t.AssigneeId == me && !t.Done && t.DueAt < dayEnd).OrderBy(t => t.DueAt).Take(MaxRows).ToListAsync(ct);
        var deals = await db.Deals.AsNoTracking().Include(d => d.Client).Include(d => d.Stage)
            .Where(d => d.ManagerId == me && d.Stage!.Outcome == StageOutcome.Open && d.ExpectedCloseOn >= weekStart && d.ExpectedCloseOn <= weekEnd)
            .OrderBy(d => d.ExpectedCloseOn).ThenBy(d => d.Id).Take(MaxRows).ToListAsync(ct);
        var since = dayStart.AddDays(-AnswerDays);
        // Waiting for a call: nobody has called the client since the answer.
        var unhappy = await db.SurveyAnswers.AsNoTracking().Include(a => a.Client)
            .Where(a => a.Satisfaction < CallBelow && a.AnsweredAt >= since && a.Client!.ManagerId == me
                && !db.Interactions.Any(i => i.ClientId == a.ClientId && i.Kind == InteractionKind.Call && i.OccurredAt > a.AnsweredAt && i.Source != "survey"))
            .OrderBy(a => a.AnsweredAt).Take(MaxRows).ToListAsync(ct);
        // A lead is no client's row, so the referrer's manager is whose it is.
        var referrals = await db.Leads.AsNoTracking().Include(l => l.ReferrerClient)
            .Where(l => l.Source == LeadSource.Referral && l.Status == LeadStatus.Open && l.ReferrerClient!.ManagerId == me)
            .OrderBy(l => l.CreatedAt).Take(MaxRows).ToListAsync(ct);
        var overdueItems = await Surveys.LoopItemsApi.Filter(db.LoopItems.AsNoTracking().Include(i => i.Client).Include(i => i.Answer), null, me, null, today)
            .OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(MaxRows).ToListAsync(ct);

        // Deliveries promised under their deals' contracts whose day has passed with nothing delivered (ADR 045).
        var lateDeliveries = await FulfilmentReport.LateForAsync(db, me, today, MaxRows, ct);

        return new MyDayView(today,
            [.. tasks.Select(t => new MyDayTask(t.Id, t.ClientId, t.Client?.Name ?? "", TaskTexts.Show(t.Title), t.DueAt, t.DueAt < dayStart))],
            [.. deals.Select(d => new MyDayDeal(d.Id, d.ClientId, d.Client?.Name ?? "", d.Title, d.Value, d.Currency, d.ExpectedCloseOn!.Value, d.Stage is { } s ? PipelineStage.Show(s.Name) : null))],
            [.. unhappy.Select(a => new MyDayAnswer(a.Id, a.ClientId, a.Client?.Name ?? "", a.Satisfaction, a.Missing, a.AnsweredAt))],
            [.. referrals.Select(l => new MyDayReferral(l.Id, l.Name, l.Phone, l.Email, l.ReferrerClientId!.Value, l.ReferrerClient?.Name ?? "", l.CreatedAt))],
            [.. overdueItems.Select(i => new MyDayLoopItem(i.Id, i.ClientId, i.Client?.Name ?? "", i.Answer?.Satisfaction ?? 0, i.Answer?.Missing, i.DueOn))],
            lateDeliveries);
    }
}
