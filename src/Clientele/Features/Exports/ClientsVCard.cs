using System.Globalization;
using Clientele.Features.Clients;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports;

/// <summary>GET /api/v1/clients/export.vcf: the clients grid, with the same filters, as an address book.</summary>
public static class ClientsVCard
{
    private const int Page = 500;

    public static void MapClientsVCard(this RouteGroupBuilder api, params Identity.EmployeeRole[] roles) =>
        api.MapGet("/clients/export.vcf", ExportAsync).WithTags("Clients").AllowRoles(roles)
            .WithSummary("Clients matching the grid's filters (q, status, managerId, channelId, role, region, tag, hasPurchases) as vCard 4.0 (?version=3 for 3.0): "
                + "a company with a card per contact person, a person as a person. Through export control, like every export.");

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportAsync(
        ClientQueries queries, ClienteleDb db, TimeProvider clock, CancellationToken ct, string? version = null, string? q = null,
        ClientStatus? status = null, long? managerId = null, long? channelId = null, ClientRole? role = null,
        string? region = null, string? tag = null, bool? hasPurchases = null)
    {
        ExportFormat? format = version?.Trim() switch
        {
            null or "" or "4" or "4.0" => ExportFormat.VCard,
            "3" or "3.0" => ExportFormat.VCard3,
            _ => null,
        };
        if (format is null) return ApiConventions.Invalid("version", Message.Of("must be 4 or 3 (was '{0}').", version));
        var query = await queries.FilteredAsync(new ClientFilter(q, status, managerId, channelId, role, region, tag, hasPurchases), ct);
        var table = new ExportTable("Clients", ClientCards.Columns, Rows(query, db))
        {
            Clients = new ClientRows(ClientCards.Id, ClientCards.Name, ClientCards.Email, ClientCards.Phone, query.CountAsync, ClientCards.CanaryBlanks),
        };
        return ExportResults.File(table, null, format.Value, CultureInfo.CurrentCulture, "clients", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Pages of clients by id (keyset, so each page is one index range however far into the base), each with its
    /// contact persons in one more query: streamed while the file is written, never the whole base in memory.
    /// Fields the viewer's role may not see are masked in the query, as in the grid (projections bypass entity masks).
    /// </summary>
    private static IEnumerable<object?[]> Rows(IQueryable<Client> query, ClienteleDb db)
    {
        bool names = db.Access.MasksNames, contacts = db.Access.MasksContacts;
        var prefix = Access.FieldMasks.MaskedClientPrefix;
        long last = 0;
        while (true)
        {
            var from = last;
            var page = query.Where(c => c.Id > from).OrderBy(c => c.Id).Take(Page).Select(c => new
            {
                c.Id, Name = names ? prefix + c.Id.ToString() : c.Name, c.Kind, Phone = contacts ? null : c.Phone, Email = contacts ? null : c.Email,
                c.City, c.Region, c.Country, c.Website, c.Notes, c.LegalName, Tags = c.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
            }).ToList();
            if (page.Count == 0) yield break;
            var ids = page.Select(c => c.Id).ToList();
            var persons = names ? [] : db.ContactPersons.AsNoTracking().Where(p => ids.Contains(p.ClientId)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.ClientId, p.Name, p.Position, p.Phones, p.Emails }).ToList();
            var byClient = persons.ToLookup(p => p.ClientId, p => new ContactCard(p.Id, p.Name, p.Position, contacts ? [] : p.Phones, contacts ? [] : p.Emails));
            foreach (var c in page)
                yield return [c.Id, c.Name, c.Kind.ToString(), c.Phone, c.Email, c.City, c.Region, c.Country, c.Website, c.Notes, c.Tags, byClient[c.Id].ToList(), c.LegalName];
            last = page[^1].Id;
        }
    }
}
