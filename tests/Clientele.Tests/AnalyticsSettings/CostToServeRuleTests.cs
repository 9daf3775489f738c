using System.Net;
using Clientele.Data;
using Clientele.Features.Analytics;
using Clientele.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.AnalyticsSettings;

/// <summary>The company-wide cost to serve (ADR 019): set by the owner, carried by every client that bought, in its economics.</summary>
public abstract class CostToServeRuleTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Path = "/api/v1/analytics/settings";

    private static string Settings(decimal perMonth, decimal share) =>
        $$"""{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"costToServePerActiveMonth":{{perMonth}},"costToServeShareOfRevenue":{{share}}}""";

    private async Task<Clientele.Analytics.Economics.ClientFigures?> LifetimeAsync(long clientId)
    {
        await using var scope = App.Services.CreateSystemScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClienteleDb>();
        var economics = await ClientEconomics.LoadAsync(db, new AnalyticsService(db, services.GetRequiredService<AnalyticsCache>(), services.GetRequiredService<TimeProvider>()), clientId);
        return economics?.Lifetime;
    }

    [Fact]
    public async Task The_rule_adds_its_amount_per_month_with_a_purchase_and_its_share_of_revenue_to_the_cost_to_serve()
    {
        var buyer = Id(await CreateClientAsync(Unique("Often ")));
        var prospect = Id(await CreateClientAsync(Unique("Not yet ")));
        foreach (var (date, price, cost) in new[] { ("2025-03-05T10:00:00Z", 1000m, 600m), ("2025-03-20T10:00:00Z", 500m, 300m), ("2025-04-10T10:00:00Z", 1500m, 1000m) })
            await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = buyer, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price, unitCost = cost } } }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/service-costs", new { clientId = buyer, date = "2025-04-11", category = 1, amount = 40m, currency = "RUB" }), HttpStatusCode.Created);
        Assert.Equal(40m, (await LifetimeAsync(buyer))!.Value.ServiceCost);

        var etag = (await Http.GetAsync(Path)).Headers.ETag!.Tag;
        await JsonAsync(await SendAsync(HttpMethod.Put, Path, Settings(100m, 0.05m), ifMatch: etag));

        // Two months with a purchase × 100 + 5 % of 3 000 = 350 allocated, on top of its own 40;
        // contribution before acquisition 3 000 − 1 900 − 390 = 710.
        var figures = (await LifetimeAsync(buyer))!.Value;
        Assert.Equal(390m, figures.ServiceCost);
        Assert.Equal(710m, figures.ContributionBeforeAcquisition);
        Assert.Equal(0m, (await LifetimeAsync(prospect))!.Value.ServiceCost);

        // Bad input: a share above 100 % is refused on its field and nothing changes.
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, Path, Settings(100m, 1.5m)), "costToServeShareOfRevenue");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, Path, Settings(-1m, 0m)), "costToServePerActiveMonth");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(390m, (await LifetimeAsync(buyer))!.Value.ServiceCost);
    }
}

public sealed class CostToServeRuleTestsOnSqlite(SqliteApp fixture) : CostToServeRuleTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class CostToServeRuleTestsOnPostgres(PostgresApp fixture) : CostToServeRuleTests(fixture), IClassFixture<PostgresApp>;
