using System.Globalization;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Exports.Formats;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Partners;

/// <summary>The partner report and its file; the roles are the group's in <c>AppHost</c> (the money figures' roles: owner, manager, analyst).</summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartners(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/partners", ReportAsync).WithTags("Analytics").WithName("PartnerReport")
            .WithSummary("What each intermediary (dealer, distributor, agent, partner) brings over company months from..to (yyyy-MM, at most 12; default "
                + "the last six up to this one): clients served through it (active, lost, buying in the period), their revenue and contribution and "
                + "shares of the base's, and its own purchases apart; most revenue first. Intermediaries serving none of the caller's clients are counted (idleIntermediaries), not listed. A manager counts their own clients only; intermediaries "
                + "they do not see are one row without name or id.")
            .AuditsClientRows(value => value is PartnersResponse report ? PartnerReport.ClientIdsOf(report) : null);
        api.MapGet("/analytics/partners/export", ExportAsync).WithTags("Analytics").WithName("ExportPartnerReport")
            .WithSummary("The partner report as .xlsx (default) or .csv (?format=), same period, through the export gate.");
        return api;
    }

    private static async Task<Results<Ok<PartnersResponse>, ValidationProblem>> ReportAsync(
        PartnerReport partners, AnalyticsService analytics, CancellationToken ct, string? from = null, string? to = null) =>
        PartnerReport.Period(from, to, analytics.Today, out var problem) is { } period
            ? TypedResults.Ok(await partners.ComputeAsync(period.From, period.To, ct))
            : ApiConventions.Invalid(from is null ? "to" : "from", problem!);

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportAsync(
        PartnerReport partners, AnalyticsService analytics, IStringLocalizer<PartnersText> t, IStringLocalizer<SharedResource> l, CancellationToken ct,
        string? format = null, string? from = null, string? to = null)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        if (PartnerReport.Period(from, to, analytics.Today, out var problem) is not { } period) return ApiConventions.Invalid(from is null ? "to" : "from", problem!);
        var report = await partners.ComputeAsync(period.From, period.To, ct);
        return ExportResults.File(Table(report, t, l), null, fileFormat, CultureInfo.CurrentCulture, "partners", analytics.Today);
    }

    /// <summary>
    /// The report as a file of sums, one row per intermediary: an aggregate report for the gate (watermarked and recorded),
    /// not a client list — its rows are what clients brought through a partner, not the clients themselves.
    /// </summary>
    public static ExportTable Table(PartnersResponse r, IStringLocalizer<PartnersText> t, IStringLocalizer<SharedResource> l) =>
        new(t["Partners"],
            [new(t["Intermediary"], ExportType.Text), new(t["Role"], ExportType.Text), new(t["Clients served"], ExportType.Integer),
             new(t["Active"], ExportType.Integer), new(t["Lost"], ExportType.Integer), new(t["Bought in the period"], ExportType.Integer),
             new($"{t["Their revenue"]}, {r.Currency}", ExportType.Money), new($"{t["Their contribution"]}, {r.Currency}", ExportType.Money),
             new(t["Share of revenue"], ExportType.Percent), new(t["Share of contribution"], ExportType.Percent),
             new($"{t["Own purchases"]}, {r.Currency}", ExportType.Money), new($"{t["Own contribution"]}, {r.Currency}", ExportType.Money)],
            r.Rows.Select(x => new object?[]
            {
                x.Name, x.Role is { } role ? l[$"ClientRole.{role}"].Value : null, x.Clients, x.Active, x.Lost, x.Buying, x.Revenue, x.Contribution,
                x.RevenueShare, x.ContributionShare, x.OwnRevenue, x.OwnContribution,
            }));
}
