using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clientele.Features.Handover;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Handover;

/// <summary>Key-person risk and the offboarding flow through the API (and the command line), on one app per class.</summary>
public abstract class HandoverTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string Recently = DateTime.UtcNow.AddDays(-10).ToString("O", CultureInfo.InvariantCulture);

    private async Task<(long Id, string Email, HttpClient Http)> UserAsync(string prefix, EmployeeRole role = EmployeeRole.Manager)
    {
        var email = Unique(prefix) + "@handover.test";
        var user = await App.AddUserAsync(email, role, Unique(prefix + " "));
        return (user.Id, email, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "handover")));
    }

    private async Task<long> PostIdAsync(string path, object body) => Id(await JsonAsync(await PostAsync(path, body), HttpStatusCode.Created));

    private async Task<long> ClientWithRevenueAsync(long managerId, decimal price)
    {
        var client = Id(await CreateClientAsync(Unique("Handover client "), new { managerId, status = 1 }));
        await PostIdAsync("/api/v1/purchases", new { clientId = client, date = Recently, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price } } });
        return client;
    }

    private Task<long> InteractionAsync(long clientId, long employeeId, long? contactPersonId) =>
        PostIdAsync("/api/v1/interactions", new { clientId, employeeId, contactPersonId, kind = "Call", occurredAt = Recently });

    private Task<long> TaskAsync(long clientId, long assigneeId, bool done = false) =>
        PostIdAsync("/api/v1/tasks", new { clientId, title = "Call back", dueAt = DateTime.UtcNow.AddDays(3).ToString("O", CultureInfo.InvariantCulture), assigneeId, done });

    private Task<(int Clients, int OpenTasks)> HeldByAsync(long employeeId) => App.ReadAsync(async db =>
        (await db.Clients.CountAsync(c => c.ManagerId == employeeId), await db.Tasks.CountAsync(t => t.AssigneeId == employeeId && !t.Done)));

    private Task<int> TaskCountAsync() => App.ReadAsync(db => db.Tasks.CountAsync());

    [Fact]
    public async Task After_the_flow_nothing_is_left_with_the_departed_manager_and_a_second_run_makes_nothing_new()
    {
        var departing = await UserAsync("leaver");
        var first = await UserAsync("heir");
        var second = await UserAsync("heir");
        var big = await ClientWithRevenueAsync(departing.Id, 90_000m);
        var small = await ClientWithRevenueAsync(departing.Id, 500m);
        var none = Id(await CreateClientAsync(Unique("Potential "), new { managerId = departing.Id }));
        foreach (var c in new[] { big, small, none }) await TaskAsync(c, departing.Id);
        var elsewhere = await ClientWithRevenueAsync(first.Id, 100m);
        var foreignTask = await TaskAsync(elsewhere, departing.Id);
        var doneTask = await TaskAsync(big, departing.Id, done: true);
        Assert.Equal(HttpStatusCode.OK, (await departing.Http.GetAsync("/api/v1/tasks/mine")).StatusCode);

        var started = await JsonAsync(await PostAsync("/api/v1/handovers", new { employeeId = departing.Id }), HttpStatusCode.Created);
        var id = Id(started);

        // Deactivated at once: the departing manager's token no longer opens anything.
        Assert.Equal(HttpStatusCode.Unauthorized, (await departing.Http.GetAsync("/api/v1/tasks/mine")).StatusCode);
        Assert.Equal(3, started.GetProperty("clients").GetInt32());
        Assert.Equal("reassign", started.GetProperty("step").GetString());
        var rows = started.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(big, rows[0].GetProperty("clientId").GetInt64());
        Assert.All(rows, r => Assert.True(r.GetProperty("suggestedId").ValueKind == JsonValueKind.Number));

        // The biggest client one by one, the rest to the suggestions among the two heirs.
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { assignments = new[] { new { clientId = big, successorId = second.Id } } }));
        var reassigned = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { suggested = true, successorIds = new[] { first.Id, second.Id } }));
        Assert.Equal(3, reassigned.GetProperty("reassigned").GetInt32());
        var introduced = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/introduce", new { }));
        Assert.Equal(3, introduced.GetProperty("introduced").GetInt32());
        var finished = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/finish", new { }));
        Assert.Equal("follow", finished.GetProperty("step").GetString());

        Assert.Equal((0, 0), await HeldByAsync(departing.Id));
        var (successorOf, intro, other, done) = await App.ReadAsync(async db => (
            await db.Clients.Where(c => c.Id == big || c.Id == small || c.Id == none).ToDictionaryAsync(c => c.Id, c => c.ManagerId),
            await db.Tasks.Where(t => (t.ClientId == big || t.ClientId == small || t.ClientId == none) && !t.Done).ToListAsync(),
            await db.Tasks.SingleAsync(t => t.Id == foreignTask),
            await db.Tasks.SingleAsync(t => t.Id == doneTask)));
        Assert.Equal(second.Id, successorOf[big]);
        Assert.All(successorOf.Values, m => Assert.Contains(m!.Value, new[] { first.Id, second.Id }));
        // Each client: its moved open task and one introduction task, both with the client's new manager.
        Assert.All(intro, t => Assert.Equal(successorOf[t.ClientId], t.AssigneeId));
        var introductions = intro.Where(t => Message.Parse(t.Title) is not null).ToList();
        Assert.Equal(3, introductions.Count);
        Assert.StartsWith("Представиться клиенту", Message.Parse(introductions.Single(t => t.ClientId == big).Title)!.Render(CultureInfo.GetCultureInfo("ru")));
        // The class A client is due first.
        Assert.Equal(introductions.Min(t => t.DueAt), introductions.Single(t => t.ClientId == big).DueAt);
        Assert.Equal(first.Id, other.AssigneeId);
        Assert.Equal(departing.Id, done.AssigneeId);

        // Everything again: the same run, nothing new.
        var tasksBefore = await TaskCountAsync();
        var again = await JsonAsync(await PostAsync("/api/v1/handovers", new { employeeId = departing.Id }));
        Assert.Equal(id, Id(again));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { suggested = true }));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/introduce", new { }));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/finish", new { }));
        Assert.Equal(tasksBefore, await TaskCountAsync());
        Assert.Equal(1, await App.ReadAsync(db => db.Set<HandoverRun>().CountAsync(h => h.DepartingId == departing.Id)));

        var report = await GetJsonAsync($"/api/v1/handovers/{id}/report");
        Assert.Equal(3, report.GetProperty("clients").GetInt32());
        Assert.Equal(0, report.GetProperty("contactedInTime").GetInt32());
        // The successor calls the big client now: contacted in time.
        await PostIdAsync("/api/v1/interactions", new { clientId = big, employeeId = second.Id, kind = "Call", occurredAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        report = await GetJsonAsync($"/api/v1/handovers/{id}/report");
        Assert.Equal(1, report.GetProperty("contactedInTime").GetInt32());
    }

    [Fact]
    public async Task Wrong_steps_are_refused_in_the_callers_language_and_change_nothing()
    {
        var departing = await UserAsync("leaver");
        var heir = await UserAsync("heir");
        var analyst = await UserAsync("analyst", EmployeeRole.Analyst);
        var client = await ClientWithRevenueAsync(departing.Id, 1_000m);
        var stranger = await ClientWithRevenueAsync(heir.Id, 1_000m);
        var id = Id(await JsonAsync(await PostAsync("/api/v1/handovers", new { employeeId = departing.Id }), HttpStatusCode.Created));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await PostAsync("/api/v1/handovers", new { employeeId = 987_654_321 }), "employeeId");
        await AssertInvalidAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { assignments = new[] { new { clientId = stranger, successorId = heir.Id } } }), "assignments");
        await AssertInvalidAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { assignments = new[] { new { clientId = client, successorId = departing.Id } } }), "assignments");
        await AssertInvalidAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { assignments = new[] { new { clientId = client, successorId = analyst.Id } } }), "assignments");
        await AssertInvalidAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { assignments = Array.Empty<object>() }), "assignments");
        await AssertProblemAsync(await PostAsync("/api/v1/handovers", new { employeeId = App.OwnerId }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await PostAsync("/api/v1/handovers/987654321/finish", new { }), HttpStatusCode.NotFound);
        var german = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/handovers/{id}/finish") { Content = JsonContent(new { }) };
        german.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));
        var refused = await AssertProblemAsync(await Http.SendAsync(german), HttpStatusCode.Conflict);
        Assert.StartsWith("Die Übergabe kann noch nicht abgeschlossen werden: 1 Kunden ohne Nachfolger", refused.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await heir.Http.PostAsync($"/api/v1/handovers/{id}/introduce", JsonContent(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Http.GetAsync($"/api/v1/handovers/{id}")).StatusCode);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task The_risk_report_names_the_employee_a_single_thread_client_runs_through_and_its_revenue()
    {
        var alone = await UserAsync("alone");
        var colleague = await UserAsync("colleague");
        var analyst = await UserAsync("analyst", EmployeeRole.Analyst);
        var marketer = await UserAsync("marketer", EmployeeRole.Marketer);
        var single = await ClientWithRevenueAsync(alone.Id, 7_000m);
        var person = await PostIdAsync("/api/v1/contact-persons", new { clientId = single, name = "Olga Single" });
        await InteractionAsync(single, alone.Id, person);
        await InteractionAsync(single, alone.Id, person);
        var wide = await ClientWithRevenueAsync(alone.Id, 3_000m);
        await InteractionAsync(wide, alone.Id, null);
        await InteractionAsync(wide, colleague.Id, null);

        var report = await JsonAsync(await analyst.Http.GetAsync("/api/v1/analytics/key-person-risk"));

        var row = report.GetProperty("employees").EnumerateArray().Single(e => e.GetProperty("employeeId").GetInt64() == alone.Id);
        Assert.Equal((2, 10_000m, 1, 7_000m, 0.7), (row.GetProperty("clients").GetInt32(), row.GetProperty("revenue12Months").GetDecimal(),
            row.GetProperty("singleThreadClients").GetInt32(), row.GetProperty("revenueAtRisk").GetDecimal(), row.GetProperty("shareAtRisk").GetDouble()));
        var clients = report.GetProperty("singleThread").EnumerateArray().ToList();
        var singleRow = clients.Single(c => c.GetProperty("clientId").GetInt64() == single);
        Assert.Equal((2, 1, 1, 1.0, alone.Id), (singleRow.GetProperty("interactions").GetInt32(), singleRow.GetProperty("employees").GetInt32(),
            singleRow.GetProperty("contactPersons").GetInt32(), singleRow.GetProperty("managerShare").GetDouble(), singleRow.GetProperty("keyPersonId").GetInt64()));
        Assert.DoesNotContain(clients, c => c.GetProperty("clientId").GetInt64() == wide);

        // A manager's report holds their own clients only; a marketer has none.
        var own = await JsonAsync(await alone.Http.GetAsync("/api/v1/analytics/key-person-risk"));
        Assert.Equal(2, own.GetProperty("clients").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.Http.GetAsync("/api/v1/analytics/key-person-risk")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_hands_a_manager_over_and_a_second_run_finds_nothing_to_do()
    {
        var departing = await UserAsync("cli-leaver");
        var heir = await UserAsync("cli-heir");
        foreach (var price in new[] { 10m, 20m }) await TaskAsync(await ClientWithRevenueAsync(departing.Id, price), departing.Id);

        var run = await CliProcess.RunAsync(["handover", "--email", departing.Email, "--to", heir.Email, "--db", App.DbSetting, "--culture", "en"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.StdoutLines, l => l == "Reassigned 2 of 2 clients, 2 open tasks moved, 2 introduction tasks.");
        Assert.Equal((0, 0), await HeldByAsync(departing.Id));
        Assert.Equal((2, 4), await HeldByAsync(heir.Id));
        var tasks = await TaskCountAsync();

        var again = await CliProcess.RunAsync(["handover", "--email", departing.Email, "--db", App.DbSetting, "--culture", "de"]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(again.StdoutLines, l => l == "2 von 2 Kunden übertragen, 2 offene Aufgaben verschoben, 2 Vorstellungsaufgaben.");
        Assert.Equal(tasks, await TaskCountAsync());

        var wrong = await CliProcess.RunAsync(["handover", "--email", heir.Email, "--to", heir.Email, "--db", App.DbSetting, "--culture", "en"]);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("cannot take over clients", wrong.Stderr);
        Assert.Equal((2, 4), await HeldByAsync(heir.Id));
        Assert.True(await App.ReadAsync(db => db.Set<Employee>().Where(e => e.Id == heir.Id).Select(e => e.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task The_managers_load_counts_classes_against_the_owners_capacity_and_flags_uncontacted_class_A_clients()
    {
        var busy = await UserAsync("busy");
        var marketer = await UserAsync("marketer", EmployeeRole.Marketer);
        // By far the largest client of this base: class A.
        var key = await ClientWithRevenueAsync(busy.Id, 5_000_000m);
        await TaskAsync(key, busy.Id);
        await PostIdAsync("/api/v1/tasks", new { clientId = key, title = "Overdue", dueAt = DateTime.UtcNow.AddDays(-2).ToString("O", CultureInfo.InvariantCulture), assigneeId = busy.Id });
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/managers-load/settings", new { uncontactedDaysA = 0, capacity = 2 }), "uncontactedDaysA");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/managers-load/settings", new { uncontactedDaysA = 30, capacity = -1 }), "capacity");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(busy.Http, HttpMethod.Put, "/api/v1/analytics/managers-load/settings", "{\"uncontactedDaysA\":30,\"capacity\":2}")).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var load = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/managers-load/settings", new { uncontactedDaysA = 30, capacity = 2 }));

        Assert.Equal((30, 2), (load.GetProperty("uncontactedDaysA").GetInt32(), load.GetProperty("capacity").GetInt32()));
        var row = load.GetProperty("managers").EnumerateArray().Single(m => m.GetProperty("employeeId").GetInt64() == busy.Id);
        // One class A client (weight 3) against 2: 150 %, never contacted, two open tasks of which one overdue.
        Assert.Equal((1, 3, 1.5, true, 1, 2, 1), (row.GetProperty("classA").GetInt32(), row.GetProperty("load").GetInt32(), row.GetProperty("loadShare").GetDouble(),
            row.GetProperty("overCapacity").GetBoolean(), row.GetProperty("uncontactedA").GetInt32(), row.GetProperty("openTasks").GetInt32(), row.GetProperty("overdueTasks").GetInt32()));

        // A call today: no longer uncontacted. The manager's own view holds only them.
        await PostIdAsync("/api/v1/interactions", new { clientId = key, employeeId = busy.Id, kind = "Call", occurredAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        var own = await JsonAsync(await busy.Http.GetAsync("/api/v1/analytics/managers-load"));
        var mine = Assert.Single(own.GetProperty("managers").EnumerateArray());
        Assert.Equal(0, mine.GetProperty("uncontactedA").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.Http.GetAsync("/api/v1/analytics/managers-load")).StatusCode);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class HandoverTestsOnSqlite(SqliteApp fixture) : HandoverTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-4")]
public sealed class HandoverTestsOnPostgres(PostgresApp fixture) : HandoverTests(fixture), IClassFixture<PostgresApp>;
