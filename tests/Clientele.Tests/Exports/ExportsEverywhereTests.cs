using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Exports.Control;
using Clientele.Tests.Infrastructure;
using static Clientele.Tests.Exports.Control.ExportControlKit;

namespace Clientele.Tests.Exports;

/// <summary>
/// The exports this issue added, through the HTTP API and the export gate. SQLite only: the gate and the writers are
/// the same code on both providers, and the queries are plain EF ones the provider tests of their lists cover.
/// </summary>
public sealed class ExportsEverywhereTests(SqliteApp fixture) : ApiTest(fixture), IClassFixture<SqliteApp>
{
    private ExportControlKit Control => new(App);

    [Fact]
    public async Task Every_added_list_export_answers_a_recorded_file_for_the_owner()
    {
        var client = Id(await CreateClientAsync(Unique("Buyer ")));
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = client, date = "2025-03-01T10:00:00Z", currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 1234.5m } },
        }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/products", new { name = "=HYPERLINK(\"http://evil\")", listPrice = 10.5m }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = "Call back", dueAt = "2030-01-01T09:00:00Z", assigneeId = App.OwnerId }), HttpStatusCode.Created);
        var group = (await GetJsonAsync("/api/v1/groups")).EnumerateArray().First().GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/groups/{group}/members/{client}", null)).StatusCode);

        string[] paths = ["/api/v1/products/export", $"/api/v1/purchases/export?clientId={client}", "/api/v1/tasks/mine/export", "/api/v1/groups/export",
            $"/api/v1/groups/{group}/clients/export"];
        foreach (var path in paths)
        {
            foreach (var format in new[] { "xlsx", "csv" })
            {
                var response = await Http.GetAsync(path + (path.Contains('?') ? "&" : "?") + "format=" + format);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} {format}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                if (format == "csv") Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
                else Assert.Equal("PK"u8.ToArray(), body[..2]);
                var record = await Control.RecordAsync(FileExportId(response));
                Assert.NotNull(record);
                Assert.Equal(format, record.Format);
            }
            await AssertInvalidAsync(await Http.GetAsync(path + (path.Contains('?') ? "&" : "?") + "format=pdf"), "format");
        }

        // German: ';' between fields, a decimal comma, the date as Germans write it.
        var german = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/purchases/export?clientId={client}&format=csv");
        german.Headers.AcceptLanguage.ParseAdd("de");
        var purchases = (await (await Http.SendAsync(german)).Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Contains(";01.03.2025 10:00:00;", purchases[1]);
        Assert.Contains(";1234,50;RUB;", purchases[1]);
        var products = await (await Http.GetAsync("/api/v1/products/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", products);
        var members = await ReadCsvAsync(await Http.GetAsync($"/api/v1/groups/{group}/clients/export?format=csv"));
        // A client list: the member and one canary planted by the gate.
        Assert.Equal(2, members.Rows.Count);
        Assert.Single(await Control.CanariesAsync(members.ExportId));
        await AssertProblemAsync(await Http.GetAsync("/api/v1/groups/999999/clients/export"), HttpStatusCode.NotFound);
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/purchases/export?from=2025-02-01&to=2025-01-01"), "from");
    }

    [Fact]
    public async Task Deals_and_leads_leave_through_the_gate_a_manager_with_their_own_deals_only()
    {
        var mine = await Control.UserAsync(EmployeeRole.Manager, Unique("Deal exporter "));
        var theirs = await Control.UserAsync(EmployeeRole.Manager, Unique("Other exporter "));
        var myClient = Id(await CreateClientAsync(mine.Http, Unique("Deal buyer ")));
        var theirClient = Id(await CreateClientAsync(theirs.Http, Unique("Other buyer ")));
        var myDeal = await JsonAsync(await mine.Http.PostAsJsonAsync("/api/v1/deals", new { clientId = myClient, title = "Export me", value = 1500.25m, currency = "RUB", expectedCloseOn = "2027-02-01" }), HttpStatusCode.Created);
        await JsonAsync(await theirs.Http.PostAsJsonAsync("/api/v1/deals", new { clientId = theirClient, title = "Not yours", value = 9m, currency = "RUB" }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/leads", new { name = Unique("Lead to export "), email = Unique("lead") + "@example.org" }), HttpStatusCode.Created);

        var deals = await ReadCsvAsync(await mine.Http.GetAsync("/api/v1/deals/export?format=csv"));
        // The manager's one deal and the canary the gate planted beside it; the other manager's deal does not leave.
        Assert.Equal(2, deals.Rows.Count);
        Assert.Contains("Export me", deals.Values("Deal"));
        Assert.DoesNotContain("Not yours", deals.Values("Deal"));
        Assert.Contains(Id(myDeal).ToString(System.Globalization.CultureInfo.InvariantCulture), deals.Values("Id"));
        Assert.Single(await Control.CanariesAsync(deals.ExportId));
        var record = await Control.RecordAsync(deals.ExportId);
        Assert.Equal(("/api/v1/deals/export", 1, 1), (record!.Path, record.RowCount, record.ClientCount));

        var german = new HttpRequestMessage(HttpMethod.Get, "/api/v1/leads/export?format=csv&status=Open");
        german.Headers.AcceptLanguage.ParseAdd("de");
        var leads = await ReadCsvAsync(await Http.SendAsync(german));
        Assert.Contains("Offen", leads.Values("Status"));
        Assert.NotNull(await Control.RecordAsync(leads.ExportId));
        Assert.Equal("PK"u8.ToArray(), (await (await Http.GetAsync("/api/v1/deals/export")).Content.ReadAsByteArrayAsync())[..2]);
        // The leads are the owner's and the managers': an analyst reads no contacts of people who are not clients yet.
        var analyst = await Control.UserAsync(EmployeeRole.Analyst, Unique("Analyst "));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Http.GetAsync("/api/v1/leads/export")).StatusCode);
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/deals/export?format=pdf"), "format");
    }

    [Fact]
    public async Task Clients_as_vCard_pass_the_gate_and_read_back_with_their_contacts_and_a_canary()
    {
        var tag = Unique("vcf");
        var company = Id(await CreateClientAsync("ООО «Ёлки; Палки», филиал", new
        {
            kind = "Company", tags = new[] { tag, "VIP, gold" }, phone = "+74951234567", email = "info@elki.example", city = "Москва", region = "Московская обл.",
            country = "RU", website = "https://elki.example", notes = "Первая строка\nвторая строка",
        }));
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = company, name = "Jürgen Müller-Lüdenscheidt", position = "Einkäufer", phones = new[] { "+4917612345678" }, emails = new[] { "j.mueller@example.de" } }),
            HttpStatusCode.Created);
        var person = Id(await CreateClientAsync("Иванов Иван Иванович", new { kind = "Person", tags = new[] { tag }, email = "ivanov@example.ru" }));

        var response = await Http.GetAsync($"/api/v1/clients/export.vcf?tag={Uri.EscapeDataString(tag)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".vcf", FileName(response));
        var cards = VCardText.Parse(await response.Content.ReadAsByteArrayAsync());
        var exportId = FileExportId(response);

        // The company, its contact person, the person, and the canary.
        Assert.Equal(4, cards.Count);
        var org = cards.Single(c => c.One("UID") == Features.Exports.VCardWriter.Uid("client", company));
        Assert.Equal("ООО «Ёлки; Палки», филиал", org.One("FN"));
        Assert.Equal(["ООО «Ёлки; Палки», филиал"], org.Single(p => p.Name == "ORG").Components);
        Assert.Equal("org", org.One("KIND"));
        Assert.Equal("tel:+74951234567", org.One("TEL"));
        Assert.Equal("info@elki.example", org.One("EMAIL"));
        Assert.Equal(["", "", "", "Москва", "Московская обл.", "", "RU"], org.Single(p => p.Name == "ADR").Components);
        Assert.Equal("Первая строка\nвторая строка", org.One("NOTE"));
        Assert.Equal([tag, "VIP, gold"], VCardText.SplitUnescaped(org.Single(p => p.Name == "CATEGORIES").Raw, ',').Select(VCardText.Unescape).Order(StringComparer.Ordinal).OrderBy(t => t != tag));
        var contact = cards.Single(c => c.One("FN") == "Jürgen Müller-Lüdenscheidt");
        Assert.Equal("Einkäufer", contact.One("TITLE"));
        Assert.Equal(["ООО «Ёлки; Палки», филиал"], contact.Single(p => p.Name == "ORG").Components);
        Assert.Equal("tel:+4917612345678", contact.One("TEL"));
        var ivanov = cards.Single(c => c.One("UID") == Features.Exports.VCardWriter.Uid("client", person));
        Assert.Equal(["Иванов", "Иван", "Иванович", "", ""], ivanov.Single(p => p.Name == "N").Components);

        var canary = Assert.Single(await Control.CanariesAsync(exportId));
        var planted = cards.Single(c => c.One("EMAIL") == canary.Email);
        // A canary shows a contact only where the row it stands beside does (ADR 015): beside a row without a phone its
        // card has none either. Which neighbour it gets is drawn at random.
        Assert.Contains(planted.One("TEL"), new[] { "tel:" + canary.Phone, null });
        Assert.Equal(canary.Name, planted.One("FN"));
        Assert.Null(planted.One("NOTE"));
        var record = await Control.RecordAsync(exportId);
        Assert.Equal(("vcard", 2), (record!.Format, record.ClientCount));

        var v3 = VCardText.Parse(await (await Http.GetAsync($"/api/v1/clients/export.vcf?version=3&tag={Uri.EscapeDataString(tag)}")).Content.ReadAsByteArrayAsync());
        Assert.All(v3, c => Assert.Equal("3.0", c.One("VERSION")));
        Assert.All(v3, c => Assert.Contains(c, p => p.Name == "N"));
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/clients/export.vcf?version=5"), "version");
    }

    [Fact]
    public async Task A_manager_over_the_limit_is_held_for_approval_and_an_analyst_gets_no_address_book()
    {
        var manager = await Control.UserAsync(EmployeeRole.Manager, "Max Manager");
        var analyst = await Control.UserAsync(EmployeeRole.Analyst, "Ann Analyst");
        var (tag, _) = await Control.ClientsAsync(manager.Employee.Id, 3);
        await Control.SetThresholdAsync(2);
        try
        {
            var held = await AssertProblemAsync(await manager.Http.GetAsync($"/api/v1/clients/export.vcf?tag={tag}"), HttpStatusCode.Forbidden);
            Assert.Equal("awaitingApproval", held.GetProperty("exportStatus").GetString());
            Assert.Equal(3, held.GetProperty("clients").GetInt32());
            var group = (await GetJsonAsync("/api/v1/groups")).EnumerateArray().First().GetProperty("id").GetInt64();
            foreach (var id in (await GetJsonAsync($"/api/v1/clients?tag={tag}")).GetProperty("items").EnumerateArray().Select(Id))
                Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/groups/{group}/members/{id}", null)).StatusCode);
            var members = await AssertProblemAsync(await manager.Http.GetAsync($"/api/v1/groups/{group}/clients/export?format=csv"), HttpStatusCode.Forbidden);
            Assert.Equal("awaitingApproval", members.GetProperty("exportStatus").GetString());

            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Http.GetAsync($"/api/v1/clients/export.vcf?tag={tag}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Http.PostAsJsonAsync("/api/v1/backup", new { passphrase = "correct horse battery staple" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await manager.Http.PostAsJsonAsync("/api/v1/backup", new { passphrase = "correct horse battery staple" })).StatusCode);
        }
        finally
        {
            await Control.SetThresholdAsync(Features.Exports.Control.ExportSettings.DefaultThreshold);
        }
    }

    private static string FileName(HttpResponseMessage response) =>
        (response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "").Trim('"');
}
