using System.Net;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Privacy.PrivacyKit;

namespace Clientele.Tests.Privacy;

/// <summary>Right of access (JSON and a printable page) and right to erasure (anonymisation that keeps the revenue history).</summary>
public abstract class ErasureTests(AppFixture fixture) : ApiTest(fixture)
{
    private PrivacyKit Privacy => new(App);

    private static object Erase(string reason = "The person asked to be forgotten", string? requestReference = "REQ-1", bool? includeCompanyData = null) =>
        new { reason, requestReference, includeCompanyData };

    [Fact]
    public async Task The_access_export_holds_everything_stored_about_the_person()
    {
        var name = Unique("Irina Export ");
        var client = await Privacy.PersonAsync(name, Phone(), Unique("irina") + "@mail.example");
        var contact = await Privacy.ContactAsync(client, Unique("Pavel "), Phone(), Unique("pavel") + "@mail.example");
        await Privacy.BuyAsync(client, 1234.50m);
        await Privacy.InteractionAsync(client, "Asked about the spring range");
        await Privacy.GiveAsync(client, new { channel = "Post", purpose = "Profiling", source = "Paper", text = "You may analyse my purchases." });

        var export = await GetJsonAsync($"/api/v1/clients/{client}/personal-data?format=json");

        Assert.Equal(name, export.GetProperty("client").GetProperty("name").GetString());
        Assert.Equal(contact, Id(export.GetProperty("contactPersons").EnumerateArray().Single()));
        var purchase = export.GetProperty("purchases").EnumerateArray().Single();
        Assert.Equal(1234.50m, purchase.GetProperty("total").GetDecimal());
        Assert.Equal("Goods", purchase.GetProperty("lines")[0].GetProperty("description").GetString());
        Assert.Equal("Asked about the spring range", export.GetProperty("interactions")[0].GetProperty("text").GetString());
        Assert.Equal("You may analyse my purchases.", export.GetProperty("consents")[0].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Array, export.GetProperty("tasks").ValueKind);
        Assert.Equal(JsonValueKind.Array, export.GetProperty("serviceCosts").ValueKind);
        Assert.Equal(JsonValueKind.Array, export.GetProperty("erasures").ValueKind);
        // The default format is JSON too.
        Assert.Equal(name, (await GetJsonAsync($"/api/v1/clients/{client}/personal-data")).GetProperty("client").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_printable_page_is_self_contained_translated_and_encodes_every_value()
    {
        var client = Id(await CreateClientAsync("<script>alert('x')</script> & Sons", new { kind = "Person", notes = "<img src=x onerror=alert(1)>" }));
        await Privacy.ContactAsync(client, "Eve <b>bold</b>", Phone(), Unique("eve") + "@mail.example");

        var response = await Http.GetAsync($"/api/v1/clients/{client}/personal-data?format=html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons", html, StringComparison.Ordinal);
        Assert.Contains("Eve &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>Contact persons (1)</h2>", html, StringComparison.Ordinal);

        var russian = await (await Http.GetAsync($"/api/v1/clients/{client}/personal-data?format=html&culture=ru")).Content.ReadAsStringAsync();
        Assert.Contains("<h2>Контактные лица (1)</h2>", russian, StringComparison.Ordinal);
        var german = await (await Http.GetAsync($"/api/v1/clients/{client}/personal-data?format=html&culture=de")).Content.ReadAsStringAsync();
        Assert.Contains("<h2>Ansprechpartner (1)</h2>", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_removes_the_personal_data_keeps_the_revenue_and_writes_the_record()
    {
        var (name, phone, email) = (Unique("Sergey Erasable "), Phone(), Unique("sergey") + "@mail.example");
        var client = await Privacy.PersonAsync(name, phone, email);
        var (contactName, contactPhone, contactEmail) = (Unique("Olga Helper "), Phone(), Unique("olga") + "@mail.example");
        var contact = await Privacy.ContactAsync(client, contactName, contactPhone, contactEmail);
        await Privacy.BuyAsync(client, 5000m);
        await Privacy.BuyAsync(client, 700m, daysAgo: 40);
        var interaction = await Privacy.InteractionAsync(client, "Lives at Lenina 5, wife Maria");
        var consent = await Privacy.GiveAsync(client, new { contactPersonId = contact, channel = "Sms", purpose = "Marketing", source = "Call", text = "SMS offers" });
        Assert.Equal([client], await Privacy.SearchAsync(name));
        Assert.Equal([client], await Privacy.SearchAsync(contactPhone));
        var summaryBefore = await GetJsonAsync("/api/v1/analytics/summary");

        var record = await JsonAsync(await PostAsync($"/api/v1/clients/{client}/erase", Erase()));

        Assert.Equal(("Request", "The person asked to be forgotten", "REQ-1", App.OwnerId), (record.GetProperty("trigger").GetString(),
            record.GetProperty("reason").GetString(), record.GetProperty("requestReference").GetString(), record.GetProperty("erasedById").GetInt64()));
        var fields = record.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains("client.name", fields);
        Assert.Contains("client.phone", fields);
        Assert.Contains(fields, f => f.StartsWith("contactPersons[1]", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.StartsWith("interactions[1]", StringComparison.Ordinal));

        var erased = await GetJsonAsync($"/api/v1/clients/{client}");
        Assert.Equal($"Erased client #{client}", erased.GetProperty("name").GetString());
        foreach (var field in new[] { "phone", "email", "website", "city", "notes", "legalName", "taxId" })
            Assert.Equal(JsonValueKind.Null, erased.GetProperty(field).ValueKind);
        Assert.Empty(erased.GetProperty("tags").EnumerateArray());
        var person = await GetJsonAsync($"/api/v1/contact-persons/{contact}");
        Assert.Equal($"Erased contact #{contact}", person.GetProperty("name").GetString());
        Assert.Empty(person.GetProperty("phones").EnumerateArray());
        Assert.Empty(person.GetProperty("emails").EnumerateArray());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (person.GetProperty("messenger").ValueKind, person.GetProperty("birthday").ValueKind));
        var call = await GetJsonAsync($"/api/v1/interactions/{interaction}");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (call.GetProperty("text").ValueKind, call.GetProperty("outcome").ValueKind));
        var consents = await GetJsonAsync($"/api/v1/clients/{client}/consents");
        Assert.Equal("Erasure", consents.GetProperty("history").EnumerateArray().Single(c => Id(c) == Id(consent)).GetProperty("withdrawalSource").GetString());

        foreach (var q in new[] { name, name.Split(' ')[1], phone, email, contactName, contactPhone, contactEmail })
            Assert.Empty(await Privacy.SearchAsync(q));
        var purchases = await GetJsonAsync($"/api/v1/purchases?clientId={client}");
        Assert.Equal(2, purchases.GetProperty("items").GetArrayLength());
        var summaryAfter = await GetJsonAsync("/api/v1/analytics/summary");
        Assert.Equal(summaryBefore.GetProperty("totals").GetRawText(), summaryAfter.GetProperty("totals").GetRawText());
        Assert.Equal((summaryBefore.GetProperty("clients").GetInt32(), summaryBefore.GetProperty("buyers").GetInt32()),
            (summaryAfter.GetProperty("clients").GetInt32(), summaryAfter.GetProperty("buyers").GetInt32()));

        var stored = await App.ReadAsync(db => db.Set<ErasureRecord>().AsNoTracking().SingleAsync(r => r.ClientId == client));
        Assert.Equal((ErasureTrigger.Request, App.OwnerId), (stored.Trigger, stored.ErasedById));
        Assert.Contains((await GetJsonAsync("/api/v1/privacy/erasures")).EnumerateArray(), r => r.GetProperty("clientId").GetInt64() == client);
    }

    [Fact]
    public async Task A_second_erasure_is_409_an_unknown_client_404_a_manager_403_and_none_changes_anything()
    {
        var client = await Privacy.PersonAsync(Unique("Twice "), Phone(), Unique("twice") + "@mail.example");
        var other = await Privacy.PersonAsync(Unique("Untouched "), Phone(), Unique("untouched") + "@mail.example");
        await JsonAsync(await PostAsync($"/api/v1/clients/{client}/erase", Erase()));
        var manager = await Privacy.CallerAsync(EmployeeRole.Manager);
        var marketer = await Privacy.CallerAsync(EmployeeRole.Marketer);
        var before = await DbSnapshot.TakeAsync(App);

        await AssertProblemAsync(await PostAsync($"/api/v1/clients/{client}/erase", Erase()), HttpStatusCode.Conflict);
        await AssertProblemAsync(await PostAsync("/api/v1/clients/987654/erase", Erase()), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.GetAsync("/api/v1/clients/987654/personal-data"), HttpStatusCode.NotFound);
        await AssertInvalidAsync(await PostAsync($"/api/v1/clients/{other}/erase", new { requestReference = "REQ-2" }), "reason");
        await AssertInvalidAsync(await PostAsync($"/api/v1/clients/{other}/erase", Erase(requestReference: new string('x', 101))), "requestReference");
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/clients/{other}/personal-data?format=pdfx"), "format");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/clients/{other}/erase", Json(Erase()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync($"/api/v1/clients/{other}/personal-data")).StatusCode);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_company_keeps_its_name_unless_asked_while_its_contact_persons_are_erased()
    {
        var companyName = Unique("Stroy Holding ");
        var company = Id(await CreateClientAsync(companyName, new { kind = "Company", phone = Phone(), legalName = companyName + " LLC" }));
        var contactName = Unique("Dmitry Buyer ");
        var contact = await Privacy.ContactAsync(company, contactName, Phone(), Unique("dmitry") + "@mail.example");

        var record = await JsonAsync(await PostAsync($"/api/v1/clients/{company}/erase", Erase("Contact person left and asked")));

        Assert.False(record.GetProperty("includedCompanyData").GetBoolean());
        var after = await GetJsonAsync($"/api/v1/clients/{company}");
        Assert.Equal((companyName, companyName + " LLC"), (after.GetProperty("name").GetString(), after.GetProperty("legalName").GetString()));
        Assert.Equal([company], await Privacy.SearchAsync(companyName));
        Assert.Empty(await Privacy.SearchAsync(contactName));
        Assert.Equal($"Erased contact #{contact}", (await GetJsonAsync($"/api/v1/contact-persons/{contact}")).GetProperty("name").GetString());

        var whole = Id(await CreateClientAsync(Unique("Whole Firm "), new { kind = "Company" }));
        Assert.True((await JsonAsync(await PostAsync($"/api/v1/clients/{whole}/erase", Erase(includeCompanyData: true)))).GetProperty("includedCompanyData").GetBoolean());
        Assert.Equal($"Erased client #{whole}", (await GetJsonAsync($"/api/v1/clients/{whole}")).GetProperty("name").GetString());
    }
}

public sealed class ErasureTestsOnSqlite(SqliteApp fixture) : ErasureTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class ErasureTestsOnPostgres(PostgresApp fixture) : ErasureTests(fixture), IClassFixture<PostgresApp>;
