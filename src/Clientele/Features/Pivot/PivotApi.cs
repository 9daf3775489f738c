using System.Globalization;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Pivot;
using Clientele.Features.Analytics;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Pivot;

public sealed record PivotResponse(string Measure, string From, string To, string[] Rows, string[] Columns, string[][] RowKeys, string[][] ColumnKeys,
    decimal?[][] Cells, decimal[] RowTotals, decimal[] ColumnTotals, decimal GrandTotal, string Currency);

/// <summary>The pivot over clients and purchases, as JSON and as a download (the facts on one sheet, the pivot on another).</summary>
public static class PivotApi
{
    public const int MaxDimensionsPerAxis = 3;

    public static RouteGroupBuilder MapPivot(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pivot").WithTags("Pivot");
        group.MapGet("", async Task<Results<Ok<PivotResponse>, ValidationProblem>> (
            string? rows, string? columns, string? measure, string? from, string? to, AnalyticsService analytics, ClienteleDb db, CancellationToken ct) =>
        {
            var (query, errors) = Parse(rows, columns, measure, from, to, analytics.Today);
            if (errors.Any) return ApiConventions.Invalid(errors);
            var report = await analytics.ReportAsync(null, ct);
            var pivot = PivotTable.Compute(await PivotFacts.LoadAsync(db, report, query!, ct), Axis(query!, query!.Rows), Axis(query!, query!.Columns), query!.Measure);
            return TypedResults.Ok(ToResponse(pivot, query!, report.Base.Settings.BaseCurrency));
        }).WithSummary("A pivot: rows and columns from manager, channel, segment, abc, group, region, role, category, month, quarter, year; one measure.");
        group.MapGet("/export", async Task<Results<ExportFileResult, ValidationProblem>> (
            string? rows, string? columns, string? measure, string? from, string? to, string? format,
            AnalyticsService analytics, ClienteleDb db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (query, errors) = Parse(rows, columns, measure, from, to, analytics.Today);
            var fileFormat = ExportResults.ParseFormat(format ?? "xlsx");
            if (fileFormat is null) return ExportResults.InvalidFormat(format);
            if (errors.Any) return ApiConventions.Invalid(errors);
            var report = await analytics.ReportAsync(null, ct);
            var facts = await PivotFacts.LoadAsync(db, report, query!, ct);
            var pivot = PivotTable.Compute(facts, Axis(query!, query!.Rows), Axis(query!, query!.Columns), query!.Measure);
            var (data, sheet) = PivotExportTables.Build(facts, pivot, query!, l);
            // The facts sheet is a row per client and month: a client list with money in it. A role refused the purchases
            // (the marketer) gets the pivot only, the aggregate it may see on the page; the others get the facts through
            // export control like any client list (limit, approval, canaries, audit of the clients).
            return fileFormat == ExportFormat.Csv || !MaySeeClientFacts(db.Access)
                ? ExportResults.File(sheet, null, fileFormat.Value, CultureInfo.CurrentCulture, "pivot", analytics.Today)
                : ExportResults.File(data, sheet, fileFormat.Value, CultureInfo.CurrentCulture, "pivot", analytics.Today);
        }).WithSummary("The same pivot as .xlsx (facts per client and month + pivot sheet; the pivot only for roles that may not see purchases) or .csv (the pivot), headers in the user's language.");
        return api;
    }

    /// <summary>Figures per client come from purchases: only the roles that may read purchases get them row by row (ADR 007).</summary>
    public static bool MaySeeClientFacts(Access.AccessScope access) => access.Role is EmployeeRole.Owner or EmployeeRole.Manager or EmployeeRole.Analyst;

    /// <summary>Positions of an axis' dimensions among the facts' keys.</summary>
    public static int[] Axis(PivotQuery query, PivotDimension[] axis) => [.. axis.Select(d => Array.IndexOf(query.Dimensions, d))];

    public static (PivotQuery? Query, Errors Errors) Parse(string? rows, string? columns, string? measure, string? from, string? to, DateOnly today)
    {
        var e = new Errors();
        var rowDims = Dimensions(e, "rows", rows ?? "manager");
        var columnDims = Dimensions(e, "columns", columns ?? "quarter");
        if (rowDims.Intersect(columnDims).Any()) e.Add("columns", Message.Of("a dimension cannot be on both rows and columns."));
        PivotMeasure chosen = PivotMeasure.Revenue;
        if (measure is not null && !Enum.TryParse(measure, ignoreCase: true, out chosen) || !Enum.IsDefined(chosen))
            e.Add("measure", Message.Of("must be one of: {0}.", string.Join(", ", Enum.GetNames<PivotMeasure>().Select(n => n.ToLowerInvariant()))));
        var todayMonth = MonthIndex.Of(today);
        var fromMonth = Month(e, "from", from) ?? todayMonth - 11;
        var toMonth = Month(e, "to", to) ?? todayMonth;
        if (!e.Has("from") && !e.Has("to"))
        {
            if (fromMonth > toMonth) e.Add("from", Message.Of("must not be after 'to'."));
            else if (fromMonth <= todayMonth - AnalyticsBase.HistoryMonths) e.Add("from", Message.Of("the pivot covers the last {0} months at most.", AnalyticsBase.HistoryMonths - 1));
            else if (toMonth > todayMonth) e.Add("to", Message.Of("must not be after this month."));
        }
        return e.Any ? (null, e) : (new PivotQuery(rowDims, columnDims, chosen, fromMonth, toMonth), e);
    }

    private static PivotDimension[] Dimensions(Errors e, string field, string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<PivotDimension>();
        foreach (var name in names)
        {
            if (Enum.TryParse<PivotDimension>(name, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(name, out _)) result.Add(d);
            else e.Add(field, Message.Of("'{0}' is not a dimension; use: {1}.", name, string.Join(", ", Enum.GetNames<PivotDimension>().Select(n => n.ToLowerInvariant()))));
        }
        if (result.Count > MaxDimensionsPerAxis) e.Add(field, Message.Of("at most {0} dimensions.", MaxDimensionsPerAxis));
        if (result.Distinct().Count() != result.Count) e.Add(field, Message.Of("a dimension is named twice."));
        return [.. result.Distinct()];
    }

    private static int? Month(Errors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1990 and <= 2100)
            return MonthIndex.Of(day);
        e.Add(field, Message.Of("must be a month as YYYY-MM."));
        return null;
    }

    private static PivotResponse ToResponse(PivotResult p, PivotQuery q, string currency)
    {
        var cells = new decimal?[p.RowKeys.Length][];
        for (var r = 0; r < p.RowKeys.Length; r++)
        {
            cells[r] = new decimal?[p.ColumnKeys.Length];
            for (var c = 0; c < p.ColumnKeys.Length; c++) cells[r][c] = p.FactCounts[r, c] == 0 ? null : p.Cells[r, c];
        }
        string Lower(PivotDimension d) => d.ToString().ToLowerInvariant();
        return new PivotResponse(q.Measure.ToString().ToLowerInvariant(), MonthIndex.Label(q.FromMonth), MonthIndex.Label(q.ToMonth),
            [.. q.Rows.Select(Lower)], [.. q.Columns.Select(Lower)], p.RowKeys, p.ColumnKeys, cells, p.RowTotals, p.ColumnTotals, p.GrandTotal, currency);
    }
}
