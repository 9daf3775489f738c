using System.Net;
using System.Net.Http.Json;
using Clientele.Features.FollowUp;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.FollowUp;

/// <summary>
/// Follow-up rules make tasks for the client's manager from purchases and high survey scores N company days old,
/// once (a second run makes nothing), stored as kinds and read in the reader's language; bad rules are refused; and
/// "my day" shows a manager their due tasks, this week's deals, unhappy answers and uncontacted referrals.
/// </summary>
public abstract class FollowUpTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(long Id, HttpClient Http)> ManagerWithIdAsync()
    {
        var manager = await App.AddUserAsync(Unique("followup") + "@clientele.test", EmployeeRole.Manager, "Follow Manager");
        return (manager.Id, App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "follow-up")));
    }

    private async Task<long> PurchaseAsync(long client, DateTime date) =>
        Id(await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = client, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 100m } },
        }), HttpStatusCode.Created));

    private async Task<System.Text.Json.JsonElement> RunJobAsync() =>
        await JsonAsync(await Http.PostAsync($"/api/v1/jobs/{FollowUpRulesJob.JobName}/run", null));

    [Fact]
    public async Task Rules_make_one_task_per_event_for_the_clients_manager_and_a_second_run_makes_none()
    {
        var (managerId, asManager) = await ManagerWithIdAsync();
        var client = Id(await CreateClientAsync(Unique("Followed "), new { managerId }));
        var call = Id(await JsonAsync(await PostAsync("/api/v1/follow-up-rules", new { name = "Satisfaction call", trigger = "AfterPurchase", days = 7 }), HttpStatusCode.Created));
        var referral = Id(await JsonAsync(await PostAsync("/api/v1/follow-up-rules", new { name = "Ask for a referral", trigger = "AfterHighScore", days = 3, minScore = 9 }), HttpStatusCode.Created));
        // Eight days back is seven or more company days back in any zone, and inside the rule's week of catch-up.
        var due = await PurchaseAsync(client, DateTime.UtcNow.AddDays(-8));
        await PurchaseAsync(client, DateTime.UtcNow.AddDays(-2)); // not due yet
        var promoter = Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 9 }), HttpStatusCode.Created));
        var passive = Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 8 }), HttpStatusCode.Created));
        // The test's hook on the clock: the answers are dated back in the base, as if given four days ago.
        await App.ReadAsync(db => db.SurveyAnswers.Where(a => a.Id == promoter || a.Id == passive).ExecuteUpdateAsync(u => u.SetProperty(a => a.AnsweredAt, DateTime.UtcNow.AddDays(-4))));

        var first = await RunJobAsync();
        var hits = await App.ReadAsync(db => db.FollowUpRuleHits.AsNoTracking().Where(h => h.ClientId == client).ToListAsync());
        var second = await RunJobAsync();

        Assert.Equal("Succeeded", first.GetProperty("status").GetString());
        Assert.Equal([(call, due), (referral, promoter)], hits.OrderBy(h => h.RuleId).Select(h => (h.RuleId, h.EventId)).ToList());
        Assert.Equal(hits.Count, await App.ReadAsync(db => db.FollowUpRuleHits.CountAsync(h => h.ClientId == client)));
        Assert.Equal("Succeeded", second.GetProperty("status").GetString());

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks?clientId={client}");
        request.Headers.AcceptLanguage.ParseAdd("de");
        var tasks = (await JsonAsync(await asManager.SendAsync(request))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(managerId, t.GetProperty("assigneeId").GetInt64()));
        Assert.Contains(tasks, t => t.GetProperty("title").GetString() == "Satisfaction call: nach 7 Tagen");
        Assert.Contains(tasks, t => t.GetProperty("details").GetString()!.Contains("mit 9 von 10", StringComparison.Ordinal));
        var stored = await App.ReadAsync(db => db.Set<Clientele.Features.Tasks.FollowUpTask>().Where(t => t.ClientId == client).Select(t => t.Title).ToListAsync());
        Assert.All(stored, title => Assert.NotNull(Clientele.Infrastructure.Validation.Message.Parse(title)));
    }

    [Fact]
    public async Task A_bad_rule_is_refused_with_its_field_and_only_the_owner_writes_rules()
    {
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostAsync("/api/v1/follow-up-rules", new { name = "Never", trigger = "AfterPurchase", days = 0 }), "days");
        await AssertInvalidAsync(await PostAsync("/api/v1/follow-up-rules", new { name = "Too picky", trigger = "AfterHighScore", days = 3, minScore = 11 }), "minScore");
        await AssertInvalidAsync(await PostAsync("/api/v1/follow-up-rules", new { name = new string('n', 81), trigger = "AfterPurchase", days = 3 }), "name");
        var (_, asManager) = await ManagerWithIdAsync();
        before = await DbSnapshot.TakeAsync(App);
        Assert.Equal(HttpStatusCode.Forbidden, (await asManager.PostAsJsonAsync("/api/v1/follow-up-rules", new { name = "Mine", trigger = "AfterPurchase", days = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asManager.GetAsync("/api/v1/follow-up-rules")).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task My_day_shows_a_manager_their_due_tasks_deals_of_the_week_unhappy_answers_and_referrals_only()
    {
        var (managerId, asManager) = await ManagerWithIdAsync();
        var mine = Id(await CreateClientAsync(Unique("My day "), new { managerId }));
        var theirs = Id(await CreateClientAsync(Unique("Not mine ")));
        await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = mine, title = "Overdue call", dueAt = DateTime.UtcNow.AddDays(-2), assigneeId = managerId }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = mine, title = "Next month", dueAt = DateTime.UtcNow.AddDays(40), assigneeId = managerId }), HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = mine, title = "Closing soon", value = 500m, currency = "RUB", expectedCloseOn = today, managerId }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = mine, title = "Next quarter", value = 500m, currency = "RUB", expectedCloseOn = today.AddDays(90), managerId }), HttpStatusCode.Created);
        await JsonAsync(await asManager.PostAsJsonAsync("/api/v1/surveys", new { clientId = mine, satisfaction = 4, missing = "Slow answers", referralName = "Friend of mine", referralEmail = Unique("f") + "@example.ru" }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = theirs, satisfaction = 2, referralName = "Friend of theirs", referralEmail = Unique("t") + "@example.ru" }), HttpStatusCode.Created);

        var day = await JsonAsync(await asManager.GetAsync("/api/v1/my-day"));

        string[] Titles(string list, string field) => [.. day.GetProperty(list).EnumerateArray().Select(x => x.GetProperty(field).GetString()!)];
        Assert.Equal(["Overdue call"], Titles("tasks", "title"));
        Assert.True(day.GetProperty("tasks")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(["Closing soon"], Titles("deals", "title"));
        Assert.Equal(["Slow answers"], Titles("unhappy", "missing"));
        Assert.Equal(["Friend of mine"], Titles("referrals", "name"));

        // A call logged after the answer takes it off the list.
        await JsonAsync(await asManager.PostAsJsonAsync("/api/v1/interactions", new { clientId = mine, kind = "Call", direction = "Outbound" }), HttpStatusCode.Created);
        Assert.Empty((await JsonAsync(await asManager.GetAsync("/api/v1/my-day"))).GetProperty("unhappy").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await asManager.GetAsync("/my-day")).StatusCode);
    }
}

public sealed class FollowUpTestsOnSqlite(SqliteApp fixture) : FollowUpTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class FollowUpTestsOnPostgres(PostgresApp fixture) : FollowUpTests(fixture), IClassFixture<PostgresApp>;
