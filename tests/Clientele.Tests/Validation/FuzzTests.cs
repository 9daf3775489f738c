using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Clientele.Tests.Validation;

/// <summary>
/// Every write endpoint the application maps (found at run time, so new ones are covered without being listed) gets
/// the same seeded set of malformed, oversized, wrong-type and forbidden-character bodies and hostile route values:
/// each must be answered 4xx with a problem detail — never 2xx, never 500 — and leave the database as it was.
/// </summary>
public abstract class FuzzTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly int[] Refusals = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422];

    /// <summary>A body that passes validation, per route, so that one changed field is what gets refused.</summary>
    private static readonly Dictionary<string, string> ValidBodies = new(StringComparer.Ordinal)
    {
        ["/api/v1/clients"] = """{"name":"Fuzz base"}""",
        ["/api/v1/contact-persons"] = """{"clientId":{client},"name":"Anna Fuzz"}""",
        ["/api/v1/products"] = """{"name":"Fuzz widget {unique}"}""",
        ["/api/v1/product-categories"] = """{"name":"Fuzz category {unique}"}""",
        ["/api/v1/channels"] = """{"name":"Fuzz channel {unique}"}""",
        ["/api/v1/churn-reasons"] = """{"name":"Fuzz reason {unique}"}""",
        ["/api/v1/competitors"] = """{"name":"Fuzz rival {unique}"}""",
        ["/api/v1/groups"] = """{"name":"Fuzz group {unique}"}""",
        ["/api/v1/purchases"] = """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[{"description":"Widget","quantity":2,"price":10}]}""",
        ["/api/v1/service-costs"] = """{"clientId":{client},"date":"2025-03-01","amount":5,"currency":"RUB"}""",
        ["/api/v1/interactions"] = """{"clientId":{client},"kind":0,"text":"Called"}""",
        ["/api/v1/tasks"] = """{"clientId":{client},"title":"Call back","dueAt":"2030-01-01T09:00:00Z"}""",
        ["/api/v1/clients/{id:long}/lost"] = """{"comment":"Fuzz"}""",
        ["/api/v1/competitors/{id:long}/merge"] = """{"intoId":{competitor2}}""",
        ["/api/v1/channel-spend/{channelId:long}/{month}"] = """{"amount":100}""",
        ["/api/v1/exchange-rates/{currency}/{validFrom}"] = """{"rate":1.5}""",
        ["/api/v1/clients/{id:long}/handover-note"] = """{"text":"Fuzz note"}""",
        ["/api/v1/deal-contracts"] = """{"dealId":{deal2},"number":"F-1","signedOn":"2025-03-01"}""",
        ["/api/v1/deal-deliveries"] = """{"dealId":{deal},"promisedOn":"2025-04-01"}""",
        ["/api/v1/deal-problems"] = """{"dealId":{deal},"text":"Fuzz problem","raisedOn":"2025-04-01"}""",
    };

    [Fact]
    public async Task Every_write_endpoint_refuses_bad_input_with_a_problem_and_changes_nothing()
    {
        var records = await CreateRecordsAsync();
        var endpoints = WriteEndpoints.Of(App.Services);
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/v1/clients");
        Assert.Contains(endpoints, e => e.ToString() == "POST /account/login");
        var random = new Random(FuzzPayloads.Seed);
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in endpoints)
        {
            var path = endpoint.Path(p => ValidRouteValue(endpoint, p, records));
            var valid = await ValidBodyAsync(endpoint, path, records);
            var before = await DbSnapshot.TakeAsync(App);
            foreach (var payload in PayloadsFor(endpoint, endpoints, valid, random))
            {
                sent++;
                await CheckAsync(endpoint, path, payload, failures);
            }
            foreach (var parameter in endpoint.Pattern.Parameters)
                foreach (var hostile in FuzzPayloads.RouteValues)
                {
                    sent++;
                    var hostilePath = endpoint.Path(p => p == parameter ? hostile : ValidRouteValue(endpoint, p, records));
                    await CheckAsync(endpoint, hostilePath, endpoint.TakesJson ? FuzzPayload.Json($"route {{{parameter.Name}}} = {Show(hostile)}", valid) : null, failures);
                }
            if (await DbSnapshot.TakeAsync(App) != before) failures.Add($"{endpoint}: the database changed under bad input.");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were not refused cleanly:\n" + string.Join('\n', failures));
        ProbeCount.Report("fuzz (bad input to every write endpoint)", GetType().Name, sent);
    }

    private static IEnumerable<FuzzPayload> PayloadsFor(WriteEndpoint endpoint, IReadOnlyList<WriteEndpoint> all, JsonObject valid, Random random)
    {
        if (endpoint.TakesJson)
        {
            // A merge patch is free-form JSON; its fields are those of the PUT on the same route.
            var requestType = endpoint.Method == "PATCH"
                ? all.FirstOrDefault(e => e.Method == "PUT" && e.Route == endpoint.Route)?.RequestType
                : endpoint.RequestType;
            // Long text is checked by the same rules on PUT and PATCH; sent once, through PUT, it keeps the run short.
            var payloads = FuzzPayloads.Generic().Concat(FuzzPayloads.PerField(valid, WriteEndpoints.FieldsOf(requestType), random, withLongText: endpoint.Method != "PATCH"));
            return endpoint.ToString() == "POST /api/v1/clients" ? payloads.Append(FuzzPayloads.TenMegabyteBody()) : payloads;
        }
        if (endpoint.TakesForm) return FormPayloads();
        // No body is read here, so a body is only checked against the size limit.
        return [FuzzPayloads.JustOverLimit()];
    }

    private static IEnumerable<FuzzPayload> FormPayloads()
    {
        const string form = "application/x-www-form-urlencoded";
        foreach (var bad in FuzzPayloads.ForbiddenCharacters)
            yield return new FuzzPayload($"form email with U+{(int)bad[0]:X4}", Encoding.UTF8.GetBytes("email=" + Uri.EscapeDataString("owner" + bad + "@clientele.test") + "&password=x"), form);
        yield return new FuzzPayload($"form email of {FuzzPayloads.LongText} characters", Encoding.UTF8.GetBytes("email=" + new string('a', FuzzPayloads.LongText) + "&password=x"), form);
        yield return new FuzzPayload("form with SQL in the password", Encoding.UTF8.GetBytes("email=owner%40clientele.test&password=" + Uri.EscapeDataString("' OR '1'='1")), form);
        yield return new FuzzPayload("a 10 MB form", FuzzPayloads.TenMegabyteBody().Body, form);
        yield return new FuzzPayload("a 2 MB form without Content-Length", Encoding.UTF8.GetBytes("email=" + new string('a', 2 * 1024 * 1024)), form, Sized: false);
        yield return new FuzzPayload("multipart garbage", "--x\r\nContent-Disposition: form-data\r\n\r\n"u8.ToArray(), "multipart/form-data; boundary=x");
        yield return FuzzPayload.Json("JSON instead of a form", "{\"email\":\"owner@clientele.test\"}");
    }

    private async Task CheckAsync(WriteEndpoint endpoint, string path, FuzzPayload? payload, List<string> failures)
    {
        using var request = new HttpRequestMessage(endpoint.HttpMethod, path) { Content = payload?.Content() };
        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            failures.Add($"{endpoint} {Show(path)} with {payload}: no answer ({e.Message})");
            return;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            // A failed sign-in is a redirect back to the form, the right answer to a bad form.
            var ok = Refusals.Contains(status) ? type == "application/problem+json" : endpoint.TakesForm && status is 302 or 303;
            if (ok) return;
            var text = await response.Content.ReadAsStringAsync();
            failures.Add($"{endpoint} {Show(path)} with {payload}: {status} {type} {Show(text[..Math.Min(text.Length, 300)])}");
        }
    }

    private static string Show(string text) => text.Length > 120 ? text[..60] + $"…({text.Length} chars)" : JsonEncodedText.Encode(text).ToString();

    private sealed record Records(long Client, long Group, long Competitor, long Competitor2, long Reason, long Channel, Dictionary<string, long> BySegment)
    {
        /// <summary>A deal of the client with a contract (its deliveries and problems), and one without.</summary>
        public long Deal { get; init; }
        public long Deal2 { get; init; }
    }

    private async Task<Records> CreateRecordsAsync()
    {
        var client = Id(await CreateClientAsync(Unique("Fuzz target ")));
        async Task<long> PostAsync(string path, string json) =>
            Id(await JsonAsync(await SendJsonAsync(HttpMethod.Post, path, json.Replace("{client}", client.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)), HttpStatusCode.Created));
        var group = await PostAsync("/api/v1/groups", $$"""{"name":"{{Unique("Fuzz group ")}}"}""");
        var competitor = await PostAsync("/api/v1/competitors", $$"""{"name":"{{Unique("Rival ")}}"}""");
        var competitor2 = await PostAsync("/api/v1/competitors", $$"""{"name":"{{Unique("Rival ")}}"}""");
        var reason = await PostAsync("/api/v1/churn-reasons", $$"""{"name":"{{Unique("Reason ")}}"}""");
        var channel = await PostAsync("/api/v1/channels", $$"""{"name":"{{Unique("Channel ")}}"}""");
        var bySegment = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["clients"] = client, ["groups"] = group, ["competitors"] = competitor, ["churn-reasons"] = reason, ["channels"] = channel,
            ["products"] = await PostAsync("/api/v1/products", $$"""{"name":"{{Unique("Widget ")}}"}"""),
            ["product-categories"] = await PostAsync("/api/v1/product-categories", $$"""{"name":"{{Unique("Category ")}}"}"""),
        };
        foreach (var segment in new[] { "purchases", "contact-persons", "service-costs", "interactions", "tasks" })
            bySegment[segment] = await PostAsync("/api/v1/" + segment, ValidBodies["/api/v1/" + segment]);
        var deal = await PostAsync("/api/v1/deals", """{"clientId":{client},"title":"Fuzz deal","value":10,"currency":"RUB"}""");
        var deal2 = await PostAsync("/api/v1/deals", """{"clientId":{client},"title":"Fuzz deal 2","value":10,"currency":"RUB"}""");
        bySegment["deal-contracts"] = await PostAsync("/api/v1/deal-contracts", ValidBodies["/api/v1/deal-contracts"].Replace("{deal2}", Text(deal), StringComparison.Ordinal));
        foreach (var segment in new[] { "deal-deliveries", "deal-problems" })
            bySegment[segment] = await PostAsync("/api/v1/" + segment, ValidBodies["/api/v1/" + segment].Replace("{deal}", Text(deal), StringComparison.Ordinal));
        return new Records(client, group, competitor, competitor2, reason, channel, bySegment) { Deal = deal, Deal2 = deal2 };
    }

    private static string ValidRouteValue(WriteEndpoint endpoint, RoutePatternParameterPart parameter, Records records) => parameter.Name switch
    {
        "clientId" => Text(records.Client),
        "channelId" => Text(records.Channel),
        "month" => "2025-01",
        "currency" => "EUR",
        "validFrom" => "2025-01-01",
        "id" => Text(endpoint.SegmentBefore(parameter) is { } segment && records.BySegment.TryGetValue(segment, out var id) ? id : records.Client),
        "name" => "fuzz-no-such-thing",
        _ => "1",
    };

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The valid body of the route, else what a GET of the same URL returns, else an empty object.</summary>
    private async Task<JsonObject> ValidBodyAsync(WriteEndpoint endpoint, string path, Records records)
    {
        if (ValidBodies.TryGetValue(endpoint.Route, out var json))
            return JsonNode.Parse(json.Replace("{client}", Text(records.Client), StringComparison.Ordinal)
                .Replace("{competitor2}", Text(records.Competitor2), StringComparison.Ordinal)
                .Replace("{deal}", Text(records.Deal), StringComparison.Ordinal).Replace("{deal2}", Text(records.Deal2), StringComparison.Ordinal)
                .Replace("{unique}", Unique(""), StringComparison.Ordinal))!.AsObject();
        if (endpoint.TakesJson && endpoint.Method != "POST")
        {
            using var current = await Http.GetAsync(path);
            if (current.IsSuccessStatusCode && JsonNode.Parse(await current.Content.ReadAsStringAsync()) is JsonObject found) return found;
        }
        return [];
    }
}

public sealed class FuzzTestsOnSqlite(SqliteApp fixture) : FuzzTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class FuzzTestsOnPostgres(PostgresApp fixture) : FuzzTests(fixture), IClassFixture<PostgresApp>;
