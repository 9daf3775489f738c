using System.Net;
using System.Net.Http.Headers;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Identity;

/// <summary>A token's last use is written at most once a minute, so an API read does not wait for a write each time.</summary>
public abstract class ApiTokenLastUseTests(AppFixture fixture) : ApiTest(fixture)
{
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task The_last_use_moves_on_only_after_a_minute()
    {
        var start = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        var clock = new SteppedClock(start);
        await using var host = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var token = await App.IssueTokenAsync(App.OwnerId, Unique("throttled"));
        var tokenId = await App.ReadAsync(db => db.ApiTokens.Where(t => t.Hash == ApiTokenAuthentication.Hash(token)).Select(t => t.Id).SingleAsync());
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        async Task<DateTime?> UseAsync(TimeSpan after)
        {
            clock.Now = start + after;
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/channels")).StatusCode);
            return await App.ReadAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.LastUsedAt).SingleAsync());
        }

        Assert.Equal(start.UtcDateTime, await UseAsync(TimeSpan.Zero));
        Assert.Equal(start.UtcDateTime, await UseAsync(TimeSpan.FromSeconds(59)));
        Assert.Equal(start.UtcDateTime.AddSeconds(61), await UseAsync(TimeSpan.FromSeconds(61)));
        Assert.Equal(start.UtcDateTime.AddSeconds(61), await UseAsync(TimeSpan.FromSeconds(120)));
        Assert.Equal(start.UtcDateTime.AddSeconds(122), await UseAsync(TimeSpan.FromSeconds(122)));
    }
}

public sealed class ApiTokenLastUseTestsOnSqlite(SqliteApp fixture) : ApiTokenLastUseTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ApiTokenLastUseTestsOnPostgres(PostgresApp fixture) : ApiTokenLastUseTests(fixture), IClassFixture<PostgresApp>;
