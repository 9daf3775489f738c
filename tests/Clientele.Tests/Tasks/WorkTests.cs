using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Tasks;

/// <summary>A user's own work: open tasks (overdue first) and the home summary.</summary>
public abstract class WorkTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>A fresh manager with an own token, so counts "for me" start at zero.</summary>
    private async Task<(long Id, HttpClient Http)> NewManagerAsync()
    {
        var user = await App.AddUserAsync(Unique("mgr") + "@clientele.test", EmployeeRole.Manager, "Marina Manager");
        return (user.Id, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "work")));
    }

    private static string At(TimeSpan fromNow) => (DateTime.UtcNow + fromNow).ToString("O");

    private static async Task<long> TaskAsync(HttpClient http, object body) =>
        (await JsonAsync(await http.PostAsJsonAsync("/api/v1/tasks", body), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    [Fact]
    public async Task My_tasks_are_my_open_ones_overdue_first_then_by_due_date()
    {
        var (me, http) = await NewManagerAsync();
        var (someoneElse, _) = await NewManagerAsync();
        var client = Id(await CreateClientAsync(Unique("Tasks for "), new { managerId = me }));
        var nextWeek = await TaskAsync(http, new { clientId = client, title = "Next week", dueAt = At(TimeSpan.FromDays(7)) });
        var longOverdue = await TaskAsync(http, new { clientId = client, title = "Long overdue", dueAt = At(TimeSpan.FromDays(-10)) });
        var tomorrow = await TaskAsync(http, new { clientId = client, title = "Tomorrow", dueAt = At(TimeSpan.FromDays(1)) });
        var overdue = await TaskAsync(http, new { clientId = client, title = "Overdue", dueAt = At(TimeSpan.FromHours(-2)) });
        var done = await TaskAsync(http, new { clientId = client, title = "Done", dueAt = At(TimeSpan.FromDays(-3)), done = true });
        var notMine = await TaskAsync(http, new { clientId = client, title = "Not mine", dueAt = At(TimeSpan.FromDays(-5)), assigneeId = someoneElse });

        var mine = await JsonAsync(await http.GetAsync("/api/v1/tasks/mine"));

        var ids = mine.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([longOverdue, overdue, tomorrow, nextWeek], ids);
        Assert.DoesNotContain(done, ids);
        Assert.DoesNotContain(notMine, ids);
        Assert.All(mine.EnumerateArray(), t => Assert.Equal(me, t.GetProperty("assigneeId").GetInt64()));
        Assert.Equal("Marina Manager", mine[0].GetProperty("assigneeName").GetString());
    }

    [Fact]
    public async Task Completing_a_task_stamps_it_and_takes_it_off_my_list()
    {
        var (me, http) = await NewManagerAsync();
        var client = Id(await CreateClientAsync(Unique("Done for "), new { managerId = me }));
        var task = await TaskAsync(http, new { clientId = client, title = "Send offer", dueAt = At(TimeSpan.FromDays(-1)) });

        var response = await http.PatchAsync($"/api/v1/tasks/{task}", JsonContent.Create(new { done = true }));
        var completed = await JsonAsync(response);

        Assert.True(completed.GetProperty("done").GetBoolean());
        Assert.InRange(completed.GetProperty("doneAt").GetDateTime().ToUniversalTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Empty((await JsonAsync(await http.GetAsync("/api/v1/tasks/mine"))).EnumerateArray());
    }

    [Fact]
    public async Task The_home_summary_counts_clients_by_status_and_my_open_and_overdue_tasks()
    {
        var (me, http) = await NewManagerAsync();
        var before = await JsonAsync(await http.GetAsync("/api/v1/home"));

        // The manager's own clients: the home page counts the clients its reader may see.
        await CreateClientAsync(Unique("Potential "), new { managerId = me });
        await CreateClientAsync(Unique("Potential "), new { managerId = me });
        var active = Id(await CreateClientAsync(Unique("Active "), new { status = 1, managerId = me }));
        await CreateClientAsync(Unique("Lost "), new { status = 2, lostOn = "2025-01-31", churnReason = "Price", managerId = me });
        await TaskAsync(http, new { clientId = active, title = "Overdue", dueAt = At(TimeSpan.FromDays(-1)) });
        await TaskAsync(http, new { clientId = active, title = "Open", dueAt = At(TimeSpan.FromDays(2)) });
        await TaskAsync(http, new { clientId = active, title = "Done", dueAt = At(TimeSpan.FromDays(-2)), done = true });
        var after = await JsonAsync(await http.GetAsync("/api/v1/home"));

        static Dictionary<string, int> ByStatus(JsonElement home) => home.GetProperty("clientsByStatus").EnumerateArray()
            .ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32());
        var (was, now) = (ByStatus(before), ByStatus(after));
        Assert.Equal(["Active", "Lost", "Potential"], now.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2, 1, 1), (now["Potential"] - was["Potential"], now["Active"] - was["Active"], now["Lost"] - was["Lost"]));
        Assert.Equal((0, 0), (before.GetProperty("myOverdueTasks").GetInt32(), before.GetProperty("myOpenTasks").GetInt32()));
        Assert.Equal((1, 2), (after.GetProperty("myOverdueTasks").GetInt32(), after.GetProperty("myOpenTasks").GetInt32()));
    }

    [Fact]
    public async Task The_home_summary_has_revenue_this_month_and_last_per_currency()
    {
        var client = Id(await CreateClientAsync(Unique("Payer ")));
        var now = DateTime.UtcNow;
        var lastMonth = new DateTime(now.Year, now.Month, 1, 12, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var twoMonthsAgo = lastMonth.AddMonths(-1);
        foreach (var (date, price) in new[] { (now, 100m), (now, 23.45m), (lastMonth, 70m), (twoMonthsAgo, 1000m) })
            await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = client, date, currency = "CHF", exchangeRate = 85.5m, lines = new[] { new { description = "S", quantity = 1m, price } } }), HttpStatusCode.Created);

        var home = await GetJsonAsync("/api/v1/home");

        var chf = home.GetProperty("revenue").EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "CHF");
        Assert.Equal(123.45m, chf.GetProperty("thisMonth").GetDecimal());
        Assert.Equal(70m, chf.GetProperty("lastMonth").GetDecimal());
    }

    [Fact]
    public async Task The_personal_home_shows_my_tasks_due_by_today_and_my_clients_money_against_the_same_days_of_last_month()
    {
        var (me, http) = await NewManagerAsync();
        var empty = await JsonAsync(await http.GetAsync("/api/v1/home/mine"));
        Assert.Equal((0, 0, 0), (empty.GetProperty("visibleClients").GetInt32(), empty.GetProperty("tasksDue").GetInt32(), empty.GetProperty("atRiskTotal").GetInt32()));

        var mine = Id(await CreateClientAsync(Unique("Home own "), new { managerId = me }));
        var foreign = Id(await CreateClientAsync(Unique("Home foreign ")));
        var overdue = await TaskAsync(http, new { clientId = mine, title = "Overdue call", dueAt = At(TimeSpan.FromDays(-3)) });
        await TaskAsync(http, new { clientId = mine, title = "Next week", dueAt = At(TimeSpan.FromDays(8)) });
        // The period as the app's company days give it; the purchases are dated at the start of each run of days.
        var period = await JsonAsync(await http.GetAsync("/api/v1/home/mine"));
        var days = await App.ReadAsync(db => Clientele.Features.Company.CompanyDays.OfAsync(db));
        DateTime StartOf(string range) => days.StartOf(DateOnly.Parse(period.GetProperty(range).GetProperty("first").GetString()!));
        foreach (var (client, date, price, cost) in new[] { (mine, StartOf("current"), 300m, 100m), (mine, StartOf("previous"), 200m, 150m), (foreign, StartOf("current"), 9000m, 1m) })
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date, currency = "SEK", exchangeRate = 9m, lines = new[] { new { description = "Goods", quantity = 1m, price, unitCost = cost } },
            }), HttpStatusCode.Created);

        var home = await JsonAsync(await http.GetAsync("/api/v1/home/mine"));

        Assert.Equal(period.GetProperty("current").ToString(), home.GetProperty("current").ToString());
        Assert.Equal(1, home.GetProperty("visibleClients").GetInt32());
        Assert.Equal((1, 1), (home.GetProperty("tasksDue").GetInt32(), home.GetProperty("tasksOverdue").GetInt32()));
        var task = Assert.Single(home.GetProperty("tasks").EnumerateArray());
        Assert.Equal((overdue, "Overdue call", true), (Id(task), task.GetProperty("title").GetString(), task.GetProperty("overdue").GetBoolean()));
        // Only the manager's client: revenue 300 against 200, contribution 300 − 100 against 200 − 150.
        var sek = Assert.Single(home.GetProperty("money").EnumerateArray());
        Assert.Equal(("SEK", 300m, 200m, 200m, 50m), (sek.GetProperty("currency").GetString(), sek.GetProperty("revenue").GetDecimal(), sek.GetProperty("previousRevenue").GetDecimal(),
            sek.GetProperty("contribution").GetDecimal(), sek.GetProperty("previousContribution").GetDecimal()));
        // The owner sees the company: the other client's sale too.
        var owner = (await GetJsonAsync("/api/v1/home/mine")).GetProperty("money").EnumerateArray().Single(m => m.GetProperty("currency").GetString() == "SEK");
        Assert.True(owner.GetProperty("revenue").GetDecimal() >= 9300m);
    }

    [Fact]
    public async Task A_result_is_kept_with_a_done_task_refused_when_too_long_and_cleared_when_undone()
    {
        var client = Id(await CreateClientAsync(Unique("Result for ")));
        var task = await TaskAsync(Http, new { clientId = client, title = "Call", dueAt = At(TimeSpan.FromDays(1)) });
        const string merge = "application/merge-patch+json";

        var done = await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/tasks/{task}", """{"done":true,"result":"Agreed on a meeting"}""", contentType: merge));
        Assert.Equal((true, "Agreed on a meeting"), (done.GetProperty("done").GetBoolean(), done.GetProperty("result").GetString()));

        var before = await DbSnapshot.TakeAsync(App);
        var tooLong = JsonSerializer.Serialize(new { result = new string('x', 501) });
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/tasks/{task}", tooLong, contentType: merge), "result");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var undone = await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/tasks/{task}", """{"done":false}""", contentType: merge));
        Assert.Equal(JsonValueKind.Null, undone.GetProperty("result").ValueKind);
    }
}

public sealed class WorkTestsOnSqlite(SqliteApp fixture) : WorkTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class WorkTestsOnPostgres(PostgresApp fixture) : WorkTests(fixture), IClassFixture<PostgresApp>;
