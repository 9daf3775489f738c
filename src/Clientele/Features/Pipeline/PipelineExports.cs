using System.Globalization;
using Clientele.Features.Exports.Formats;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Pipeline;

/// <summary>
/// Deals and leads to Excel or CSV, through <see cref="ExportResults"/> and so through export control and its audit.
/// Deals are a client's rows: counted against the owner's limit, with canaries, naming their clients on the audit
/// trail; the reader's row filter decides which deals leave, as on the board. Leads are not clients (a lead's id is no
/// client's, so it must not stand in the audit's client ids): their file is admitted, watermarked and recorded by the
/// gate like any report, for the owner and the managers only (the leads' own roles).
/// </summary>
public static class PipelineExports
{
    public static void MapDealsExport(this RouteGroupBuilder api) =>
        api.MapGet("/deals/export", DealsAsync).WithTags("Pipeline").WithName("ExportDeals")
            .WithSummary("The deals the caller sees (?stageId=, ?managerId=, ?intermediaryId=), newest first, as .xlsx or .csv (?format=).");

    public static void MapLeadsExport(this RouteGroupBuilder api) =>
        api.MapGet("/leads/export", LeadsAsync).WithTags("Pipeline").WithName("ExportLeads")
            .WithSummary("The leads (?status=), newest first, as .xlsx or .csv (?format=).");

    private static ExportColumn Text(IStringLocalizer t, string header) => new(t[header], ExportType.Text);

    private static async Task<Results<ExportFileResult, ValidationProblem>> DealsAsync(
        ClienteleDb db, IStringLocalizer<SharedResource> l, IStringLocalizer<PipelineText> t, IStringLocalizer<Partners.PartnersText> p, CancellationToken ct,
        string? format = null, long? stageId = null, long? managerId = null, long? intermediaryId = null)
    {
        if (ExportResults.ParseFormat(format) is not { } parsed) return ExportResults.InvalidFormat(format);
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var query = db.Deals.AsNoTracking();
        if (stageId is { } stage) query = query.Where(d => d.StageId == stage);
        if (managerId is { } manager) query = query.Where(d => d.ManagerId == manager);
        if (intermediaryId is { } intermediary) query = query.Where(d => d.IntermediaryId == intermediary);
        var hidden = p["an intermediary you do not manage"].Value;
        var rows = query.OrderByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Title, d.ClientId, Client = d.Client!.Name, Stage = d.Stage!.Name, d.Stage.Probability, d.Value, d.Currency, d.ExpectedCloseOn,
                Manager = d.Manager != null ? d.Manager.DisplayName : null, d.StageEnteredAt, d.LostReason, d.PurchaseId, d.CreatedAt,
                d.IntermediaryId, Intermediary = d.Intermediary != null ? d.Intermediary.Name : null,
            })
            // Arrays are built here, not in SQL (PostgreSQL would want one type for an ARRAY); stage names in the reader's language.
            .AsEnumerable().Select(d => new object?[]
            {
                d.Id, d.Title, d.ClientId, d.Client, PipelineStage.Show(d.Stage), d.Probability / 100m, d.Value, d.Currency, d.ExpectedCloseOn, d.Manager,
                days.LocalOf(d.StageEnteredAt), d.LostReason, d.PurchaseId, days.LocalOf(d.CreatedAt),
                DealIntermediary.Shown(db.Access, d.IntermediaryId, d.Intermediary, hidden),
            });
        var table = new ExportTable(t["Deals"],
            [new("Id", ExportType.Integer), Text(t, "Deal"), new(l["Client id"], ExportType.Integer), Text(t, "Client"), Text(t, "Stage"),
             new(t["Probability"], ExportType.Percent), new(t["Value"], ExportType.Money), Text(t, "Currency"), new(t["Expected close"], ExportType.Date),
             Text(t, "Manager"), new(t["At the stage since"], ExportType.DateTime), Text(t, "Why was it lost?"), new(t["Purchase"], ExportType.Integer),
             new(t["Created"], ExportType.DateTime), Text(t, "Intermediary")], rows)
        {
            // A canary's deal has no id or purchase of its own.
            Clients = new ClientRows(IdColumn: 2, NameColumn: 3, Count: query.Select(d => d.ClientId).Distinct().CountAsync, BlankColumns: [0, 12, 14]),
        };
        return ExportResults.File(table, null, parsed, CultureInfo.CurrentCulture, "deals", days.Today(db.UtcNow));
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> LeadsAsync(
        ClienteleDb db, IStringLocalizer<PipelineText> t, CancellationToken ct, string? format = null, LeadStatus? status = null)
    {
        if (ExportResults.ParseFormat(format) is not { } parsed) return ExportResults.InvalidFormat(format);
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var query = db.Leads.AsNoTracking();
        if (status is { } chosen) query = query.Where(x => x.Status == chosen);
        var rows = query.OrderByDescending(x => x.Id)
            .Select(x => new
            {
                x.Id, x.Name, x.Company, x.Phone, x.Email, x.Source, x.Status, x.ReferrerClientId,
                Referrer = x.ReferrerClient != null ? x.ReferrerClient.Name : null, x.ConvertedClientId, x.CreatedAt,
            })
            .AsEnumerable().Select(x => new object?[]
            {
                x.Id, x.Name, x.Company, x.Phone, x.Email, t["LeadSource." + x.Source].Value, t["LeadStatus." + x.Status].Value, x.Referrer, x.ConvertedClientId, days.LocalOf(x.CreatedAt),
            });
        var table = new ExportTable(t["Leads"],
            [new("Id", ExportType.Integer), Text(t, "Lead"), Text(t, "Company"), Text(t, "Phone"), Text(t, "E-mail"), Text(t, "Source"), Text(t, "Status"),
             Text(t, "Referred by"), new(t["Client"], ExportType.Integer), new(t["Created"], ExportType.DateTime)], rows);
        return ExportResults.File(table, null, parsed, CultureInfo.CurrentCulture, "leads", days.Today(db.UtcNow));
    }
}
