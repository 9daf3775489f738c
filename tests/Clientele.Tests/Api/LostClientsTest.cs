using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Features.Users;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Api;

/// <summary>What the lost-client tests share: purchases on given days, marking lost, a fresh manager to keep a test's clients apart.</summary>
public abstract class LostClientsTest(AppFixture fixture) : OwnerSettingsTest(fixture)
{
    protected static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    protected async Task BuyAsync(long clientId, DateOnly day, decimal price, decimal unitCost = 0)
    {
        var date = Day(day) + "T10:00:00Z";
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price, unitCost } },
        }), HttpStatusCode.Created);
    }

    protected Task<HttpResponseMessage> MarkAsync(long clientId, object body, string? ifMatch = null) =>
        SendAsync(HttpMethod.Post, $"/api/v1/clients/{clientId}/lost", JsonSerializer.Serialize(body, JsonSerializerOptions.Web), ifMatch);

    protected async Task<long> ManagerIdAsync() =>
        (await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, Unique("Manager "))).Id;
}
