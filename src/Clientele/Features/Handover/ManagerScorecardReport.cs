using System.Globalization;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.LostClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Handover;

public sealed record ReasonCount(string Reason, int Clients);

/// <param name="ManagerId">Null on the company's row (the last).</param>
public sealed record ScorecardRow(
    long? ManagerId, string Name, int NewClients, int NewTarget, double? TargetShareOfNew, decimal NewContribution,
    int ExistingActive, int Retained, double? Retention, decimal ExistingContributionPrevious, decimal ExistingContribution, double? ExistingContributionGrowth,
    int Lost, List<ReasonCount> LostByReason, Growth Base, Growth Revenue, Growth Profit);

/// <summary>The scorecard of the months <see cref="From"/>..<see cref="To"/> (yyyy-MM) against <see cref="PreviousFrom"/>..<see cref="PreviousTo"/>.</summary>
public sealed record ScorecardResponse(string From, string To, string PreviousFrom, string PreviousTo, string Currency, List<ScorecardRow> Rows);

/// <summary>
/// The manager scorecard over a period of company months (<see cref="ManagerScorecard"/>), read from the analytics report
/// in the reader's scope — a manager sees their own row and a company row of their own clients — and the losses recorded
/// in the period with the manager each client had when it left.
/// </summary>
public sealed class ManagerScorecardReport(ClienteleDb db, AnalyticsService analytics, IStringLocalizer<LostText> reasons)
{
    /// <summary>The longest period: the period before it must still be inside the analytics base's history.</summary>
    public const int MaxMonths = 12;

    /// <summary>The months asked for, or what is wrong with them; default the last six months up to this one.</summary>
    public static (int From, int To)? Period(string? from, string? to, DateOnly today, out Message? problem)
    {
        problem = null;
        var end = to is null ? MonthIndex.Of(today) : Parse(to);
        var start = from is null ? end - 5 : Parse(from);
        if (start is null || end is null)
        {
            problem = Message.Of<HandoverText>("A month is written as yyyy-MM, e.g. 2026-03.");
            return null;
        }
        if (start > end || end - start + 1 > MaxMonths)
        {
            problem = Message.Of<HandoverText>("The period runs from a month to the same or a later one, {0} months at most.", MaxMonths);
            return null;
        }
        return (start.Value, end.Value);
    }

    private static int? Parse(string month) =>
        DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? MonthIndex.Of(day) : null;

    public static string Label(int month) => MonthIndex.FirstDay(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<ScorecardResponse> ComputeAsync(int from, int to, CancellationToken ct)
    {
        var report = await analytics.ReportAsync(null, ct);
        var b = report.Base;
        var clients = b.Clients.Select((c, i) => new ScorecardClient(c.ManagerId, MonthIndex.Of(c.AcquiredOn), report.Target[i])).ToArray();
        var ids = b.Clients.Select(c => c.Id).ToArray();
        var lostOn = await db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Lost && c.LostOn != null)
            .Select(c => new { c.Id, c.LostOn }).ToDictionaryAsync(c => c.Id, c => c.LostOn!.Value, ct);
        var lostMonth = ids.Select(id => lostOn.TryGetValue(id, out var day) ? MonthIndex.Of(day) : (int?)null).ToArray();
        var length = to - from + 1;
        var (firstDay, lastDay) = (MonthIndex.FirstDay(from), MonthIndex.LastDay(to));
        var losses = (await db.Set<ClientLoss>().AsNoTracking().Where(l => l.LostOn >= firstDay && l.LostOn <= lastDay)
                .Select(l => new { l.ManagerId, l.LostOn, l.Reason!.Code, l.Reason.Name }).ToListAsync(ct))
            .Select(l => new ScorecardLoss(l.ManagerId, MonthIndex.Of(l.LostOn), LostNames.Reason(reasons, l.Code, l.Name))).ToList();
        var scores = ManagerScorecard.Compute(clients, lostMonth, b.Months, losses, from, to);
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        var company = Message.Of<HandoverText>("Company").Render();
        return new ScorecardResponse(Label(from), Label(to), Label(from - length), Label(from - 1), b.Settings.BaseCurrency,
            [.. scores.Select(s => new ScorecardRow(s.Manager, s.Manager is { } m ? names.GetValueOrDefault(m) ?? "" : company, s.NewClients, s.NewTarget, s.TargetShareOfNew,
                s.NewContribution, s.ExistingActive, s.Retained, s.Retention, s.ExistingContributionPrevious, s.ExistingContribution, s.ExistingContributionGrowth,
                s.Lost, [.. s.LostByReason.Select(r => new ReasonCount(r.Key, r.Value))], s.Base, s.Revenue, s.Profit))]);
    }
}
