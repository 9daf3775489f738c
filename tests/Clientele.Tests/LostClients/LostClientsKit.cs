using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.LostClients;

/// <summary>What the lost-client scenarios share: purchases on given days, marking lost, a fresh manager to keep a test's clients apart.</summary>
public sealed class LostClientsKit(ClienteleApp app)
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task BuyAsync(long clientId, DateOnly day, decimal price, decimal unitCost = 0)
    {
        var date = Day(day) + "T10:00:00Z";
        await ApiTest.JsonAsync(await app.Client.PostAsJsonAsync("/api/v1/purchases", new
        {
            clientId, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price, unitCost } },
        }), HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> MarkAsync(long clientId, object body, string? ifMatch = null) =>
        ApiTest.SendAsync(app.Client, HttpMethod.Post, $"/api/v1/clients/{clientId}/lost", JsonSerializer.Serialize(body, JsonSerializerOptions.Web), ifMatch);

    public async Task<long> ManagerIdAsync() =>
        (await app.AddUserAsync(ApiTest.Unique("m") + "@clientele.test", EmployeeRole.Manager, ApiTest.Unique("Manager "))).Id;
}
