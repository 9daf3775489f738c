using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Conventions;

/// <summary>Every kind of bad input is a 400 problem naming the field, and leaves every table as it was.</summary>
public abstract class BadInputTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Line = """{"description":"Widget","quantity":2,"price":10}""";

    /// <summary>Path, JSON body ({client} and {long} are filled in), the field the problem must name.</summary>
    public static TheoryData<string, string, string> Creates => new()
    {
        { "/api/v1/clients", """{}""", "name" },
        { "/api/v1/clients", """{"name":"   "}""", "name" },
        { "/api/v1/clients", """{"name":"{long}"}""", "name" },
        { "/api/v1/clients", """{"name":"Acme","email":"anna@@example.com"}""", "email" },
        { "/api/v1/clients", """{"name":"Acme","email":"anna@example"}""", "email" },
        { "/api/v1/clients", """{"name":"Acme","phone":"12345"}""", "phone" },
        { "/api/v1/clients", """{"name":"Acme","phone":"call me"}""", "phone" },
        { "/api/v1/clients", """{"name":"Acme","taxId":"7707083894"}""", "taxId" },
        { "/api/v1/clients", """{"name":"Acme","taxId":"500100732258"}""", "taxId" },
        { "/api/v1/clients", """{"name":"Acme","taxId":"77070838"}""", "taxId" },
        { "/api/v1/clients", """{"name":"Acme","taxId":"DE136695977"}""", "taxId" },
        { "/api/v1/clients", """{"name":"Acme","managerId":987654}""", "managerId" },
        { "/api/v1/clients", """{"name":"Acme","coManagerIds":[987654]}""", "coManagerIds" },
        { "/api/v1/clients", """{"name":"Acme","acquisitionCost":-0.01}""", "acquisitionCost" },
        { "/api/v1/clients", """{"name":"Acme","acquisitionChannelId":987654}""", "acquisitionChannelId" },
        { "/api/v1/clients", """{"name":"Acme","referredById":987654}""", "referredById" },
        { "/api/v1/clients", """{"name":"Acme","status":2}""", "lostOn" },
        { "/api/v1/clients", """{"name":"Acme","status":9}""", "status" },
        { "/api/v1/clients", """{"name":"Acme","country":"Deutschland"}""", "country" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[{"description":"W","quantity":-1,"price":10}]}""", "lines[0].quantity" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[{"description":"W","quantity":0,"price":10}]}""", "lines[0].quantity" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[{"description":"W","quantity":1,"price":-10}]}""", "lines[0].price" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","paidOn":"2025-02-28","lines":[LINE]}""", "paidOn" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"XYZ","lines":[LINE]}""", "currency" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","lines":[LINE]}""", "currency" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[]}""", "lines" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB"}""", "lines" },
        { "/api/v1/purchases", """{"clientId":987654,"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[LINE]}""", "clientId" },
        { "/api/v1/purchases", """{"clientId":{client},"currency":"RUB","lines":[LINE]}""", "date" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","discount":-5,"lines":[LINE]}""", "discount" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","discount":21,"lines":[LINE]}""", "discount" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[{"productId":987654,"quantity":1,"price":1}]}""", "lines[0].productId" },
        { "/api/v1/contact-persons", """{"clientId":{client},"name":"Anna","emails":["anna.example.com"]}""", "emails[0]" },
        { "/api/v1/contact-persons", """{"clientId":{client},"name":"Anna","emails":["ok@example.com","bad@"]}""", "emails[1]" },
        { "/api/v1/contact-persons", """{"clientId":{client},"name":"Anna","phones":["+7 916"]}""", "phones[0]" },
        { "/api/v1/contact-persons", """{"clientId":{client},"emails":["anna@example.com"]}""", "name" },
        { "/api/v1/contact-persons", """{"clientId":987654,"name":"Anna"}""", "clientId" },
        { "/api/v1/tasks", """{"clientId":{client},"dueAt":"2030-01-01T09:00:00Z"}""", "title" },
        { "/api/v1/tasks", """{"clientId":{client},"title":"   ","dueAt":"2030-01-01T09:00:00Z"}""", "title" },
        { "/api/v1/tasks", """{"clientId":{client},"title":"Call back"}""", "dueAt" },
        { "/api/v1/tasks", """{"clientId":{client},"title":"Call back","dueAt":"2030-01-01T09:00:00Z","assigneeId":987654}""", "assigneeId" },
        { "/api/v1/interactions", """{"clientId":{client},"kind":0,"occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt" },
        { "/api/v1/service-costs", """{"clientId":{client},"date":"2025-03-01","amount":-1,"currency":"EUR"}""", "amount" },
        { "/api/v1/service-costs", """{"clientId":{client},"date":"2025-03-01","amount":5,"currency":"EURO"}""", "currency" },
        { "/api/v1/products", """{"name":"Widget","listPrice":-1}""", "listPrice" },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task A_bad_create_is_400_naming_the_field_and_changes_nothing(string path, string json, string field)
    {
        var clientId = Id(await CreateClientAsync(Unique("Bad input target ")));
        var body = json.Replace("{client}", clientId.ToString(), StringComparison.Ordinal)
            .Replace("{long}", new string('Я', 301), StringComparison.Ordinal)
            .Replace("LINE", Line, StringComparison.Ordinal);
        var before = await DbSnapshot.TakeAsync(App);

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        // A refused request must not be remembered as the answer to its idempotency key either.
        request.Headers.Add("Idempotency-Key", Unique("bad-"));
        await AssertInvalidAsync(await Http.SendAsync(request), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    public static TheoryData<string, string> ClientUpdates => new()
    {
        { """{"name":""}""", "name" },
        { """{"email":"x@y"}""", "email" },
        { """{"phone":"000"}""", "phone" },
        { """{"taxId":"DE000000000"}""", "taxId" },
        { """{"managerId":987654}""", "managerId" },
        { """{"acquisitionCost":-100}""", "acquisitionCost" },
        { """{"tags":["{long}"]}""", "tags" },
    };

    [Theory]
    [MemberData(nameof(ClientUpdates))]
    public async Task A_bad_patch_or_put_is_400_and_changes_nothing(string patch, string field)
    {
        var client = await CreateClientAsync(Unique("Update target "), new { email = "keep@example.com", phone = "+79161112233", tags = new[] { "t" } });
        var json = patch.Replace("{long}", new string('x', 51), StringComparison.Ordinal);
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{Id(client)}", json, ifMatch: "\"1\""), field);
        var full = System.Text.Json.Nodes.JsonNode.Parse(client.GetRawText())!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject()) full[name] = value?.DeepClone();
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Put, $"/api/v1/clients/{Id(client)}", full.ToJsonString()), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    /// <summary>Until AppHost calls services.AddBadRequestProblems(), such input ends as a 500 (Development) or a bare 400.</summary>

    [Theory]
    [InlineData("/api/v1/clients", """{"name":"Acme","acquisitionCost":"lots"}""", "acquisitionCost")]
    [InlineData("/api/v1/clients", """{"name":"Acme","status":"sleeping"}""", "status")]
    [InlineData("/api/v1/purchases", """{"clientId":1,"currency":"RUB","lines":[{"description":"W","quantity":"two","price":1}]}""", "lines[0].quantity")]
    [InlineData("/api/v1/purchases", """{"clientId":1,"lines":[""", "lines[0]")]
    [InlineData("/api/v1/tasks", """not json""", "body")]
    [InlineData("/api/v1/clients", "", "body")]
    [InlineData("/api/v1/clients", "null", "body")]
    public async Task Unreadable_json_is_400_naming_the_field_and_changes_nothing(string path, string json, string field)
    {
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, path, json), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp fixture) : BadInputTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class BadInputTestsOnPostgres(PostgresApp fixture) : BadInputTests(fixture), IClassFixture<PostgresApp>;
