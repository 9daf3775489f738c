using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Lifetime;

/// <summary>
/// The nightly lifetime refresh through the API: it is run on demand over a generated base (so the models have a few
/// hundred clients to be fitted on) plus the clients each test makes with a purchase rhythm of its own.
/// </summary>
public abstract class LifetimeTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Refresh = "/api/v1/jobs/lifetime-refresh/run";
    private static readonly DateTime Today = DateTime.UtcNow.Date;

    /// <summary>The generated base, loaded once per class before any client of a test (its ids start at 1).</summary>
    private async Task EnsureBaseAsync()
    {
        await App.ReadAsync(async db =>
        {
            if (await db.Clients.AnyAsync(c => c.Id == 1)) return 0;
            var channels = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            await DemoLoader.LoadAsync(db, new DemoData(5, Today, [App.OwnerId], channels).Generate(300, 4_000), default);
            return 1;
        });
    }

    private async Task<JsonElement> RunRefreshAsync() => await JsonAsync(await Http.PostAsync(Refresh, null));

    /// <summary>A client buying every <paramref name="everyDays"/> days, <paramref name="count"/> times, the last one <paramref name="lastDaysAgo"/> days ago.</summary>
    private async Task<long> ClientWithRhythmAsync(string name, int count, int everyDays, int lastDaysAgo, decimal amount, long? managerId = null)
    {
        var id = Id(await CreateClientAsync(Unique(name), managerId is null ? null : new { managerId }));
        for (var k = count - 1; k >= 0; k--)
        {
            var date = Today.AddDays(-lastDaysAgo - k * everyDays).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = id, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = amount } } }),
                HttpStatusCode.Created);
        }
        return id;
    }

    private Task<JsonElement> LifetimeAsync(long clientId) => GetJsonAsync($"/api/v1/clients/{clientId}/lifetime");

    private async Task<List<JsonElement>> TasksOfAsync(long clientId) =>
        [.. (await GetJsonAsync($"/api/v1/tasks?clientId={clientId}&limit=100")).GetProperty("items").EnumerateArray()];

    private static bool HasReason(JsonElement lifetime, string reason) => lifetime.GetProperty("reason").GetString()!.Contains(reason, StringComparison.Ordinal);

    [Fact]
    public async Task A_refresh_stores_the_fit_and_every_buying_clients_figures()
    {
        await EnsureBaseAsync();
        var managerUser = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Lifetime Manager");
        await ClientWithRhythmAsync("Managers own ", count: 3, everyDays: 20, lastDaysAgo: 5, amount: 1_000m, managerId: managerUser.Id);

        var run = await RunRefreshAsync();

        Assert.True(run.GetProperty("status").GetString() == "Succeeded", run.ToString());
        var clv = await GetJsonAsync("/api/v1/analytics/clv");
        var fit = clv.GetProperty("fit");
        foreach (var parameter in new[] { "r", "alpha", "a", "b", "p", "q", "gamma" })
            Assert.True(fit.GetProperty(parameter).GetDouble() > 0, $"{parameter} in {fit}");
        Assert.True(fit.GetProperty("logLikelihood").GetDouble() < 0);
        Assert.True(fit.GetProperty("clients").GetInt32() >= 250);
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("error").ValueKind);
        Assert.True(fit.TryGetProperty("frequencyValueCorrelation", out var correlation) && correlation.ValueKind == JsonValueKind.Number);
        var curve = clv.GetProperty("newClientCurve").EnumerateArray().Select(p => p.GetProperty("expectedPurchases").GetDouble()).ToList();
        Assert.Equal(52, curve.Count);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second > p.First), "a new client's expected purchases grow with time");
        Assert.Equal(await App.ReadAsync(db => db.ClientFigures.CountAsync(f => f.Purchases > 0)),
            clv.GetProperty("distribution").EnumerateArray().Sum(b => b.GetProperty("clients").GetInt32()));

        // The model is the base's, but how many clients it saw and how many are at risk follow the reader's scope (issue 17).
        var manager = App.ClientWithToken(await App.IssueTokenAsync(managerUser.Id, "tests"));
        var managersFit = (await JsonAsync(await manager.GetAsync("/api/v1/analytics/clv"))).GetProperty("fit");
        Assert.Equal((1, 1), (managersFit.GetProperty("clients").GetInt32(), managersFit.GetProperty("spendClients").GetInt32()));
        Assert.Equal((await JsonAsync(await manager.GetAsync("/api/v1/analytics/churn-risk?limit=500"))).GetProperty("total").GetInt32(),
            managersFit.GetProperty("atRisk").GetInt32());
        Assert.Equal(fit.GetProperty("r").GetDouble(), managersFit.GetProperty("r").GetDouble());

        var lifetime = await LifetimeAsync(clv.GetProperty("top")[0].GetProperty("clientId").GetInt64());
        Assert.InRange(lifetime.GetProperty("aliveProbability").GetDouble(), 0, 1);
        Assert.True(lifetime.GetProperty("expectedPurchases90Days").GetDouble() >= 0);
        Assert.True(lifetime.GetProperty("clv").GetDecimal() > 0);
        Assert.Equal(DateOnly.FromDateTime(Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lifetime.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task A_client_a_manager_marked_lost_is_left_to_win_back_and_not_listed_at_risk()
    {
        await EnsureBaseAsync();
        var marked = await ClientWithRhythmAsync("Marked lost ", count: 8, everyDays: 10, lastDaysAgo: 60, amount: 3_000m);
        var unmarked = await ClientWithRhythmAsync("Not marked ", count: 8, everyDays: 10, lastDaysAgo: 60, amount: 3_000m);
        await JsonAsync(await PostAsync($"/api/v1/clients/{marked}/lost", new { reasonCode = "price" }));

        await RunRefreshAsync();

        Assert.False((await LifetimeAsync(marked)).GetProperty("atRisk").GetBoolean());
        Assert.True((await LifetimeAsync(unmarked)).GetProperty("atRisk").GetBoolean());
        var worklist = (await GetJsonAsync("/api/v1/analytics/churn-risk?managerId=0&limit=500")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("clientId").GetInt64()).ToList();
        Assert.DoesNotContain(marked, worklist);
        Assert.Contains(unmarked, worklist);
    }

    [Fact]
    public async Task A_client_that_stops_after_a_steady_rhythm_is_at_risk_for_its_interval_and_one_on_rhythm_is_not()
    {
        await EnsureBaseAsync();
        var stopped = await ClientWithRhythmAsync("Stopped ", count: 8, everyDays: 10, lastDaysAgo: 60, amount: 3_000m);
        var steady = await ClientWithRhythmAsync("Steady ", count: 8, everyDays: 10, lastDaysAgo: 3, amount: 3_000m);

        await RunRefreshAsync();

        var gone = await LifetimeAsync(stopped);
        Assert.True(gone.GetProperty("atRisk").GetBoolean(), gone.ToString());
        Assert.True(HasReason(gone, "OverdueInterval"), gone.ToString());
        Assert.Equal(10, gone.GetProperty("usualIntervalDays").GetDouble(), 6);
        Assert.Equal(60, gone.GetProperty("daysSinceLastPurchase").GetInt32());
        Assert.NotEqual("None", gone.GetProperty("action").GetString());
        var fine = await LifetimeAsync(steady);
        Assert.False(HasReason(fine, "OverdueInterval"), fine.ToString());
        Assert.True(fine.GetProperty("aliveProbability").GetDouble() > gone.GetProperty("aliveProbability").GetDouble());

        var worklist = await GetJsonAsync("/api/v1/analytics/churn-risk?managerId=0&limit=500");
        var row = worklist.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("clientId").GetInt64() == stopped);
        Assert.Equal(60, row.GetProperty("daysSinceLastPurchase").GetInt32());
        Assert.DoesNotContain(worklist.GetProperty("items").EnumerateArray(), r => r.GetProperty("clientId").GetInt64() == steady && HasReason(r, "OverdueInterval"));
        var clvs = worklist.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("clv")).TakeWhile(c => c.ValueKind == JsonValueKind.Number).Select(c => c.GetDecimal()).ToList();
        Assert.Equal(clvs.OrderDescending(), clvs);
    }

    [Fact]
    public async Task One_click_makes_a_task_once_per_episode()
    {
        await EnsureBaseAsync();
        // A tiny client is class C, for which the night makes no task by default: the click is the only source.
        var client = await ClientWithRhythmAsync("Tiny ", count: 6, everyDays: 7, lastDaysAgo: 70, amount: 1m);
        await RunRefreshAsync();
        Assert.Empty(await TasksOfAsync(client));

        var created = await JsonAsync(await Http.PostAsync($"/api/v1/analytics/churn-risk/{client}/task", null), HttpStatusCode.Created);
        var again = await AssertProblemAsync(await Http.PostAsync($"/api/v1/analytics/churn-risk/{client}/task", null), HttpStatusCode.Conflict);

        Assert.Equal(Id(created), again.GetProperty("taskId").GetInt64());
        var task = Assert.Single(await TasksOfAsync(client));
        Assert.Equal(Id(created), Id(task));
        Assert.False(string.IsNullOrWhiteSpace(task.GetProperty("title").GetString()));
        var row = (await GetJsonAsync("/api/v1/analytics/churn-risk?managerId=0&limit=500")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("clientId").GetInt64() == client);
        Assert.Equal(Id(created), row.GetProperty("openTask").GetProperty("id").GetInt64());
        // The next night keeps the episode and its task.
        await RunRefreshAsync();
        Assert.Single(await TasksOfAsync(client));
    }

    [Fact]
    public async Task A_click_for_a_client_not_at_risk_or_unknown_is_refused()
    {
        await EnsureBaseAsync();
        var steady = await ClientWithRhythmAsync("Regular ", count: 6, everyDays: 7, lastDaysAgo: 1, amount: 5_000m);
        var never = Id(await CreateClientAsync(Unique("Prospect ")));
        await RunRefreshAsync();

        await AssertProblemAsync(await Http.PostAsync($"/api/v1/analytics/churn-risk/{never}/task", null), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/analytics/churn-risk/987654321/task", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.GetAsync("/api/v1/clients/987654321/lifetime"), HttpStatusCode.NotFound);
        var prospect = await LifetimeAsync(never);
        Assert.Equal(JsonValueKind.Null, prospect.GetProperty("asOf").ValueKind);
        if (!(await LifetimeAsync(steady)).GetProperty("atRisk").GetBoolean())
            await AssertProblemAsync(await Http.PostAsync($"/api/v1/analytics/churn-risk/{steady}/task", null), HttpStatusCode.Conflict);
        Assert.Empty(await TasksOfAsync(never));
    }

    [Fact]
    public async Task The_night_makes_tasks_for_newly_at_risk_A_and_B_clients_only_and_only_once()
    {
        await EnsureBaseAsync();
        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Mila Manager");
        // A huge client is class A whatever the generated base holds; a tiny one is class C.
        var key = await ClientWithRhythmAsync("Key ", count: 8, everyDays: 10, lastDaysAgo: 80, amount: 20_000_000m, managerId: manager.Id);
        var small = await ClientWithRhythmAsync("Small ", count: 8, everyDays: 10, lastDaysAgo: 80, amount: 1m, managerId: manager.Id);

        await RunRefreshAsync();
        var keyLifetime = await LifetimeAsync(key);
        Assert.Equal("A", keyLifetime.GetProperty("abcClass").GetString());
        Assert.True(keyLifetime.GetProperty("atRisk").GetBoolean(), keyLifetime.ToString());
        Assert.Equal("CallPersonally", keyLifetime.GetProperty("action").GetString());
        Assert.Equal("C", (await LifetimeAsync(small)).GetProperty("abcClass").GetString());
        var task = Assert.Single(await TasksOfAsync(key));
        Assert.Equal(manager.Id, task.GetProperty("assigneeId").GetInt64());
        Assert.Equal(Id(task), keyLifetime.GetProperty("openTask").GetProperty("id").GetInt64());
        Assert.Empty(await TasksOfAsync(small));

        await RunRefreshAsync();
        Assert.Single(await TasksOfAsync(key));
        Assert.Empty(await TasksOfAsync(small));

        // The manager's own worklist holds their clients and no one else's.
        var asManager = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "tests"));
        var mine = await JsonAsync(await asManager.GetAsync("/api/v1/analytics/churn-risk"));
        Assert.Equal(manager.Id, mine.GetProperty("managerId").GetInt64());
        Assert.Equal([key, small], mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("clientId").GetInt64()));
    }

    [Fact]
    public async Task The_worklist_and_the_clv_list_export_and_a_bad_format_is_refused()
    {
        await EnsureBaseAsync();
        await ClientWithRhythmAsync("Exported ", count: 5, everyDays: 10, lastDaysAgo: 90, amount: 2_000m);
        await RunRefreshAsync();

        var csv = await Http.GetAsync("/api/v1/analytics/churn-risk/export?format=csv&managerId=0");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("P(alive)", lines[0]);
        var total = (await GetJsonAsync("/api/v1/analytics/churn-risk?managerId=0&limit=1")).GetProperty("total").GetInt32();
        // One row per client at risk, plus the export's canary clients (its watermark).
        Assert.Equal(total + Clientele.Features.Exports.Control.CanaryFactory.CountFor(total), lines.Length - 1);
        var xlsx = await Http.GetAsync("/api/v1/analytics/clv/export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/clv/export?format=pdf"), "format");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/churn-risk?after=x"), "after");
    }
}

public sealed class LifetimeTestsOnSqlite(SqliteApp fixture) : LifetimeTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class LifetimeTestsOnPostgres(PostgresApp fixture) : LifetimeTests(fixture), IClassFixture<PostgresApp>;
