using System.Net;
using System.Text.Json;
using Clientele.Features.Access;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Duplicates;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Tests.Imports.Engine;
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

    /// <summary>A Russian mobile number no other test uses.</summary>
    private static string NewPhone() => "+7916" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long[]> SearchAsync(HttpClient as_, string q) =>
        [.. (await JsonAsync(await as_.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString(q)}&limit=500"))).GetProperty("items").EnumerateArray().Select(Id)];

    /// <summary>The grid's page and count as <paramref name="role"/> <paramref name="userId"/> gets them.</summary>
    private Task<(List<ClientRow> Rows, int Total)> GridAsync(long userId, EmployeeRole role, ClientFilter filter, ClientSort sort = ClientSort.Name) =>
        GridAsync(AccessScope.ForEmployee(userId, role), filter, sort);

    private Task<(List<ClientRow> Rows, int Total)> GridAsync(AccessScope scope, ClientFilter filter, ClientSort sort = ClientSort.Name) =>
        App.ReadAsync(db =>
        {
            db.Access = scope;
            return new ClientQueries(db, new CompanySettingsReader(db)).PageAsync(filter, sort, false, 0, 50, default);
        });

    [Fact]
    public async Task An_analyst_cannot_recover_a_masked_phone_email_or_name_by_searching_for_it()
    {
        var (analystId, analyst) = await UserAsync(EmployeeRole.Analyst);
        var word = Unique("Hidden");
        var (phone, email) = (NewPhone(), Unique("info") + "@example.de");
        var (contactPhone, contactEmail) = (NewPhone(), Unique("boss") + "@example.de");
        var person = Id(await CreateClientAsync($"{word} Person", new { kind = "Person", phone, email, taxId = "500100732259" }));
        var company = Id(await CreateClientAsync($"{word} Handel", new { taxId = "DE 136 695 976" }));
        var contactName = Unique("Kontakt");
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = company, name = contactName, phones = new[] { contactPhone }, emails = new[] { contactEmail } }), HttpStatusCode.Created);

        // The probe of issue 17: a prefix of a phone or e-mail, growing a character at a time, found the one client.
        string[] probes =
        [
            phone, phone[..9], phone.TrimStart('+')[..8], "8" + phone[2..10], email, email[..email.IndexOf('@')], email[..(email.IndexOf('@') + 1)],
            contactPhone[..10], contactEmail, contactEmail[..6], word, contactName, "500100732259", "5001007",
        ];
        foreach (var probe in probes)
        {
            var found = await SearchAsync(analyst, probe);
            Assert.True(!found.Contains(person) && !found.Contains(company), $"'{probe}' found a client by a field the analyst sees masked");
            Assert.Equal(0, (await GridAsync(analystId, EmployeeRole.Analyst, new ClientFilter(Q: probe))).Total);
        }
        var export = await (await analyst.GetAsync($"/api/v1/clients/export?format=csv&q={Uri.EscapeDataString(phone)}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"Client #{person}", export);

        // A company's tax id is on the analyst's screen, so it stays searchable; the owner still finds everything.
        Assert.Contains(company, await SearchAsync(analyst, "DE136695976"));
        foreach (var probe in probes.Where(p => p is not ("500100732259" or "5001007")))
            Assert.NotEmpty((await SearchAsync(Http, probe)).Intersect([person, company]));
    }

    [Fact]
    public async Task A_marketer_finds_a_contact_by_phone_or_email_only_where_the_person_consented()
    {
        var (marketerId, marketer) = await UserAsync(EmployeeRole.Marketer);
        var word = Unique("Audience");
        var (ownPhone, ownEmail) = (NewPhone(), Unique("office") + "@example.ru");
        var client = Id(await CreateClientAsync($"{word} Co", new { phone = ownPhone, email = ownEmail, kind = "Person", taxId = "500100732259" }));
        var (annaPhone, annaEmail) = (NewPhone(), Unique("anna") + "@example.ru");
        var (borisPhone, borisEmail) = (NewPhone(), Unique("boris") + "@example.ru");
        var refusedEmail = Unique("vera") + "@example.ru";
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new
        {
            clientId = client, name = "Anna Consent", phones = new[] { annaPhone }, emails = new[] { annaEmail },
            consents = new[]
            {
                new { channel = "Email", granted = true, recordedAt = "2026-01-01T00:00:00Z", source = "web form" },
                new { channel = "Sms", granted = true, recordedAt = "2026-01-01T00:00:00Z", source = "web form" },
            },
        }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = "Boris Silent", phones = new[] { borisPhone }, emails = new[] { borisEmail } }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new
        {
            clientId = client, name = "Vera Refused", emails = new[] { refusedEmail },
            consents = new[] { new { channel = "Email", granted = false, recordedAt = "2026-01-01T00:00:00Z", source = "call" } },
        }), HttpStatusCode.Created);

        foreach (var visible in new[] { word, annaEmail, annaEmail[..8], annaPhone, annaPhone[..10], "Anna" })
            Assert.Contains(client, await SearchAsync(marketer, visible));
        foreach (var hidden in new[] { borisEmail, borisEmail[..8], borisPhone, borisPhone[..10], refusedEmail, refusedEmail[..7], ownPhone, ownPhone[..10], ownEmail, "500100732259" })
        {
            Assert.True(!(await SearchAsync(marketer, hidden)).Contains(client), $"'{hidden}' found the client by a contact the marketer sees masked");
            Assert.Equal(0, (await GridAsync(marketerId, EmployeeRole.Marketer, new ClientFilter(Q: hidden))).Total);
        }
    }

    [Fact]
    public async Task Sorting_by_name_follows_what_the_reader_sees_so_an_analyst_learns_no_hidden_name_order()
    {
        var (analystId, _) = await UserAsync(EmployeeRole.Analyst);
        var region = Unique("Sortland");
        var zeta = Id(await CreateClientAsync("Zeta " + region, new { region, city = "Kazan" }));
        var alpha = Id(await CreateClientAsync("Alpha " + region, new { region, city = "Kazan" }));
        var filter = new ClientFilter(Region: region);

        Assert.Equal([alpha, zeta], (await GridAsync(AccessScope.System, filter)).Rows.Select(r => r.Id));
        Assert.Equal([zeta, alpha], (await GridAsync(analystId, EmployeeRole.Analyst, filter)).Rows.Select(r => r.Id));
        Assert.Equal([zeta, alpha], (await GridAsync(analystId, EmployeeRole.Analyst, filter, ClientSort.City)).Rows.Select(r => r.Id));
        var export = await (await App.ClientWithToken(await App.IssueTokenAsync(analystId, "sort")).GetAsync($"/api/v1/clients/export?format=csv&region={region}"))
            .Content.ReadAsStringAsync();
        Assert.True(export.IndexOf($"Client #{zeta}", StringComparison.Ordinal) < export.IndexOf($"Client #{alpha}", StringComparison.Ordinal), export);
    }

    [Fact]
    public async Task A_managers_import_reads_a_foreign_clients_email_as_a_new_client_and_the_owner_gets_the_pair()
    {
        var (meId, _) = await UserAsync(EmployeeRole.Manager);
        var (otherId, _) = await UserAsync(EmployeeRole.Manager);
        var u = Unique("");
        var (taken, fresh) = (Unique("taken") + "@example.ru", Unique("fresh") + "@example.ru");
        var theirs = Id(await CreateClientAsync($"Theirs {u}", new { email = taken, managerId = otherId }));
        var job = await ImportKit.CreateJobAsync(App, ImportKit.WriteCsv("name;email", $"Probe {u};{taken}", $"Control {u};{fresh}"));

        var (report, done) = await ImportKit.WithDbAsync(App, async db =>
        {
            db.Access = AccessScope.ForEmployee(meId, EmployeeRole.Manager);
            var dryRun = await ImportJobs.DryRunAsync(db, job.Id, null, CancellationToken.None);
            return (dryRun, await ImportJobs.RunAsync(db, job.Id, null, CancellationToken.None));
        });

        // The e-mail someone else holds and the unknown one read alike: nothing says the first exists.
        Assert.Equal((2L, 0L, 0L, 0L), (report.Create, report.Reject, report.Review, report.Update));
        Assert.True(report.Rows.Select(r => (r.Action, r.Reason, r.Field, r.ClientId)).Distinct().Count() <= 1, string.Join("; ", report.Rows));
        Assert.Equal((2L, 0L), (done.RowsCreated, done.RowsRejected));
        var (theirName, pair, managersView) = await App.ReadAsync(async db =>
        {
            var pairs = await db.Set<DuplicateCandidate>().Where(d => d.ImportJobId == job.Id).ToListAsync();
            db.Access = AccessScope.ForEmployee(meId, EmployeeRole.Manager);
            return (await db.Clients.IgnoreQueryFilters().Where(c => c.Id == theirs).Select(c => c.Name).SingleAsync(), Assert.Single(pairs),
                await DuplicateQueries.Visible(db, new DuplicateFilter(Status: null)).CountAsync(d => d.ImportJobId == job.Id));
        });
        Assert.Equal($"Theirs {u}", theirName);
        Assert.Equal((theirs, DuplicateReason.Email, DuplicateSource.Import), (pair.ClientId, pair.Reason, pair.Source));
        Assert.Equal(0, managersView);
    }

    [Fact]
    public async Task A_managers_duplicate_scan_and_review_say_nothing_of_a_client_they_may_not_see()
    {
        var (meId, me) = await UserAsync(EmployeeRole.Manager);
        var (otherId, _) = await UserAsync(EmployeeRole.Manager);
        var phone = NewPhone();
        var mine = Id(await CreateClientAsync(Unique("Mine "), new { phone, managerId = meId }));
        var theirs = Id(await CreateClientAsync(Unique("Theirs "), new { phone, managerId = otherId }));

        var scan = await JsonAsync(await me.PostAsync("/api/v1/duplicates/scan", null));
        Assert.Equal((0, 0), (scan.GetProperty("exactPairs").GetInt32(), scan.GetProperty("open").GetInt32()));
        // The owner's scan pairs them; the manager's review still shows nothing of the other side.
        await JsonAsync(await Http.PostAsync("/api/v1/duplicates/scan", null));
        static bool Pairs(JsonElement list, long a, long b) => list.GetProperty("items").EnumerateArray().Any(p =>
            new[] { Id(p.GetProperty("left")), Id(p.GetProperty("right")) }.Order().SequenceEqual(new[] { a, b }.Order()));
        Assert.True(Pairs(await GetJsonAsync("/api/v1/duplicates?status=all&limit=500"), mine, theirs));
        var review = await JsonAsync(await me.GetAsync("/api/v1/duplicates?status=all&limit=500"));
        Assert.DoesNotContain(review.GetProperty("items").EnumerateArray(), p => Id(p.GetProperty("left")) == theirs || Id(p.GetProperty("right")) == theirs);
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
