using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Features.Company;
using Clientele.Features.Lifetime;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Home;

/// <summary>One of the signed-in person's tasks due today or overdue, worded for the reader.</summary>
public sealed record HomeTask(long Id, long ClientId, string ClientName, string Title, DateTime DueAt, bool Overdue);

/// <summary>Revenue and contribution of one currency, month to date against the same days of the month before.</summary>
public sealed record LikeForLikeMoney(string Currency, decimal Revenue, decimal PreviousRevenue, decimal Contribution, decimal PreviousContribution);

/// <summary>
/// The home page for the person signed in (issue 20): their tasks due today or overdue, the at-risk clients they can
/// see, and what the clients they can see brought this month so far against the same days of last month. The owner's
/// scope is the company; a manager's is their own clients — the row filters of the user's context decide, not this code.
/// </summary>
public sealed record PersonalHome(DayRange Current, DayRange Previous, IReadOnlyList<HomeTask> Tasks, int TasksDue, int TasksOverdue,
    IReadOnlyList<ChurnRiskRow> AtRisk, int AtRiskTotal, IReadOnlyList<LikeForLikeMoney> Money, int VisibleClients);

public static class PersonalHomeQueries
{
    public const int TasksShown = 10;
    public const int AtRiskShown = 5;

    public static async Task<PersonalHome> ForAsync(ClienteleDb db, long? me, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var now = db.UtcNow;
        var today = days.Today(now);
        var (current, previous) = LikeForLike.MonthToDate(today);

        var endOfToday = days.EndOf(today);
        var due = TaskQueries.OpenFor(db, me).Where(t => t.DueAt < endOfToday);
        var tasksDue = await due.CountAsync(ct);
        var overdue = await due.CountAsync(t => t.DueAt < now, ct);
        var tasks = await due.Take(TasksShown).Select(t => new { t.Id, t.ClientId, ClientName = t.Client!.Name, t.Title, t.DueAt }).ToListAsync(ct);

        var atRisk = LifetimeQueries.Worklist(db, managerId: null);
        var atRiskTotal = await atRisk.CountAsync(ct);
        var topAtRisk = await atRisk.Take(AtRiskShown).ToListAsync(ct);

        return new PersonalHome(current, previous,
            [.. tasks.Select(t => new HomeTask(t.Id, t.ClientId, Access.FieldMasks.MaskName(db.Access, t.ClientId, t.ClientName), TaskTexts.Show(t.Title), t.DueAt, t.DueAt < now))],
            tasksDue, overdue, topAtRisk, atRiskTotal, await MoneyAsync(db, days, current, previous, ct), await db.Clients.CountAsync(ct));
    }

    /// <summary>
    /// Contribution before acquisition (ClientFigures' definition, through <see cref="Margins"/>) of the purchases and
    /// recorded service costs dated in each run of days. Two partial months of rows is small; the decimals are summed
    /// here because SQLite cannot sum them exactly.
    /// </summary>
    private static async Task<List<LikeForLikeMoney>> MoneyAsync(ClienteleDb db, CompanyDays days, DayRange current, DayRange previous, CancellationToken ct)
    {
        var (from, to) = (days.StartOf(previous.First), days.EndOf(current.Last));
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.Date >= from && p.Date < to)
            .Select(p => new { p.Date, p.Currency, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback }).ToListAsync(ct);
        var costs = await db.ServiceCosts.AsNoTracking().Where(c => c.Date >= previous.First && c.Date <= current.Last)
            .Select(c => new { c.Date, c.Currency, c.Amount }).ToListAsync(ct);
        var sales = purchases.Select(p => (Day: days.DayOf(p.Date), p.Currency, Revenue: p.Total,
            Contribution: Margins.BeforeAcquisition(p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, 0m)));
        var rows = sales.Concat(costs.Select(c => (Day: c.Date, c.Currency, Revenue: 0m, Contribution: -c.Amount))).ToList();
        return [.. rows.Where(r => current.Contains(r.Day) || previous.Contains(r.Day)).GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LikeForLikeMoney(g.Key,
                g.Where(r => current.Contains(r.Day)).Sum(r => r.Revenue), g.Where(r => previous.Contains(r.Day)).Sum(r => r.Revenue),
                g.Where(r => current.Contains(r.Day)).Sum(r => r.Contribution), g.Where(r => previous.Contains(r.Day)).Sum(r => r.Contribution)))];
    }
}
