using System.Net;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Access;

/// <summary>Row-level access and field masks through the API: who sees which clients, and which of their fields.</summary>
public abstract class AccessTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(long Id, HttpClient Http)> UserAsync(EmployeeRole role, long? teamLeadId = null)
    {
        var user = await App.AddUserAsync(Unique(role.ToString().ToLowerInvariant()) + "@access.test", role, Unique("User "));
        if (teamLeadId is { } lead)
            await App.ReadAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamLeadId, lead)));
        return (user.Id, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "access")));
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> call) => (await call).StatusCode;

    [Fact]
    public async Task A_manager_sees_own_co_managed_and_team_clients_and_gets_404_for_the_others()
    {
        var (leadId, lead) = await UserAsync(EmployeeRole.Manager);
        var (memberId, _) = await UserAsync(EmployeeRole.Manager, teamLeadId: leadId);
        var (otherId, other) = await UserAsync(EmployeeRole.Manager);
        var prefix = Unique("Vis");
        var own = Id(await CreateClientAsync(prefix + " own", new { managerId = leadId }));
        var coManaged = Id(await CreateClientAsync(prefix + " co", new { managerId = otherId, coManagerIds = new[] { leadId } }));
        var team = Id(await CreateClientAsync(prefix + " team", new { managerId = memberId }));
        var foreign = Id(await CreateClientAsync(prefix + " foreign", new { managerId = otherId }));
        var unassigned = Id(await CreateClientAsync(prefix + " nobody"));

        foreach (var id in new[] { own, coManaged, team })
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(lead.GetAsync($"/api/v1/clients/{id}")));
        foreach (var id in new[] { foreign, unassigned, 999_999_999L })
            await AssertProblemAsync(await lead.GetAsync($"/api/v1/clients/{id}"), HttpStatusCode.NotFound);

        var listed = (await JsonAsync(await lead.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString(prefix)}&limit=50")))
            .GetProperty("items").EnumerateArray().Select(Id).Order().ToArray();
        Assert.Equal(new[] { own, coManaged, team }.Order().ToArray(), listed);

        // The team lead's view is not the member's colleague's: another manager does not see the team's client.
        await AssertProblemAsync(await other.GetAsync($"/api/v1/clients/{team}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(other.GetAsync($"/api/v1/clients/{coManaged}")));
    }

    [Fact]
    public async Task A_manager_cannot_reach_a_foreign_client_through_its_records_and_nothing_changes()
    {
        var (_, manager) = await UserAsync(EmployeeRole.Manager);
        var (otherId, _) = await UserAsync(EmployeeRole.Manager);
        var foreign = Id(await CreateClientAsync(Unique("Foreign "), new { managerId = otherId }));
        var purchase = Id(await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = foreign, date = "2026-01-10T10:00:00Z", currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 500m } },
        }), HttpStatusCode.Created));
        var person = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = foreign, name = "Secret Person" }), HttpStatusCode.Created));
        var before = await App.ReadAsync(db => db.Clients.Where(c => c.Id == foreign).Select(c => new { c.Name, c.Version, c.PurchaseCount }).SingleAsync());

        await AssertProblemAsync(await manager.GetAsync($"/api/v1/purchases/{purchase}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await manager.GetAsync($"/api/v1/contact-persons/{person}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await manager.PatchAsync($"/api/v1/clients/{foreign}", new StringContent("""{"name":"Taken"}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.NotFound);
        await AssertProblemAsync(await manager.DeleteAsync($"/api/v1/clients/{foreign}"), HttpStatusCode.NotFound);
        var purchases = (await JsonAsync(await manager.GetAsync($"/api/v1/purchases?clientId={foreign}"))).GetProperty("items");
        Assert.Equal(0, purchases.GetArrayLength());
        // A purchase booked against a client the manager cannot see is refused like an unknown client.
        var booked = await manager.PostAsync("/api/v1/purchases", JsonContent(new
        {
            clientId = foreign, date = "2026-01-11T10:00:00Z", currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 1m } },
        }));
        await AssertInvalidAsync(booked, "clientId");

        var after = await App.ReadAsync(db => db.Clients.Where(c => c.Id == foreign).Select(c => new { c.Name, c.Version, c.PurchaseCount }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task An_analyst_sees_clients_with_names_and_contacts_masked_and_cannot_write()
    {
        var (_, analyst) = await UserAsync(EmployeeRole.Analyst);
        var name = Unique("Ivanov Ivan ");
        var client = Id(await CreateClientAsync(name, new { kind = "Person", phone = "+79161234567", email = "ivanov@example.ru", notes = "Likes fishing" }));
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = "Petr Petrov", phones = new[] { "+79167654321" }, emails = new[] { "petr@example.ru" } }), HttpStatusCode.Created);

        var seen = await JsonAsync(await analyst.GetAsync($"/api/v1/clients/{client}"));
        Assert.Equal($"Client #{client}", seen.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("notes").ValueKind);

        var row = (await JsonAsync(await analyst.GetAsync($"/api/v1/clients?limit=200"))).GetProperty("items").EnumerateArray().Single(r => Id(r) == client);
        Assert.Equal($"Client #{client}", row.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("phone").ValueKind);

        var person = (await JsonAsync(await analyst.GetAsync($"/api/v1/contact-persons?clientId={client}"))).GetProperty("items")[0];
        Assert.StartsWith("Contact #", person.GetProperty("name").GetString());
        Assert.Equal(0, person.GetProperty("phones").GetArrayLength());
        Assert.Equal(0, person.GetProperty("emails").GetArrayLength());

        var export = await (await analyst.GetAsync($"/api/v1/clients/export?format=csv&q={Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(name.Trim(), export);
        Assert.DoesNotContain("ivanov@example.ru", export);

        await AssertProblemAsync(await analyst.PostAsync("/api/v1/clients", JsonContent(new { name = "New" })), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(analyst.GetAsync("/api/v1/interactions")));
        var stored = await App.ReadAsync(db => db.Clients.Where(c => c.Id == client).Select(c => new { c.Name, c.Phone }).SingleAsync());
        Assert.Equal((name.Trim(), "+79161234567"), (stored.Name, stored.Phone));
    }

    [Fact]
    public async Task A_marketer_sees_contact_data_only_of_consenting_people_and_no_purchases()
    {
        var (_, marketer) = await UserAsync(EmployeeRole.Marketer);
        var client = Id(await CreateClientAsync(Unique("Consent Co "), new { phone = "+79160000001", notes = "internal" }));
        var consenting = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new
        {
            clientId = client, name = "Anna Consent", phones = new[] { "+79160000002" }, emails = new[] { "anna@example.ru" },
            consents = new[] { new { channel = "Email", granted = true, recordedAt = "2026-01-01T00:00:00Z", source = "web form" } },
        }), HttpStatusCode.Created));
        var silent = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = "Boris Silent", emails = new[] { "boris@example.ru" } }), HttpStatusCode.Created));

        var anna = await JsonAsync(await marketer.GetAsync($"/api/v1/contact-persons/{consenting}"));
        Assert.Equal("Anna Consent", anna.GetProperty("name").GetString());
        Assert.Equal("anna@example.ru", anna.GetProperty("emails")[0].GetString());
        Assert.Equal(0, anna.GetProperty("phones").GetArrayLength());
        var boris = await JsonAsync(await marketer.GetAsync($"/api/v1/contact-persons/{silent}"));
        Assert.Equal(0, boris.GetProperty("emails").GetArrayLength());
        var seen = await JsonAsync(await marketer.GetAsync($"/api/v1/clients/{client}"));
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("notes").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("phone").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(marketer.GetAsync("/api/v1/purchases")));
        await AssertProblemAsync(await marketer.PatchAsync($"/api/v1/contact-persons/{silent}", JsonContent(new { name = "X" })), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_managers_analytics_count_only_the_clients_they_may_see()
    {
        var (managerId, manager) = await UserAsync(EmployeeRole.Manager);
        var (otherId, _) = await UserAsync(EmployeeRole.Manager);
        foreach (var (owner, amount) in new[] { (managerId, 100m), (otherId, 900m), (otherId, 50m) })
        {
            var client = Id(await CreateClientAsync(Unique("Buyer "), new { managerId = owner }));
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-ddT10:00:00Z"), currency = "RUB",
                lines = new[] { new { description = "Goods", quantity = 1m, price = amount } },
            }), HttpStatusCode.Created);
        }
        var everything = await GetJsonAsync("/api/v1/analytics/summary");
        var mine = await JsonAsync(await manager.GetAsync("/api/v1/analytics/summary"));
        Assert.Equal(1, mine.GetProperty("clients").GetInt32());
        Assert.True(everything.GetProperty("clients").GetInt32() >= 3);
        // Asked again after the manager, the owner's figures are the owner's (the report cache keeps views apart).
        Assert.Equal(everything.GetProperty("clients").GetInt32(), (await GetJsonAsync("/api/v1/analytics/summary")).GetProperty("clients").GetInt32());
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_user_who_pages_through_far_more_clients_than_usual_is_stopped_from_every_list_until_the_owner_lifts_it()
    {
        var (marketerId, marketer) = await UserAsync(EmployeeRole.Marketer);
        marketer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var before = await App.ReadAsync(db => db.Set<Clientele.Features.Audit.AuditEntry>().MaxAsync(e => (long?)e.Id)) ?? 0;
        var bulk = Unique("Bulk");
        await Clientele.Tests.Audit.AuditKit.AddClientsAsync(App, 260, null, bulk);
        try
        {
            await PageUntilStoppedAsync(marketerId, marketer, before);
        }
        finally
        {
            // The other scenarios of this base list its first 200 clients: these would crowd them out.
            await App.ReadAsync(db => db.Clients.Where(c => c.Name.StartsWith(bulk)).ExecuteDeleteAsync());
        }
    }

    private async Task PageUntilStoppedAsync(long marketerId, HttpClient marketer, long before)
    {

        // A new user (no usual day) pages through the base: more than the 200 distinct clients of the owner's rule.
        var listed = new HashSet<long>();
        string? after = null;
        do
        {
            var page = await JsonAsync(await marketer.GetAsync("/api/v1/clients?limit=100" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after))));
            foreach (var row in page.GetProperty("items").EnumerateArray()) listed.Add(Id(row));
            after = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (after is not null && listed.Count < 200);
        Assert.True(listed.Count >= 200, $"only {listed.Count} clients listed");

        // Stopped now: every list of client rows answers 403 in the user's language, the file exports too; one card stays open.
        foreach (var list in new[] { "/api/v1/clients?limit=10", "/api/v1/contact-persons", "/api/v1/analytics/clients", "/api/v1/analytics/win-back" })
        {
            var problem = await AssertProblemAsync(await marketer.GetAsync(list), HttpStatusCode.Forbidden);
            Assert.Equal("Списки клиентов остановлены; владелец предупреждён.", problem.GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/v1/clients/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync($"/api/v1/clients/{listed.First()}")).StatusCode);
        // The pages were audited as reads naming their clients, and the stop as an alert.
        var audited = await App.ReadAsync(db => db.Set<Clientele.Features.Audit.AuditEntryClient>()
            .Where(c => c.EntryId > before && c.EmployeeId == marketerId && c.Action == Clientele.Features.Audit.AuditAction.ClientsSearched)
            .Select(c => c.ClientId).Distinct().CountAsync());
        Assert.Equal(listed.Count, audited);

        var alert = (await GetJsonAsync("/api/v1/audit/alerts?open=true")).EnumerateArray().Single(a => a.GetProperty("employeeId").GetInt64() == marketerId);
        await JsonAsync(await Http.PostAsync($"/api/v1/audit/alerts/{Id(alert)}/lift", null));
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync("/api/v1/contact-persons")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync("/api/v1/clients?limit=10")).StatusCode);
    }
}

public sealed class AccessTestsOnSqlite(SqliteApp fixture) : AccessTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class AccessTestsOnPostgres(PostgresApp fixture) : AccessTests(fixture), IClassFixture<PostgresApp>;
