using System.Net;
using System.Net.Http.Headers;
using Clientele.Features.Audit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Audit;

/// <summary>
/// The audit writer keeps each employee's count of the day in memory between batches (<see cref="MassAccessTally"/>,
/// ADR 010): rows another process wrote reach the guard within <see cref="MassAccessTally.Recount"/>, never later.
/// </summary>
public abstract partial class MassAccessTests
{
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Views_another_process_recorded_reach_the_guard_within_the_recount_time()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new SteppedClock(start);
        await using var host = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var (userId, _) = await ManagerWithIdAsync();
        await HistoryAsync(userId, 10);
        var clients = await AuditKit.AddClientsAsync(App, 2, userId, Unique("Tallied"));
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.IssueTokenAsync(userId, "tally"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/clients/{clients[0]}")).StatusCode);

        // Another node's views of 198 more clients: this host's running count does not include them.
        var elsewhere = new PendingEntry(start.UtcDateTime, userId, AuditAction.ClientViewed, "Client", null, null, null, null,
            [.. Enumerable.Range(0, 198).Select(i => 800_000_000L + i)]);
        await AuditKit.AppendAsync(App, elsewhere);
        clock.Now = start + MassAccessTally.Recount;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/clients/{clients[1]}")).StatusCode);

        // 1 + 198 + 1 = 200 distinct clients against a usual 10 a day: this view crosses the minimum, so it is judged.
        Assert.True(await BlockedAsync(userId));
    }
}
