using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using static Clientele.Tests.Infrastructure.ApiTest;

namespace Clientele.Tests.Privacy;

/// <summary>What the personal-data scenarios share: people with phones and e-mails, their contacts, purchases and callers of every role.</summary>
public sealed class PrivacyKit(ClienteleApp app)
{
    /// <summary>A Russian mobile number no other test uses.</summary>
    public static string Phone() => "+7916" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    public async Task<HttpClient> CallerAsync(EmployeeRole role)
    {
        var user = await app.AddUserAsync(Unique(role.ToString().ToLowerInvariant()) + "@clientele.test", role, $"{role} tester");
        return app.ClientWithToken(await app.IssueTokenAsync(user.Id, "tests"));
    }

    public async Task<long> PersonAsync(string name, string phone, string email) =>
        Id(await CreateClientAsync(app.Client, name, new { kind = "Person", phone, email, city = "Tver", website = "ivanov.example", notes = "Met at the fair", tags = new[] { "fair" } }));

    public async Task<long> ContactAsync(long clientId, string name, string phone, string email) =>
        Id(await JsonAsync(await app.Client.PostAsJsonAsync("/api/v1/contact-persons", new { clientId, name, phones = new[] { phone }, emails = new[] { email }, messenger = "@" + name.Replace(" ", ""), birthday = "1980-05-17" }),
            HttpStatusCode.Created));

    public async Task BuyAsync(long clientId, decimal amount, int daysAgo = 10)
    {
        var date = DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-ddT10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await JsonAsync(await app.Client.PostAsJsonAsync("/api/v1/purchases", new { clientId, date, currency = "RUB", number = Unique("N"), lines = new[] { new { description = "Goods", quantity = 2m, price = amount / 2 } } }),
            HttpStatusCode.Created);
    }

    public async Task<long> InteractionAsync(long clientId, string text) =>
        Id(await JsonAsync(await app.Client.PostAsJsonAsync("/api/v1/interactions", new { clientId, kind = "Call", direction = "Outbound", outcome = "call back", text }), HttpStatusCode.Created));

    public async Task<JsonElement> GiveAsync(long clientId, object body, HttpClient? as_ = null) =>
        await JsonAsync(await (as_ ?? app.Client).PostAsync($"/api/v1/clients/{clientId}/consents", Json(body)), HttpStatusCode.Created);

    public async Task<List<long>> SearchAsync(string q) =>
        [.. (await JsonAsync(await app.Client.GetAsync("/api/v1/clients?q=" + Uri.EscapeDataString(q)))).GetProperty("items").EnumerateArray().Select(Id)];
}
