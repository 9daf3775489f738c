using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Access;
using Clientele.Features.Duplicates;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Duplicates;

/// <summary>
/// Duplicates caught at the door (issue 20): a create that repeats the tax id, phone or e-mail of a client the caller
/// can see is a 409 naming that client, in the caller's language, with nothing written; ?allowDuplicate=true creates it
/// anyway; a client the caller cannot see is neither named nor in the way; a field the reader sees masked is not asked
/// about. On both providers.
/// </summary>
public abstract class DoorTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_repeated_tax_id_phone_or_email_is_a_409_naming_the_client_in_the_callers_language_and_nothing_is_written()
    {
        var name = Unique("ООО Дверь ");
        var email = Unique("door") + "@example.ru";
        var existing = Id(await CreateClientAsync(name, new { taxId = "7707083893", phone = "+7 916 555-20-20", email }));
        var before = await DbSnapshot.TakeAsync(App);

        // Each value written another way than it is stored: the door reads it by the rule the save uses.
        var repeats = new (string Field, object Body)[]
        {
            ("taxId", new { name = Unique("Second "), taxId = "7707083893" }),
            ("phone", new { name = Unique("Second "), phone = "8 (916) 555-20-20" }),
            ("email", new { name = Unique("Second "), email = " " + email.ToUpperInvariant() }),
        };
        foreach (var (field, body) in repeats)
        {
            var problem = await AssertProblemAsync(await PostInAsync("de", "/api/v1/clients", body), HttpStatusCode.Conflict);
            Assert.Equal(existing, problem.GetProperty("existingId").GetInt64());
            Assert.Equal($"/api/v1/clients/{existing}", problem.GetProperty("existingUrl").GetString());
            Assert.Equal(field, problem.GetProperty("field").GetString());
            Assert.Contains($"existiert bereits: {name} (ID {existing})", problem.GetProperty("title").GetString());
            Assert.Contains($"/clients/{existing}", problem.GetProperty("detail").GetString());
        }
        var russian = await AssertProblemAsync(await PostInAsync("ru", "/api/v1/clients", repeats[1].Body), HttpStatusCode.Conflict);
        Assert.Equal($"Клиент с таким телефоном уже есть: {name} (id {existing}).", russian.GetProperty("title").GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task An_intended_repeat_is_created_with_allowDuplicate()
    {
        var phone = "+7 916 555-30-30";
        var first = Id(await CreateClientAsync(Unique("Branch one "), new { phone }));
        await AssertProblemAsync(await PostInAsync("en", "/api/v1/clients", new { name = Unique("Branch two "), phone }), HttpStatusCode.Conflict);

        var second = await JsonAsync(await PostInAsync("en", "/api/v1/clients?allowDuplicate=true", new { name = Unique("Branch two "), phone }), HttpStatusCode.Created);

        Assert.NotEqual(first, Id(second));
        Assert.Equal("+79165553030", second.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_client_the_caller_cannot_see_is_not_revealed_and_does_not_stop_the_create()
    {
        var phone = "+7 916 555-40-40";
        var hiddenName = Unique("Someone else's ");
        var theirs = await ManagerAsync();
        await CreateClientAsync(theirs, hiddenName, new { phone, taxId = "500100732259", kind = "Person" });
        var mine = await ManagerAsync();

        var created = await JsonAsync(await SendAsync(mine, HttpMethod.Post, "/api/v1/clients",
            $$"""{"name":"Mine","phone":"{{phone}}","taxId":"500100732259","kind":"Person"}"""), HttpStatusCode.Created);

        Assert.DoesNotContain(hiddenName, created.GetRawText());
        // The owner sees both managers' clients: for them the same values are a repeat.
        await AssertProblemAsync(await PostInAsync("en", "/api/v1/clients", new { name = Unique("Owner's "), phone }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_field_the_reader_sees_masked_cannot_be_probed_through_the_lookup()
    {
        var (phone, email) = ("+7 916 555-50-50", Unique("masked") + "@example.ru");
        var company = Id(await CreateClientAsync(Unique("Company "), new { taxId = "7736207543", phone, email }));
        await CreateClientAsync(Unique("Person "), new { kind = "Person", taxId = "500100732259" });
        var marketer = await App.AddUserAsync(Unique("mk") + "@door.test", EmployeeRole.Marketer, "Mia Marketer");
        var analyst = await App.AddUserAsync(Unique("an") + "@door.test", EmployeeRole.Analyst, "Alex Analyst");

        var (marketerSees, analystSees, ownerSees) = await App.ReadAsync(async db =>
        {
            var owner = await ClientRepeats.FindTypedAsync(db, "500100732259", null, "8 916 555-50-50", email, "RU", default);
            db.Access = AccessScope.ForEmployee(marketer.Id, EmployeeRole.Marketer);
            var byMarketer = new[]
            {
                await ClientRepeats.FindTypedAsync(db, null, null, "8 916 555-50-50", null, "RU", default),
                await ClientRepeats.FindTypedAsync(db, null, null, null, email, "RU", default),
                await ClientRepeats.FindTypedAsync(db, "500100732259", null, null, null, "RU", default),
            };
            var companyByMarketer = await ClientRepeats.FindTypedAsync(db, "7736207543", null, null, null, "RU", default);
            db.Access = AccessScope.ForEmployee(analyst.Id, EmployeeRole.Analyst);
            var byAnalyst = await ClientRepeats.FindTypedAsync(db, "7736207543", null, phone, email, "RU", default);
            return (byMarketer.Append(companyByMarketer).ToArray(), byAnalyst, owner);
        });

        // The owner sees everything: the person's tax id is the first question asked.
        Assert.Equal(RepeatedField.TaxId, ownerSees?.Field);
        // A marketer sees no client's own phone or e-mail and no person's tax id; a company's tax id is everyone's.
        Assert.All(marketerSees[..3], Assert.Null);
        Assert.Equal(company, marketerSees[3]?.ClientId);
        // An analyst is told the company by number only.
        Assert.Equal((company, $"Client #{company}", RepeatedField.TaxId), (analystSees!.ClientId, analystSees.ClientName, analystSees.Field));
    }

    private Task<HttpResponseMessage> PostInAsync(string culture, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return Http.SendAsync(request);
    }
}

public sealed class DoorTestsOnSqlite(SqliteApp fixture) : DoorTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class DoorTestsOnPostgres(PostgresApp fixture) : DoorTests(fixture), IClassFixture<PostgresApp>;
