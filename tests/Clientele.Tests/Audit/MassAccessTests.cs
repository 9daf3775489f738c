using System.Net;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Audit;

/// <summary>
/// The departing employee who copies the base: far more distinct clients in a day than their own 30-day median, and at
/// least the minimum, stops their exports until the owner lifts the stop; a user who always works this much is left alone.
/// </summary>
public abstract partial class MassAccessTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>A month of ordinary work: <paramref name="perDay"/> distinct clients a day for each of the 30 days before today.</summary>
    private async Task HistoryAsync(long employeeId, int perDay)
    {
        var now = DateTime.UtcNow;
        var entries = Enumerable.Range(1, 30).Select(day => new PendingEntry(now.AddDays(-day).AddHours(-2), employeeId, AuditAction.ClientViewed, "Client", null,
            null, null, null, [.. Enumerable.Range(0, perDay).Select(i => 900_000_000L + day * 1_000 + i)])).ToArray();
        await AuditKit.AppendAsync(App, entries);
    }

    private async Task<(long Id, HttpClient Http)> ManagerWithIdAsync()
    {
        var user = await App.AddUserAsync(Unique("manager") + "@clientele.test", EmployeeRole.Manager, Unique("Manager "));
        return (user.Id, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "mass")));
    }

    private async Task ViewAllAsync(HttpClient http, IEnumerable<long> clients)
    {
        foreach (var client in clients) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/clients/{client}")).StatusCode);
    }

    private Task<bool> BlockedAsync(long employeeId) => App.ReadAsync(db => MassAccess.IsBlockedAsync(db, employeeId, CancellationToken.None));

    [Fact]
    public async Task A_user_who_opens_250_clients_against_a_usual_10_a_day_is_stopped_until_the_owner_lifts_it()
    {
        var (userId, http) = await ManagerWithIdAsync();
        await HistoryAsync(userId, 10);
        var clients = await AuditKit.AddClientsAsync(App, 250, userId, Unique("Copied"));

        await ViewAllAsync(http, clients.Take(199));
        Assert.False(await BlockedAsync(userId), "199 clients are below the minimum of 200");
        await ViewAllAsync(http, clients.Skip(199));
        Assert.True(await BlockedAsync(userId));

        var alerts = (await GetJsonAsync("/api/v1/audit/alerts?open=true")).EnumerateArray().Where(a => a.GetProperty("employeeId").GetInt64() == userId).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal(200, alert.GetProperty("clientCount").GetInt32());
        Assert.Equal(10, alert.GetProperty("baseline").GetDouble());
        var audited = (await GetJsonAsync($"/api/v1/audit?employeeId={userId}&action=MassAccessAlert")).GetProperty("items");
        Assert.Equal(1, audited.GetArrayLength());
        // Only the owner lifts.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync($"/api/v1/audit/alerts/{Id(alert)}/lift", null)).StatusCode);
        Assert.True(await BlockedAsync(userId));

        var lifted = await JsonAsync(await Http.PostAsync($"/api/v1/audit/alerts/{Id(alert)}/lift", null));
        Assert.Equal(App.OwnerId, lifted.GetProperty("liftedById").GetInt64());
        Assert.False(await BlockedAsync(userId));
        await AssertProblemAsync(await Http.PostAsync($"/api/v1/audit/alerts/{Id(alert)}/lift", null), HttpStatusCode.Conflict);
        // What the owner has judged does not stop the user again: the day counts afresh from the lift.
        await ViewAllAsync(http, await AuditKit.AddClientsAsync(App, 60, userId, Unique("After lift")));
        Assert.False(await BlockedAsync(userId));
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/audit?employeeId={App.OwnerId}&action=MassAccessLifted")).GetProperty("items").EnumerateArray()
            .Count(e => e.GetProperty("entityId").GetInt64() == Id(alert)));
    }

    [Fact]
    public async Task A_user_whose_usual_day_is_60_clients_is_not_stopped_at_250()
    {
        var (userId, http) = await ManagerWithIdAsync();
        await HistoryAsync(userId, 60);
        var clients = await AuditKit.AddClientsAsync(App, 250, userId, Unique("Busy"));

        await ViewAllAsync(http, clients);

        Assert.False(await BlockedAsync(userId));
        Assert.DoesNotContain((await GetJsonAsync("/api/v1/audit/alerts")).EnumerateArray(), a => a.GetProperty("employeeId").GetInt64() == userId);
    }

    [Fact]
    public void The_rule_compares_with_the_median_and_the_minimum()
    {
        var settings = new AuditSettings();
        Assert.True(MassAccess.IsMassAccess(250, 10, settings));
        Assert.False(MassAccess.IsMassAccess(250, 50, settings));
        Assert.False(MassAccess.IsMassAccess(199, 0, settings));
        Assert.Equal(10, MassAccess.Median([0, 10, 10, 12, 3]));
        Assert.Equal(5, MassAccess.Median([0, 10]));
        Assert.True(MassAccess.Crossed(199, 200, 200));
        Assert.False(MassAccess.Crossed(200, 249, 200));
        Assert.True(MassAccess.Crossed(249, 250, 200));
    }
}

public sealed class MassAccessTestsOnSqlite(SqliteApp fixture) : MassAccessTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class MassAccessTestsOnPostgres(PostgresApp fixture) : MassAccessTests(fixture), IClassFixture<PostgresApp>;
