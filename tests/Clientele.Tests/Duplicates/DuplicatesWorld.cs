using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Duplicates;

/// <summary>Two clients with a bit of everything a client can have, made through the API, for the merge tests.</summary>
public abstract class DuplicatesWorld(AppFixture fixture) : ApiTest(fixture)
{
    protected sealed record Pair(long Kept, long Merged, long Referred, long Group, decimal KeptRevenue, decimal MergedRevenue);

    protected async Task BuyAsync(long clientId, decimal price, string date)
    {
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price } },
        }), HttpStatusCode.Created);
    }

    /// <summary>
    /// Kept: one purchase, a tag shared with the merged client, a contact, a task, a consent. Merged: two purchases
    /// (one in the kept client's month), an interaction, a service cost, two tags, a contact, a task, a consent, a group
    /// membership, a client it referred and serves as a dealer (both are dealers), and fields the kept client lacks.
    /// </summary>
    protected async Task<Pair> PairAsync(string name)
    {
        var kept = Id(await CreateClientAsync(name, new { city = "Москва", tags = new[] { "vip" }, role = "Dealer" }));
        var merged = Id(await CreateClientAsync(name + " ООО", new
        {
            city = "Москва", phone = "+7 916 123-45-67", email = Unique("m") + "@example.com", website = "https://example.com",
            industry = "Retail", tags = new[] { "vip", "wholesale" }, notes = "From the old list", role = "Dealer",
        }));
        var referred = Id(await CreateClientAsync(Unique("Referred "), new { referredById = merged, servedThroughId = merged }));
        await BuyAsync(kept, 100m, "2026-03-05T10:00:00Z");
        await BuyAsync(merged, 250m, "2026-03-20T10:00:00Z");
        await BuyAsync(merged, 40m, "2026-05-02T10:00:00Z");
        await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = merged, kind = "Call", occurredAt = "2026-04-02T10:00:00Z", summary = "Called" }),
            HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/service-costs", new { clientId = merged, date = "2026-04-03", amount = 15m, currency = "RUB", category = "Delivery" }),
            HttpStatusCode.Created);
        foreach (var client in new[] { kept, merged })
        {
            await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = "Call back", dueAt = "2026-12-01T10:00:00Z" }), HttpStatusCode.Created);
            var person = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = Unique("Person "), phones = new[] { "+7 495 123-45-67" } }),
                HttpStatusCode.Created));
            await JsonAsync(await PostAsync($"/api/v1/clients/{client}/consents", new { contactPersonId = person, channel = "Email", purpose = "Newsletters", source = "Paper", text = "Yes" }),
                HttpStatusCode.Created);
        }
        var group = Id(await JsonAsync(await PostAsync("/api/v1/groups", new { name = Unique("Merge group ") }), HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/groups/{group}/members/{merged}", null)).StatusCode);
        return new Pair(kept, merged, referred, group, 100m, 290m);
    }

    protected async Task<JsonElement> MergeAsync(long keep, long merge, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? as_ = null) =>
        await JsonAsync(await (as_ ?? Http).PostAsync("/api/v1/duplicates/merge",
            JsonContent(new { keepId = keep, mergeId = merge })), expected);

    protected static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    /// <summary>The snapshot without the merge records, which an undo keeps as history.</summary>
    protected async Task<string> SnapshotAsync()
    {
        var lines = (await DbSnapshot.TakeAsync(App)).Split('\n').ToList();
        var at = lines.IndexOf("ClientMerges");
        Assert.True(at >= 0, "the snapshot should list the merges table");
        var count = int.Parse(lines[at + 1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        // The title, the count, the rows (an empty table leaves one empty line).
        lines.RemoveRange(at, 2 + Math.Max(count, 1));
        return string.Join('\n', lines);
    }
}
