using System.Globalization;
using Clientele.Analytics.Structure;
using Clientele.Features.Audit;
using Clientele.Features.Exports.Formats;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Analytics;

/// <summary>
/// Read-only analytics for a day (<c>?asOf=YYYY-MM-DD</c>, today when left out), all in the company's base currency.
/// </summary>
public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics");
        Map(group, "/summary", AnalyticsViews.Summary, "Clients, money, Pareto, ABC and RFM counts, retention, loss-makers.");
        Map(group, "/pareto", r => AnalyticsViews.Pareto(r), "Cumulative revenue and contribution over clients, largest first.");
        Map(group, "/abc-xyz", AnalyticsViews.AbcXyz, "ABC by contribution × XYZ by stability of monthly revenue.");
        Map(group, "/rfm", AnalyticsViews.Rfm, "RFM segments with their rules, and the R × F grid.");
        Map(group, "/cohorts", AnalyticsViews.Cohorts, "Cohorts by month of first purchase: share buying and revenue in month k.");
        Map(group, "/channels", AnalyticsViews.Channels, "Per acquisition channel: clients, spend, CAC, revenue, contribution, payback share, ROI.");
        Map(group, "/target", AnalyticsViews.Target, "Share of target clients in the base, revenue and contribution, by month.");
        Map(group, "/retention", AnalyticsViews.Retention, "Retention and churn by month and year, repeat-purchase rate.");
        group.MapGet("/strategies", async Task<Results<Ok<StrategiesResponse>, ValidationProblem>> (string? asOf, AnalyticsService analytics, CancellationToken ct) =>
            ParseDay(asOf, out var day) is { } bad ? bad : TypedResults.Ok(await analytics.StrategiesAsync(day, ct)))
            .WithSummary("Strategy per client group by the rule table, and the loss-makers with their reasons.")
            .AuditsClientRows(value => value is StrategiesResponse strategies ? [.. strategies.LossMakers.Select(c => c.ClientId)] : null);
        group.MapGet("/clients", ClientsAsync).WithSummary("The clients behind a chart cell, with their figures.")
            .AuditsClientRows(value => value is AnalyticsClientsResponse page ? ClientIdsOf(page.Items) : null);
        group.MapGet("/export/{report}", ExportAsync)
            .WithSummary("A report as .xlsx or .csv: clients (with the same filters as /clients), abc-xyz, rfm, channels, cohorts, retention, loss-makers.");
        return api;
    }

    private static void Map<T>(RouteGroupBuilder group, string path, Func<AnalyticsReport, T> view, string summary) =>
        // The handler names no type parameter (its answer is an IResult with the type declared), so the request delegate
        // generator writes it at compile time like the others instead of every host building it at start.
        group.MapGet(path, async Task<IResult> (string? asOf, AnalyticsService analytics, CancellationToken ct) =>
            ParseDay(asOf, out var day) is { } bad ? bad : TypedResults.Ok(view(await analytics.ReportAsync(day, ct))))
            .Produces<T>().ProducesValidationProblem()
            .WithSummary(summary);

    /// <summary>The clients a page of the list names: audited alike by the API and the page (<see cref="AnalyticsClientsPage"/>).</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(IEnumerable<AnalyticsClientRow> rows) => [.. rows.Select(c => c.Id)];

    private static async Task<Results<Ok<AnalyticsClientsResponse>, ValidationProblem>> ClientsAsync(
        string? asOf, AbcClass? abc, XyzClass? xyz, RfmSegment? segment, Strategy? strategy, long? channelId, bool? target, bool? lossMaking,
        int? r, int? f, string? cohort, AnalyticsSort? sort, int? offset, int? limit, AnalyticsService analytics, CancellationToken ct)
    {
        if (ParseDay(asOf, out var day) is { } bad) return bad;
        if (offset < 0) return ApiConventions.Invalid("offset", Message.Of("must not be negative."));
        var report = await analytics.ReportAsync(day, ct);
        var selection = new AnalyticsSelection
        {
            Abc = abc, Xyz = xyz, Segment = segment, Strategy = strategy, ChannelId = channelId, Target = target, LossMaking = lossMaking,
            R = r, F = f, Cohort = cohort,
        };
        var chosen = selection.Select(report, sort ?? AnalyticsSort.ContributionDescending);
        var items = chosen.Skip(offset ?? 0).Take(ApiConventions.Limit(limit)).Select(i => AnalyticsViews.ClientRow(report, i)).ToArray();
        return TypedResults.Ok(new AnalyticsClientsResponse(report.Base.AsOf, report.Base.Settings.BaseCurrency, chosen.Length, items));
    }

    private static async Task<Results<ExportFileResult, ValidationProblem, NotFound>> ExportAsync(
        string report, string? format, string? asOf, AbcClass? abc, XyzClass? xyz, RfmSegment? segment, Strategy? strategy, long? channelId, bool? target,
        bool? lossMaking, int? r, int? f, string? cohort, AnalyticsService analytics, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!AnalyticsExports.Reports.Contains(report)) return TypedResults.NotFound();
        if (ParseDay(asOf, out var day) is { } bad) return bad;
        if (ExportResults.ParseFormat(format ?? "xlsx") is not { } fileFormat) return ExportResults.InvalidFormat(format);
        var result = await analytics.ReportAsync(day, ct);
        var selection = new AnalyticsSelection
        {
            Abc = abc, Xyz = xyz, Segment = segment, Strategy = strategy, ChannelId = channelId, Target = target, LossMaking = lossMaking, R = r, F = f, Cohort = cohort,
        };
        var strategies = report == "loss-makers" ? await analytics.StrategiesAsync(day, ct) : null;
        var table = AnalyticsExports.Build(report, result, selection, strategies, l)!;
        return ExportResults.File(table, null, fileFormat, CultureInfo.CurrentCulture, AnalyticsExports.FileName(report), result.Base.AsOf);
    }

    /// <summary>A day given as YYYY-MM-DD between 1990 and 2100; none means today.</summary>
    public static ValidationProblem? ParseDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year is < 1990 or > 2100)
            return ApiConventions.Invalid("asOf", Message.Of("must be a date as YYYY-MM-DD between 1990 and 2100."));
        day = parsed;
        return null;
    }
}
