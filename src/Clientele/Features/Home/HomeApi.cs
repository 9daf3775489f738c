using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Home;

public sealed record StatusCount(ClientStatus Status, int Count);

public sealed record MonthRevenue(string Currency, decimal ThisMonth, decimal LastMonth);

public sealed record HomeSummary(StatusCount[] ClientsByStatus, MonthRevenue[] Revenue, int MyOverdueTasks, int MyOpenTasks);

public static class HomeApi
{
    public static RouteGroupBuilder MapHome(this RouteGroupBuilder api)
    {
        api.MapGet("/home", async Task<Ok<HomeSummary>> (HttpContext http, ClienteleDb db, CancellationToken ct) =>
            TypedResults.Ok(await HomeQueries.SummaryAsync(db, CurrentUser.IdOf(http.User), ct))).WithTags("Home")
            .WithSummary("The start page: clients by status, revenue by month, and the caller's overdue and open tasks.");
        api.MapGet("/home/mine", async Task<Ok<PersonalHome>> (HttpContext http, ClienteleDb db, CancellationToken ct) =>
            TypedResults.Ok(await PersonalHomeQueries.ForAsync(db, CurrentUser.IdOf(http.User), ct))).WithTags("Home")
            // The answer names clients (the tasks' and the at-risk ones): the trail records who saw them, as for the worklist.
            .AuditsClientRows(value => value is PersonalHome home ? ClientIdsOf(home) : null)
            .WithSummary("The caller's home page: their tasks due today or overdue, the top at-risk clients they see, and revenue and contribution month to date against the same days of last month (both partial periods, in the company's days).");
        return api;
    }

    /// <summary>The clients the personal home names (its tasks' and the at-risk ones): audited alike by the API and <see cref="HomePage"/>.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(PersonalHome home) => [.. home.Tasks.Select(t => t.ClientId).Concat(home.AtRisk.Select(r => r.ClientId)).Distinct()];
}

public static class HomeQueries
{
    /// <summary>The clients the reader sees by status, every status listed (a missing one as zero).</summary>
    public static async Task<StatusCount[]> ClientsByStatusAsync(ClienteleDb db, CancellationToken ct)
    {
        var byStatus = await db.Clients.AsNoTracking().GroupBy(c => c.Status)
            .Select(g => new StatusCount(g.Key, g.Count())).ToListAsync(ct);
        return [.. Enum.GetValues<ClientStatus>().Select(s => new StatusCount(s, byStatus.FirstOrDefault(x => x.Status == s)?.Count ?? 0))];
    }

    public static async Task<HomeSummary> SummaryAsync(ClienteleDb db, long? me, CancellationToken ct)
    {
        var now = db.UtcNow;
        // The company's months (ADR 023).
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var firstOfMonth = days.Today(now) is var today ? new DateOnly(today.Year, today.Month, 1) : default;
        var thisMonth = days.StartOf(firstOfMonth);
        var lastMonth = days.StartOf(firstOfMonth.AddMonths(-1));
        // Two months of totals is small; decimals are summed here because SQLite cannot sum them exactly.
        var recent = await db.Purchases.AsNoTracking().Where(p => p.Date >= lastMonth)
            .Select(p => new { p.Date, p.Currency, p.Total }).ToListAsync(ct);
        var revenue = recent.GroupBy(p => p.Currency).OrderBy(g => g.Key)
            .Select(g => new MonthRevenue(g.Key, g.Where(p => p.Date >= thisMonth).Sum(p => p.Total), g.Where(p => p.Date < thisMonth).Sum(p => p.Total)))
            .ToArray();
        var open = TaskQueries.OpenFor(db, me);
        var overdue = await open.CountAsync(t => t.DueAt < now, ct);
        var total = await open.CountAsync(ct);
        return new HomeSummary(await ClientsByStatusAsync(db, ct), revenue, overdue, total);
    }
}
