using System.Globalization;
using Clientele.Features.Exports.Formats;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Clients;

/// <summary>The clients grid, with the same filters, as an Excel or CSV download.</summary>
public static class ClientsExport
{
    public static RouteGroupBuilder MapClientsExport(this RouteGroupBuilder api)
    {
        api.MapGet("/clients/export", ExportAsync).WithTags("Clients")
            .WithSummary("All clients matching the grid's filters (q, status, managerId, channelId, role, region, tag, hasPurchases, servedThrough) as .xlsx or .csv.");
        return api;
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportAsync(
        ClientQueries queries, ClienteleDb db, IStringLocalizer<SharedResource> l, IStringLocalizer<IdText> idText, TimeProvider clock, CancellationToken ct, string? format = null, string? q = null,
        ClientStatus? status = null, long? managerId = null, long? channelId = null, ClientRole? role = null,
        string? region = null, string? tag = null, bool? hasPurchases = null, long? servedThrough = null)
    {
        if (ExportResults.ParseFormat(format ?? "xlsx") is not { } fileFormat) return ExportResults.InvalidFormat(format);
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var query = await queries.FilteredAsync(new ClientFilter(q, status, managerId, channelId, role, region, tag, hasPurchases, servedThrough), ct);
        // Streamed row by row as the file is written: a million clients never sit in memory at once.
        var rows = ClientQueries.Project(ClientQueries.ByName(query, queries.Access), queries.Access).AsNoTracking().AsEnumerable().Select(c => new object?[]
        {
            c.Id, c.Name, l[$"ClientKind.{c.Kind}"].Value, l[$"ClientRole.{c.Role}"].Value, l[$"ClientStatus.{c.Status}"].Value, c.City, c.Region,
            c.Phone, c.Email, c.TaxId, c.ManagerName, c.ChannelName, c.PurchaseCount,
            c.LastPurchaseAt is { } last ? days.DayOf(last) : null, days.LocalOf(c.CreatedAt), c.Kpp,
        });
        ExportColumn Text(string h) => new(l[h], ExportType.Text);
        var table = new ExportTable(l["Clients"],
        [
            new(l["Client id"], ExportType.Integer), Text("Name"), Text("Type"), Text("Role"), Text("Status"), Text("City"), Text("Region"),
            Text("Phone"), Text("E-mail"), Text("Tax id"), Text("Manager"), Text("Channel"), new(l["Purchases"], ExportType.Integer),
            new(l["Last purchase"], ExportType.Date), new(l["Created"], ExportType.DateTime), new(idText["KPP"], ExportType.Text),
        ], rows)
        {
            Clients = new ClientRows(IdColumn: 0, NameColumn: 1, EmailColumn: 8, PhoneColumn: 7, Count: query.CountAsync, BlankColumns: [9]),
        };
        return ExportResults.File(table, null, fileFormat, CultureInfo.CurrentCulture, "clients", days.Today(clock));
    }
}
