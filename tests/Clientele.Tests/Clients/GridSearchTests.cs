using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Clients;

/// <summary>The grid's search over more matches than it orders; its own database, as it fills a thousand clients.</summary>
public abstract class GridSearchTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_grid_applies_filters_before_capping_search_matches()
    {
        // More matches of the word than the grid orders, and only the last-created of them is lost: if the cap
        // were taken before the status filter, that client would fall outside it and the grid would show nothing.
        var word = Unique("Capword");
        await App.ReadAsync(async db =>
        {
            // In one save, with their search terms: what the grid reads. (Through the writer one by one, the refresh
            // path and the audit of a thousand creates took half a minute and proved nothing more here.)
            var clients = Enumerable.Range(0, ClientQueries.CountCap + 1).Select(i => $"{word} {i:D4}")
                .Select(name => new Client { Name = name, NameKey = ClientSearch.Key(name) }).ToList();
            foreach (var client in clients) ClientSearch.Sync(client, []);
            db.Clients.AddRange(clients);
            return await db.SaveChangesAsync();
        });
        var lost = Id(await CreateClientAsync($"{word} lost", new { status = "Lost", lostOn = "2025-01-31" }));

        var (rows, total) = await App.ReadAsync(db => new ClientQueries(db, new CompanySettingsReader(db))
            .PageAsync(new ClientFilter(Q: word, Status: ClientStatus.Lost),
                ClientSort.Name, false, 0, 25, default));

        Assert.Equal(1, total);
        Assert.Equal([lost], rows.Select(r => r.Id));
    }
}

public sealed class GridSearchTestsOnSqlite(SqliteApp fixture) : GridSearchTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class GridSearchTestsOnPostgres(PostgresApp fixture) : GridSearchTests(fixture), IClassFixture<PostgresApp>;
