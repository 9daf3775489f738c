using System.Globalization;
using Clientele.Features.Analytics;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Groups;
using Clientele.Features.Identity;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Exports;

/// <summary>
/// Excel/CSV exports of the lists that had none (products, purchases, my tasks, groups and a group's members), with
/// the filters their lists take, each answered through <see cref="ExportResults"/> and so through export control; the
/// lists whose rows name clients (purchases, tasks, a group's members) are marked as client rows, so they are counted,
/// held over the limit, carry canaries and name their clients on the audit trail.
/// Queries go through the context's sets, so the viewer's row-level access applies as on the pages.
/// </summary>
public static class ListExports
{
    public static void MapListExports(this RouteGroupBuilder api)
    {
        const EmployeeRole owner = EmployeeRole.Owner, manager = EmployeeRole.Manager, analyst = EmployeeRole.Analyst;
        api.MapGet("/products/export", ProductsAsync).WithTags("Products").AllowRoles(RoleAccess.Everyone)
            .WithSummary("The product catalogue (?categoryId=) as .xlsx or .csv (?format=).");
        api.MapGet("/purchases/export", PurchasesAsync).WithTags("Purchases").AllowRoles(owner, manager, analyst)
            .WithSummary("Purchases, newest first (?clientId=, ?from=, ?to= dates), as .xlsx or .csv (?format=).");
        api.MapGet("/tasks/mine/export", TasksAsync).WithTags("Tasks").AllowRoles(owner, manager)
            .WithSummary("The caller's open tasks, earliest due first, as .xlsx or .csv (?format=).");
        api.MapGet("/groups/export", GroupsAsync).WithTags("Groups").AllowRoles(RoleAccess.Everyone)
            .WithSummary("Every group with its strategy and member counts as .xlsx or .csv (?format=).");
        api.MapGet("/groups/{id:long}/clients/export", MembersAsync).WithTags("Groups").AllowRoles(RoleAccess.Everyone)
            .WithSummary("A group's members as .xlsx or .csv (?format=): a client list, counted and watermarked by export control.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static ExportColumn Text(IStringLocalizer l, string header) => new(l[header], ExportType.Text);

    private static Results<ExportFileResult, ValidationProblem> File(string? format, ExportTable table, string name, TimeProvider clock) =>
        ExportResults.ParseFormat(format) is { } parsed
            ? ExportResults.File(table, null, parsed, CultureInfo.CurrentCulture, name, Today(clock))
            : ExportResults.InvalidFormat(format);

    private static Results<ExportFileResult, ValidationProblem> ProductsAsync(
        ClienteleDb db, IStringLocalizer<SharedResource> l, IStringLocalizer<ExportsText> x, TimeProvider clock, string? format = null, long? categoryId = null)
    {
        var query = db.Products.AsNoTracking();
        if (categoryId is { } category) query = query.Where(p => p.CategoryId == category);
        var rows = query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Sku, Category = p.Category != null ? p.Category.Name : null, p.ListPrice, p.UnitCost, p.IsActive })
            .AsEnumerable().Select(p => new object?[] { p.Id, p.Name, p.Sku, p.Category, p.ListPrice, p.UnitCost, p.IsActive ? x["Yes"].Value : x["No"].Value });
        var table = new ExportTable(l["Products"],
            [new("Id", ExportType.Integer), Text(l, "Name"), new("SKU", ExportType.Text), Text(l, "Category"), new(l["Price"], ExportType.Money),
             new(l["Unit cost"], ExportType.Money), Text(x, "Active")], rows);
        return File(format, table, "products", clock);
    }

    private static Results<ExportFileResult, ValidationProblem> PurchasesAsync(
        ClienteleDb db, IStringLocalizer<SharedResource> l, TimeProvider clock, string? format = null, long? clientId = null, DateOnly? from = null, DateOnly? to = null)
    {
        if (from > to) return ApiConventions.Invalid("from", Message.Of("must not be after 'to'."));
        var query = db.Purchases.AsNoTracking();
        // The days asked for and the times shown are the company's (ADR 023).
        var days = Company.CompanyDays.Of(db);
        if (clientId is { } client) query = query.Where(p => p.ClientId == client);
        if (from is { } first) { var start = days.StartOf(first); query = query.Where(p => p.Date >= start); }
        if (to is { } last) { var end = days.EndOf(last); query = query.Where(p => p.Date < end); }
        // Streamed: a base's purchases are many more than its clients.
        var rows = query.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Date, p.Number, p.ClientId, Client = p.Client!.Name, p.Total, p.Currency, Manager = p.Manager != null ? p.Manager.DisplayName : null, p.PaidOn })
            // Arrays are built here, not in SQL: PostgreSQL would take object[] for an ARRAY of one type.
            .AsEnumerable().Select(p => new object?[] { p.Id, days.LocalOf(p.Date), p.Number, p.ClientId, p.Client, p.Total, p.Currency, p.Manager, p.PaidOn });
        var table = new ExportTable(l["Purchases"],
            [new("Id", ExportType.Integer), new(l["Date"], ExportType.DateTime), new("№", ExportType.Text), new(l["Client id"], ExportType.Integer), Text(l, "Client"),
             new(l["Total"], ExportType.Money), Text(l, "Currency"), Text(l, "Manager"), new(l["Paid"], ExportType.Date)], rows)
        {
            // Rows of clients: counted by distinct client against the limit, with canaries (a canary's purchase has no id or number of its own).
            Clients = new ClientRows(IdColumn: 3, NameColumn: 4, Count: query.Select(p => p.ClientId).Distinct().CountAsync, BlankColumns: [0, 2]),
        };
        return File(format, table, "purchases", clock);
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> TasksAsync(
        HttpContext http, ClienteleDb db, IStringLocalizer<SharedResource> l, IStringLocalizer<ExportsText> x, TimeProvider clock, CancellationToken ct, string? format = null)
    {
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var tasks = (await TaskQueries.OpenFor(db, CurrentUser.IdOf(http.User)).Select(t => new { t.Id, t.DueAt, t.Title, t.Details, t.ClientId, Client = t.Client!.Name })
            .ToListAsync(ct)).Select(t => new object?[] { t.Id, days.LocalOf(t.DueAt), TaskTexts.Show(t.Title), TaskTexts.ShowOptional(t.Details), t.ClientId, t.Client }).ToList();
        var table = new ExportTable(l["Tasks"],
            [new("Id", ExportType.Integer), new(l["Due"], ExportType.DateTime), Text(l, "Task"), Text(x, "Details"), new(l["Client id"], ExportType.Integer), Text(l, "Client")], tasks)
        {
            Clients = new ClientRows(IdColumn: 4, NameColumn: 5, BlankColumns: [0]),
        };
        return File(format, table, "tasks", clock);
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> GroupsAsync(
        ClienteleDb db, AnalyticsService analytics, IStringLocalizer<SharedResource> l, IStringLocalizer<ExportsText> x, TimeProvider clock, CancellationToken ct, string? format = null)
    {
        var groups = await GroupMembership.ListAsync(db, await analytics.ReportAsync(null, ct), ct);
        var table = new ExportTable(l["Groups"],
            [new("Id", ExportType.Integer), Text(l, "Name"), Text(l, "Strategy"), new(x["Added by hand"], ExportType.Integer), new(x["By rule"], ExportType.Integer),
             new(x["Members"], ExportType.Integer)],
            [.. groups.Select(g => new object?[] { g.Id, g.Name, g.Strategy, g.ByHand, g.ByRule, g.Members })]);
        return File(format, table, "groups", clock);
    }

    private static async Task<Results<ExportFileResult, ValidationProblem, ProblemHttpResult>> MembersAsync(
        long id, ClienteleDb db, AnalyticsService analytics, IStringLocalizer<SharedResource> l, IStringLocalizer<ExportsText> x, TimeProvider clock, CancellationToken ct, string? format = null)
    {
        if (ExportResults.ParseFormat(format) is not { } parsed) return ExportResults.InvalidFormat(format);
        var members = await GroupMembership.MembersAsync(db, await analytics.ReportAsync(null, ct), id, 0, int.MaxValue, ct);
        if (members is null) return ApiConventions.NotFound("Group", id);
        var table = new ExportTable(x["Members"],
            [new(l["Client id"], ExportType.Integer), Text(l, "Name"), Text(x, "Added by hand"), Text(x, "By rule")],
            [.. members.Items.Select(m => new object?[] { m.ClientId, m.Name, m.ByHand ? x["Yes"].Value : null, m.ByRule ? x["Yes"].Value : null })])
        {
            // A client list: counted against the export limit, with canaries among the members.
            Clients = new ClientRows(IdColumn: 0, NameColumn: 1),
        };
        return ExportResults.File(table, null, parsed, CultureInfo.CurrentCulture, $"group-{id}", Today(clock));
    }
}
