using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Lifetime;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

/// <summary>One client's threads: who has been in touch in the window and how much of it its manager did.</summary>
public sealed record ClientThreadRow(
    long ClientId, string ClientName, long? ManagerId, string? ManagerName, string AbcClass, int Interactions, int Employees, int ContactPersons,
    double? ManagerShare, bool SingleThread, long? KeyPersonId, string? KeyPersonName, decimal Revenue12Months, decimal Contribution12Months, decimal? Clv);

/// <summary>"Revenue at risk if X leaves": X's portfolio and the single-thread clients that run through X alone.</summary>
public sealed record KeyPersonRow(
    long EmployeeId, string Name, bool IsActive, int Clients, decimal Revenue12Months, int SingleThreadClients,
    decimal RevenueAtRisk, decimal ContributionAtRisk, decimal? ClvAtRisk, double? ShareAtRisk);

public sealed record EmployeeAmount(long EmployeeId, decimal Amount);

/// <summary>Revenue at risk at the end of one month (yyyy-MM): the single-thread clients of the 12 months ending with it and their revenue in them.</summary>
public sealed record RiskTrendPoint(string Month, int SingleThreadClients, decimal RevenueAtRisk, decimal Revenue, double? Share, List<EmployeeAmount> ByEmployee);

/// <summary>The key-person risk report as of a day: per employee, then the single-thread clients, most revenue first, and the trend by month.</summary>
public sealed record KeyPersonRiskResponse(
    DateOnly AsOf, DateOnly WindowFrom, string Currency, int Clients, int SingleThreadClients, decimal RevenueAtRisk,
    List<KeyPersonRow> Employees, List<ClientThreadRow> SingleThread, List<RiskTrendPoint> Trend);

/// <summary>
/// Key-person risk over the last twelve company months: interactions read once for the window, money from the
/// analytics report (twelve months' revenue and contribution) and the last lifetime refresh (CLV). Reads in the
/// caller's scope, so a manager's report holds their own clients only.
/// </summary>
public sealed class KeyPersonRiskReport(ClienteleDb db, AnalyticsService analytics)
{
    public const int WindowMonths = 12;

    /// <summary>Months of the trend, the report's month the last.</summary>
    public const int TrendMonths = 12;

    /// <summary>Every client the reader sees with its threads and stake, in the report's client order.</summary>
    public async Task<(AnalyticsReport Report, DateOnly From, ClientThreadRow[] Rows)> ClientsAsync(CancellationToken ct)
    {
        var report = await analytics.ReportAsync(null, ct);
        var b = report.Base;
        var days = await CompanyDays.OfAsync(db, ct);
        var from = b.AsOf.AddMonths(-WindowMonths).AddDays(1);
        var (fromUtc, toUtc) = (days.StartOf(from), days.EndOf(b.AsOf));
        var index = new Dictionary<long, int>(b.Count);
        for (var i = 0; i < b.Count; i++) index[b.Clients[i].Id] = i;

        var interactions = await db.Interactions.AsNoTracking().Where(x => x.OccurredAt >= fromUtc && x.OccurredAt < toUtc)
            .Select(x => new { x.ClientId, x.EmployeeId, x.ContactPersonId }).ToListAsync(ct);
        var touches = interactions.Where(x => index.ContainsKey(x.ClientId)).Select(x => new Touch(index[x.ClientId], x.EmployeeId, x.ContactPersonId)).ToArray();
        var threads = KeyPersonRisk.Threads([.. b.Clients.Select(c => c.ManagerId)], touches);

        // Twelve months of contribution: this month and the eleven before it, as the report's twelve-month revenue.
        var contribution = new decimal[b.Count];
        foreach (var m in b.Months)
            if (m.Month > b.AsOfMonth - WindowMonths) contribution[m.Client] += m.Contribution;
        var clv = await db.Set<ClientLifetime>().AsNoTracking().Where(l => l.Clv != null).Select(l => new { l.ClientId, l.Clv }).ToDictionaryAsync(l => l.ClientId, l => l.Clv!.Value, ct);
        var names = await EmployeeNamesAsync(db, ct);

        var rows = new ClientThreadRow[b.Count];
        for (var i = 0; i < b.Count; i++)
        {
            var c = b.Clients[i];
            var t = threads[i];
            rows[i] = new ClientThreadRow(c.Id, c.Name, c.ManagerId, Name(names, c.ManagerId), report.Abc[i].ToString(), t.Interactions, t.Employees, t.ContactPersons,
                t.ManagerShare, t.SingleThread, t.KeyPerson, Name(names, t.KeyPerson), report.Revenue12Months[i], contribution[i], clv.TryGetValue(c.Id, out var value) ? value : null);
        }
        return (report, from, rows);
    }

    public async Task<KeyPersonRiskResponse> ComputeAsync(int limit, CancellationToken ct)
    {
        var (report, from, rows) = await ClientsAsync(ct);
        var exposure = KeyPersonRisk.ByEmployee(
            [.. rows.Select(r => new ClientStake(r.ManagerId, r.Revenue12Months, r.Contribution12Months, r.Clv ?? 0))],
            [.. rows.Select(r => new ClientThreads(r.Interactions, r.Employees, r.ContactPersons, r.ManagerShare, r.SingleThread, r.KeyPersonId))]);
        var people = await db.Set<Employee>().AsNoTracking().Select(e => new { e.Id, e.DisplayName, e.IsActive }).ToDictionaryAsync(e => e.Id, ct);
        // CLV at risk is a sum of computed values only: a person none of whose single-thread clients has one shows "—", not 0.
        var withClv = rows.Where(r => r.SingleThread && r.Clv is not null).Select(r => r.KeyPersonId ?? r.ManagerId).ToHashSet();
        var employees = exposure.Where(x => people.ContainsKey(x.Employee)).Select(x => new KeyPersonRow(x.Employee, people[x.Employee].DisplayName, people[x.Employee].IsActive,
            x.Clients, x.Revenue, x.SingleThreadClients, x.RevenueAtRisk, x.ContributionAtRisk, withClv.Contains(x.Employee) ? x.ClvAtRisk : null, x.ShareAtRisk)).ToList();
        var single = rows.Where(r => r.SingleThread).ToList();
        return new KeyPersonRiskResponse(report.Base.AsOf, from, report.Base.Settings.BaseCurrency, rows.Length, single.Count, single.Sum(r => r.Revenue12Months),
            employees, [.. single.OrderByDescending(r => r.Revenue12Months).ThenBy(r => r.ClientId).Take(limit)], await TrendAsync(report, ct));
    }

    /// <summary>The last <see cref="TrendMonths"/> months, each over the 12 months ending with it: interactions of 23 months read once.</summary>
    private async Task<List<RiskTrendPoint>> TrendAsync(AnalyticsReport report, CancellationToken ct)
    {
        var b = report.Base;
        var days = await CompanyDays.OfAsync(db, ct);
        var (first, last) = (b.AsOfMonth - TrendMonths + 1, b.AsOfMonth);
        var (fromUtc, toUtc) = (days.StartOf(Clientele.Analytics.Calendar.MonthIndex.FirstDay(first - WindowMonths + 1)), days.EndOf(b.AsOf));
        var index = new Dictionary<long, int>(b.Count);
        for (var i = 0; i < b.Count; i++) index[b.Clients[i].Id] = i;
        var interactions = await db.Interactions.AsNoTracking().Where(x => x.OccurredAt >= fromUtc && x.OccurredAt < toUtc)
            .Select(x => new { x.ClientId, x.EmployeeId, x.ContactPersonId, x.OccurredAt }).ToListAsync(ct);
        var touches = interactions.Where(x => index.ContainsKey(x.ClientId))
            .Select(x => new DatedTouch(days.MonthOf(x.OccurredAt), new Touch(index[x.ClientId], x.EmployeeId, x.ContactPersonId))).ToList();
        var revenue = b.Months.Select(m => new ClientMonth(m.Client, m.Month, m.Revenue, m.Purchases)).ToArray();
        return [.. KeyPersonRisk.Trend([.. b.Clients.Select(c => c.ManagerId)], touches, revenue, first, last, WindowMonths)
            .Select(m => new RiskTrendPoint(ManagerScorecardReport.Label(m.Month), m.SingleThreadClients, m.RevenueAtRisk, m.Revenue, m.Share,
                [.. m.ByKeyPerson.OrderByDescending(p => p.Value).Select(p => new EmployeeAmount(p.Key, p.Value))]))];
    }

    public static async Task<Dictionary<long, string>> EmployeeNamesAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<Employee>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.DisplayName, ct);

    private static string? Name(Dictionary<long, string> names, long? id) => id is { } v ? names.GetValueOrDefault(v) : null;
}
