using System.Net;
using Clientele.Features.Access;
using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Clients;

/// <summary>
/// The clients grid's economics columns: revenue, net contribution and ABC class from the analytics report of the
/// reader's view, the ladder stage from the stored stage; ordered by them over every match, nulls last, with the
/// capped count; a manager orders and classes only their own clients.
/// </summary>
public abstract class GridEconomicsTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task BuyAsync(long clientId, decimal price) =>
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId, date = "2026-03-05T10:00:00Z", currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price } },
        }), HttpStatusCode.Created);

    /// <summary>The grid's page as the grid asks for it; a fresh report cache, so clients made just now are in the report.</summary>
    private Task<(List<ClientRow> Rows, int Total, GridEconomics Economics)> GridAsync(AccessScope scope, ClientFilter filter, ClientSort sort, bool descending) =>
        App.ReadAsync(async db =>
        {
            db.Access = scope;
            var economics = await GridEconomics.ForAsync(db, new AnalyticsCache(TimeProvider.System), TimeProvider.System, default);
            var (rows, total) = await new ClientQueries(db, new CompanySettingsReader(db)).PageAsync(filter, sort, descending, 0, 2, default, economics.KeyFor(sort));
            return (rows, total, economics);
        });

    [Fact]
    public async Task Revenue_orders_every_match_with_clients_without_figures_last_and_a_manager_sees_and_classes_only_their_own()
    {
        var word = Unique("Econ");
        var big = Id(await CreateClientAsync($"{word} big"));
        var small = Id(await CreateClientAsync($"{word} small"));
        var none = Id(await CreateClientAsync($"{word} none"));
        var manager = await App.AddUserAsync(Unique("mgr") + "@clientele.test", EmployeeRole.Manager, Unique("Manager "));
        var his = Id(await CreateClientAsync($"{word} his", new { managerId = manager.Id }));
        await BuyAsync(big, 900m);
        await BuyAsync(small, 100m);
        await BuyAsync(his, 50m);
        var filter = new ClientFilter(Q: word);

        // A page of two out of four: the order is over all matches, not over the page.
        var (rows, total, economics) = await GridAsync(AccessScope.System, filter, ClientSort.Revenue, descending: true);
        Assert.Equal(4, total);
        Assert.Equal([big, small], rows.Select(r => r.Id));
        Assert.Equal((900m, 100m, 50m), (economics.Revenue(big), economics.Revenue(small), economics.Revenue(his)));
        Assert.Equal(0m, economics.Revenue(none));
        (rows, _, _) = await GridAsync(AccessScope.System, filter with { HasPurchases = true }, ClientSort.Revenue, descending: false);
        Assert.Equal([his, small], rows.Select(r => r.Id));
        // The figures are the analytics page's: net contribution here is revenue less what this base records (no costs).
        Assert.Equal(900m, economics.Contribution(big));

        // The manager sees one client: the count, the order and its class are of that client alone.
        var (mine, myTotal, myEconomics) = await GridAsync(AccessScope.ForEmployee(manager.Id, EmployeeRole.Manager), filter, ClientSort.Revenue, descending: true);
        Assert.Equal(1, myTotal);
        Assert.Equal([his], mine.Select(r => r.Id));
        Assert.Null(myEconomics.Revenue(big));
        Assert.Equal(Clientele.Analytics.Structure.AbcClass.A, myEconomics.Abc(his));

        // The ladder stage orders in SQL on both providers, nulls (no stage yet) last either way.
        foreach (var descending in new[] { false, true })
        {
            var (staged, stagedTotal) = await App.ReadAsync(db => new ClientQueries(db, new CompanySettingsReader(db)).PageAsync(filter, ClientSort.Stage, descending, 0, 10, default));
            Assert.Equal(4, stagedTotal);
            var stages = await App.ReadAsync(db => GridEconomics.StagesAsync(db, [.. staged.Select(r => r.Id)], default));
            var ordered = staged.Select(r => stages.TryGetValue(r.Id, out var s) ? (int?)s : null).ToList();
            var known = ordered.TakeWhile(s => s is not null).ToList();
            Assert.All(ordered.Skip(known.Count), s => Assert.Null(s));
            Assert.Equal(descending ? known.OrderDescending() : known.Order(), known);
        }
    }
}

public sealed class GridEconomicsTestsOnSqlite(SqliteApp fixture) : GridEconomicsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class GridEconomicsTestsOnPostgres(PostgresApp fixture) : GridEconomicsTests(fixture), IClassFixture<PostgresApp>;
