using Clientele.Tests.Infrastructure;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Exports.Control;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Tests.Access;

/// <summary>
/// Reads of client rows and downloads, for every endpoint of the app's own list: an endpoint whose answer holds client
/// ids must declare it (<see cref="ClientRowsRead"/>) and each of its answers is on the audit trail naming exactly those
/// clients; every download passes the export gate (it is recorded), and a download with a client-id column is counted
/// as a client list (limit, canaries, audit of the clients). A new endpoint is covered without touching this test.
/// </summary>
public abstract partial class AccessMatrixTests
{
    /// <summary>
    /// Endpoints that answer one client's own records (its card's parts: losses, lifetime, loyalty path, groups) rather
    /// than a list of clients: not bulk reads, which is what finding 5 of issue 17 asks to audit. Each is 404 for a client
    /// the caller may not see, and the card itself is audited as a view.
    /// </summary>
    private static bool IsOneClientsOwnRecord(string route) =>
        route.StartsWith("/api/v1/clients/{id", StringComparison.Ordinal) && route != "/api/v1/clients/{id:long}";

    /// <summary>
    /// The owner's own reports (the audit trail's "clients seen by", "viewers of", the erasure records): the owner sees
    /// every client by role, is never stopped by the mass-access guard (they lift its stops), and is outside the threat
    /// this audit answers (SECURITY.md: someone holding the owner's account is out of scope).
    /// </summary>
    private static bool IsOwnersOnly(Endpoint e) => Declared(e) is { } roles && roles.SetEquals([EmployeeRole.Owner]);

    /// <summary>Types of the app whose values hold client ids: a property named ClientId or ending so, or the id of a type named for clients.</summary>
    private static bool HoldsClientIds(Type type, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 5 || type == typeof(string)) return false;
        var sequence = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (sequence is not null) return HoldsClientIds(sequence, depth + 1);
        if (type.Assembly != typeof(ClientRowsRead).Assembly && !(type.IsGenericType && type.GetGenericArguments().Any(a => HoldsClientIds(a, depth + 1)))) return false;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        // ClientId, and the ids that name a client in another role (a lead's ReferrerClientId, a referral's, …).
        if (properties.Any(p => p.Name.EndsWith("ClientId", StringComparison.Ordinal) && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(long))) return true;
        if (type.Name.StartsWith("Client", StringComparison.Ordinal) || type.Name.Contains("ClientRow", StringComparison.Ordinal))
            if (properties.Any(p => p.Name == "Id" && p.PropertyType == typeof(long))) return true;
        return properties.Any(p => p.PropertyType != type && HoldsClientIds(p.PropertyType, depth + 1));
    }

    private static Type? OkType(Endpoint e) =>
        e.Metadata.OfType<IProducesResponseTypeMetadata>().FirstOrDefault(m => m.StatusCode == StatusCodes.Status200OK && m.Type is not null && m.Type != typeof(void))?.Type;

    private static bool IsDownload(Endpoint e) =>
        e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status200OK && m.ContentTypes.Contains(XlsxExport.ContentType));

    private List<RouteEndpoint> Gets() =>
        [.. Endpoints().Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal) && Methods(e).Contains("GET"))];

    [Fact]
    public void Every_endpoint_whose_answer_holds_client_ids_declares_its_client_rows()
    {
        var undeclared = Gets()
            .Where(e => !IsOneClientsOwnRecord(Route(e)) && !IsOwnersOnly(e) && OkType(e) is { } type && HoldsClientIds(type) && e.Metadata.GetMetadata<ClientRowsRead>() is null)
            .Select(e => $"GET {Route(e)} ({OkType(e)!.Name})").ToList();
        Assert.True(undeclared.Count == 0, "endpoints answering client rows without AuditsClientRows:\n" + string.Join('\n', undeclared));
        Assert.Contains(Gets(), e => Route(e).TrimEnd('/') == "/api/v1/contact-persons" && e.Metadata.GetMetadata<ClientRowsRead>() is not null);
    }

    [Fact]
    public async Task Every_read_of_client_rows_is_on_the_audit_trail_naming_exactly_the_clients_it_answered()
    {
        var world = await WorldAsync();
        var json = App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var marketer = world.Callers[EmployeeRole.Marketer];
        var marketerId = world.CallerIds[EmployeeRole.Marketer];
        var failures = new List<string>();
        var audited = new List<string>();
        foreach (var endpoint in Gets().Where(e => e.Metadata.GetMetadata<ClientRowsRead>() is not null))
        {
            var declared = endpoint.Metadata.GetMetadata<ClientRowsRead>()!;
            var allowed = Declared(endpoint)!;
            var (caller, callerId) = allowed.Contains(EmployeeRole.Marketer) ? (marketer, marketerId) : (Http, App.OwnerId);
            var (url, _) = Fill(Route(endpoint), world, own: true);
            var before = await App.ReadAsync(db => db.Set<Clientele.Features.Audit.AuditEntry>().MaxAsync(a => (long?)a.Id)) ?? 0;
            using var response = await caller.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var value = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), OkType(endpoint)!, json)!;
            var answered = declared.ClientIds(value)?.ToHashSet() ?? [];
            if (answered.Count == 0) continue;
            var rows = await App.ReadAsync(db => db.Set<AuditEntryClient>().AsNoTracking()
                .Where(c => c.EntryId > before && c.EmployeeId == callerId && (c.Action == AuditAction.ClientsSearched || c.Action == AuditAction.ClientViewed))
                .Select(c => new { c.EntryId, c.ClientId }).ToListAsync());
            var entries = rows.GroupBy(r => r.EntryId).Select(g => g.Select(r => r.ClientId).ToList()).ToList();
            if (!entries.Any(ids => ids.ToHashSet().SetEquals(answered)))
                failures.Add($"GET {url}: answered clients {string.Join(',', answered.Order())}, audited {string.Join(" | ", entries.Select(e => string.Join(',', e.Order())))}");
            else audited.Add(url.TrimEnd('/'));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        ProbeCount.Report("bulk reads audited", GetType().Name, audited.Count);
        // The lists of the issue answered rows here (the world's clients have purchases and contact persons) and were checked.
        foreach (var expected in new[] { "/api/v1/clients", "/api/v1/contact-persons", "/api/v1/analytics/clients" })
            Assert.True(audited.Contains(expected), $"{expected} was not checked with rows: {string.Join(", ", audited)}");
    }

    [Fact]
    public async Task Every_download_passes_the_export_gate_and_one_with_a_client_id_column_is_counted_as_a_client_list()
    {
        var world = await WorldAsync();
        var clientIdHeader = "Client id";
        var failures = new List<string>();
        var downloads = Gets().Where(IsDownload).ToList();
        Assert.True(downloads.Count > 15, $"only {downloads.Count} downloads found");
        var checkedFiles = 0;
        foreach (var endpoint in downloads)
        {
            var (url, _) = Fill(Route(endpoint), world, own: true);
            var ownerOnly = IsOwnersOnly(endpoint);
            var vcard = url.EndsWith(".vcf", StringComparison.Ordinal);
            if (!vcard) url += (url.Contains('?') ? "&" : "?") + "format=xlsx";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("en");
            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            // The owner's audit reports need an employee or client of their own; every other download must answer here.
            if (response.StatusCode != HttpStatusCode.OK && ownerOnly) { checkedFiles++; continue; }
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"GET {url}: {(int)response.StatusCode} {Truncate(System.Text.Encoding.UTF8.GetString(body))}"); continue; }
            var name = (response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "").Trim('"');
            var stem = Path.GetFileNameWithoutExtension(name);
            var exportId = stem[(stem.LastIndexOf('-') + 1)..];
            var record = await App.ReadAsync(db => db.Set<ExportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == exportId));
            if (record is null) { failures.Add($"GET {url}: no export record (the file did not pass the gate)"); continue; }
            if (vcard)
            {
                // Cards of clients: a client list whenever it holds a card.
                if (System.Text.Encoding.UTF8.GetString(body).Contains("BEGIN:VCARD", StringComparison.Ordinal) && record.ClientCount == 0)
                    failures.Add($"GET {url}: cards of clients, but not counted as a client list");
                checkedFiles++;
                continue;
            }
            // The first sheet's header and whether it has a data row: a file of client ids is a client list.
            using var book = Clientele.Tests.Exports.Formats.Workbook.Read(body);
            var header = new List<string>();
            for (var column = 'A'; column <= 'Z'; column++)
            {
                try { header.Add(book.Text(0, column + "1")); }
                catch (InvalidOperationException) { break; }
            }
            var hasRows = header.Count > 0 && Present(() => book.Text(0, "A2"));
            if (header.Contains(clientIdHeader) && hasRows && !ownerOnly && record.ClientCount == 0)
                failures.Add($"GET {url}: a column of client ids, but not counted as a client list (mark it with ClientRows)");
            checkedFiles++;
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(downloads.Count, checkedFiles);
        ProbeCount.Report("downloads through the export gate", GetType().Name, checkedFiles);
    }

    private static bool Present(Func<string> read)
    {
        try { return read().Length > 0; }
        catch (InvalidOperationException) { return false; }
    }
}
