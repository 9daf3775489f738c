using System.Globalization;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.LostClients;

/// <summary>Marking clients lost and won back; the lost report, the win-back list and retention by group, with exports.</summary>
public static class LostApi
{
    public static RouteGroupBuilder MapLostClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients/{id:long}").WithTags("Lost clients");
        clients.MapPost("/lost", MarkAsync).WithName("MarkClientLost")
            .WithSummary("Marks the client lost: reasonId or reasonCode, competitorId or competitorName (new names are added), lostOn (today), comment. If-Match: the client's version.");
        clients.MapDelete("/lost", WonBackAsync).WithName("WinBackClient").WithSummary("The client is won back: active again, its loss closed today. If-Match: the client's version.");
        clients.MapGet("/losses", HistoryAsync).WithSummary("Every time the client was lost, newest first.");

        var analytics = api.MapGroup("/analytics").WithTags("Lost clients");
        analytics.MapGet("/lost", ReportAsync)
            .WithSummary("Clients lost in [from..to] (default: the last 12 months) by reason, competitor, period (by=month|quarter) and manager, with revenue lost.")
            .AuditsClientRows(value => value is LostReportResponse report ? ClientIdsOf(report) : null);
        analytics.MapGet("/win-back", WinBackAsync).WithSummary("Lost clients worth winning back, by contribution in their last 12 active months.")
            .AuditsClientRows(value => value is WinBackResponse list ? ClientIdsOf(list) : null);
        analytics.MapGet("/lost/export", ExportLostAsync).WithSummary("The lost clients of the report as .xlsx or .csv (?format=), same filters.");
        analytics.MapGet("/win-back/export", ExportWinBackAsync).WithSummary("The win-back list as .xlsx or .csv (?format=).");
        analytics.MapGet("/competitors", CompetitorsAsync)
            .WithSummary("Per competitor: clients won from it (their previous supplier) in [from..to] with their revenue and contribution in the period, against clients lost to it with their revenue in the 12 months before, and the net (?managerId=).");
        analytics.MapGet("/competitors/export", ExportCompetitorsAsync).WithSummary("The won-and-lost-by-competitor table as .xlsx or .csv (?format=), same filters.");
        analytics.MapGet("/retention/breakdown", BreakdownAsync)
            .WithSummary("Retention and churn of the last year by manager, channel, segment (RFM) or abc (?by=, ?asOf=).");
        return api;
    }

    /// <summary>The clients the lost report names: audited alike by the API and <see cref="LostPage"/>.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(LostReportResponse report) => [.. report.Clients.Select(c => c.ClientId)];

    /// <summary>The clients the win-back list names: audited alike by the API and <see cref="WinBackList"/>.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(WinBackResponse list) => [.. list.Items.Select(c => c.ClientId)];

    private static LossNotes Notes(IStringLocalizer<LostText> t) => new(t["Marked lost"], t["Won back"], t["Won back by a purchase"], r => LostNames.Reason(t, r.Code, r.Name));

    private static async Task<Results<Ok<ClientLossResponse>, ValidationProblem, ProblemHttpResult>> MarkAsync(
        long id, MarkLostInput input, HttpContext http, ClienteleDb db, IStringLocalizer<LostText> t, CancellationToken ct)
    {
        var outcome = await LostMarking.MarkAsync(db, id, input, ApiConventions.IfMatch(http.Request), CurrentUser.IdOf(http.User), Notes(t), ct);
        return await AnswerAsync(outcome, id, db, http, ct);
    }

    private static async Task<Results<Ok<ClientLossResponse>, ValidationProblem, ProblemHttpResult>> WonBackAsync(
        long id, HttpContext http, ClienteleDb db, IStringLocalizer<LostText> t, CancellationToken ct)
    {
        var outcome = await LostMarking.WonBackAsync(db, id, ApiConventions.IfMatch(http.Request), CurrentUser.IdOf(http.User), Notes(t), ct);
        return await AnswerAsync(outcome, id, db, http, ct);
    }

    private static async Task<Results<Ok<ClientLossResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        LossOutcome outcome, long id, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        switch (outcome.Change)
        {
            case LossChange.NoClient: return ApiConventions.NotFound("Client", id);
            case LossChange.Stale: return ApiConventions.Stale(outcome.CurrentVersion);
            case LossChange.Invalid: return ApiConventions.Invalid(outcome.Errors!);
            case LossChange.NotLost:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Client {id} is not lost.");
        }
        var version = await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETag(version);
        if (outcome.Loss is not { } loss)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Client {id} had no recorded loss to close.");
        return TypedResults.Ok(Response(loss, version));
    }

    private static ClientLossResponse Response(ClientLoss l, long clientVersion) => new(l.Id, l.ClientId, l.LostOn, l.Reason?.Id ?? l.ReasonId, l.Reason?.Code,
        l.Reason?.Name ?? "", l.Competitor?.Id ?? l.CompetitorId, l.Competitor?.Name, l.Comment, l.ManagerId, l.WonBackOn, clientVersion);

    private static async Task<Results<Ok<ClientLossResponse[]>, ProblemHttpResult>> HistoryAsync(long id, ClienteleDb db, CancellationToken ct)
    {
        var version = await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => (long?)c.Version).SingleOrDefaultAsync(ct);
        if (version is null) return ApiConventions.NotFound("Client", id);
        var losses = await db.Set<ClientLoss>().AsNoTracking().Include(l => l.Reason).Include(l => l.Competitor)
            .Where(l => l.ClientId == id).OrderByDescending(l => l.LostOn).ThenByDescending(l => l.Id).ToListAsync(ct);
        return TypedResults.Ok(losses.Select(l => Response(l, version.Value)).ToArray());
    }

    /// <summary>The report's filters; a bad one is answered with the field it names.</summary>
    internal static ValidationProblem? ParseReport(string? from, string? to, string? by, DateOnly today, out DateOnly fromDay, out DateOnly toDay, out LostPeriod period)
    {
        var e = new Errors();
        toDay = e.Day("to", to) ?? today;
        fromDay = e.Day("from", from) ?? new DateOnly(toDay.Year, toDay.Month, 1).AddMonths(-11);
        period = LostPeriod.Month;
        if (!string.IsNullOrWhiteSpace(by) && !Enum.TryParse(by.Trim(), ignoreCase: true, out period) || !Enum.IsDefined(period))
            e.Add("by", Message.Of("must be month or quarter (was '{0}').", by));
        if (!e.Any && fromDay > toDay) e.Add("from", Message.Of("must not be after 'to'."));
        return e.Any ? ApiConventions.Invalid(e) : null;
    }

    private static async Task<Results<Ok<LostReportResponse>, ValidationProblem>> ReportAsync(
        string? from, string? to, long? managerId, string? by, ClienteleDb db, AnalyticsService analytics, CancellationToken ct)
    {
        if (ParseReport(from, to, by, analytics.Today, out var fromDay, out var toDay, out var period) is { } bad) return bad;
        return TypedResults.Ok(await LostReport.BuildAsync(db, fromDay, toDay, managerId, period, ct));
    }

    private static async Task<Ok<WinBackResponse>> WinBackAsync(long? managerId, ClienteleDb db, CancellationToken ct) =>
        TypedResults.Ok(await LostReport.WinBackAsync(db, managerId, ct));

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportLostAsync(
        string? format, string? from, string? to, long? managerId, string? by, ClienteleDb db, AnalyticsService analytics,
        IStringLocalizer<LostText> t, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        if (ParseReport(from, to, by, analytics.Today, out var fromDay, out var toDay, out var period) is { } bad) return bad;
        var report = await LostReport.BuildAsync(db, fromDay, toDay, managerId, period, ct);
        return ExportResults.File(LostExports.Lost(report, t), LostExports.ByReason(report, t), fileFormat, CultureInfo.CurrentCulture, "lost-clients", analytics.Today);
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportWinBackAsync(
        string? format, long? managerId, ClienteleDb db, AnalyticsService analytics, IStringLocalizer<LostText> t, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        var list = await LostReport.WinBackAsync(db, managerId, ct);
        return ExportResults.File(LostExports.WinBack(list, t), null, fileFormat, CultureInfo.CurrentCulture, "win-back", analytics.Today);
    }

    private static async Task<Results<Ok<CompetitorBalanceResponse>, ValidationProblem>> CompetitorsAsync(
        string? from, string? to, long? managerId, ClienteleDb db, AnalyticsService analytics, CancellationToken ct)
    {
        if (ParseReport(from, to, null, analytics.Today, out var fromDay, out var toDay, out _) is { } bad) return bad;
        return TypedResults.Ok(await CompetitorBalanceReport.BuildAsync(db, fromDay, toDay, managerId, ct));
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportCompetitorsAsync(
        string? format, string? from, string? to, long? managerId, ClienteleDb db, AnalyticsService analytics, IStringLocalizer<LostText> t, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        if (ParseReport(from, to, null, analytics.Today, out var fromDay, out var toDay, out _) is { } bad) return bad;
        var report = await CompetitorBalanceReport.BuildAsync(db, fromDay, toDay, managerId, ct);
        return ExportResults.File(LostExports.Competitors(report, t), null, fileFormat, CultureInfo.CurrentCulture, "won-and-lost-by-competitor", analytics.Today);
    }

    private static async Task<Results<Ok<RetentionBreakdownResponse>, ValidationProblem>> BreakdownAsync(
        string? by, string? asOf, ClienteleDb db, AnalyticsService analytics, CancellationToken ct)
    {
        if (AnalyticsApi.ParseDay(asOf, out var day) is { } bad) return bad;
        if (!Enum.TryParse<RetentionBy>(by?.Trim(), ignoreCase: true, out var group) || !Enum.IsDefined(group))
            return ApiConventions.Invalid("by", Message.Of("must be manager, channel, segment or abc (was '{0}').", by));
        var report = await analytics.ReportAsync(day, ct);
        var managers = await db.Set<Employee>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.DisplayName, ct);
        return TypedResults.Ok(RetentionBreakdown.Compute(report, group, managers));
    }
}
