using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Handover;

/// <summary>The reports the hand-over rests on: key-person risk with its trend, the managers' load, the scorecard.</summary>
public abstract partial class HandoverTests
{
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
        // The lifetime model has computed nothing for these clients yet: no CLV, and none at risk — not a 0.
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (singleRow.GetProperty("clv").ValueKind, row.GetProperty("clvAtRisk").ValueKind));

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

        // Stopped after the review: the account is cut off, the clients are listed with their risk, nothing is reassigned yet.
        var review = await CliProcess.RunAsync(["handover", "--email", departing.Email, "--to", heir.Email, "--review", "--db", App.DbSetting, "--culture", "en"]);

        Assert.True(review.ExitCode == 0, review.ToString());
        Assert.Equal(2, review.StdoutLines.Count(l => l.Contains(", CLV not computed, more than one thread; suggested successor: ", StringComparison.Ordinal)));
        Assert.Contains(review.StdoutLines, l => l.Trim() == "Exports: 0. Mass-access alerts: 0. Clients viewed: 0.");
        Assert.Equal((2, 2), await HeldByAsync(departing.Id));
        Assert.False(await App.ReadAsync(db => db.Set<Employee>().Where(e => e.Id == departing.Id).Select(e => e.IsActive).SingleAsync()));

        // Resumed: the rest of the flow, and the hand-over report at the end.
        var run = await CliProcess.RunAsync(["handover", "--email", departing.Email, "--to", heir.Email, "--report", "--db", App.DbSetting, "--culture", "en"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.StdoutLines, l => l == "Reassigned 2 of 2 clients, 2 open tasks moved, 2 introduction tasks.");
        Assert.Contains(run.StdoutLines, l => l == "Contacted in time: 0 of 2. Bought again: 0. Lost within 6 months: 0.");
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

    [Fact]
    public async Task The_scorecard_counts_each_managers_new_and_lost_clients_over_the_period_and_the_risk_report_has_its_trend()
    {
        var scored = await UserAsync("scored");
        var marketer = await UserAsync("marketer", EmployeeRole.Marketer);
        await ClientWithRevenueAsync(scored.Id, 4_000m);
        var leaving = await ClientWithRevenueAsync(scored.Id, 1_000m);
        await JsonAsync(await SendAsync(HttpMethod.Post, $"/api/v1/clients/{leaving}/lost", new { reasonCode = "price" }));

        var card = await GetJsonAsync("/api/v1/analytics/manager-scorecard");

        var rows = card.GetProperty("rows").EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("managerId").ValueKind == JsonValueKind.Number && r.GetProperty("managerId").GetInt64() == scored.Id);
        // Both clients were won in the period (today); one of them was lost in it, for its price, under this manager.
        Assert.Equal((2, 1, 1), (row.GetProperty("newClients").GetInt32(), row.GetProperty("lost").GetInt32(), row.GetProperty("lostByReason")[0].GetProperty("clients").GetInt32()));
        Assert.Equal(5_000m, row.GetProperty("revenue").GetProperty("current").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[^1].GetProperty("managerId").ValueKind);
        // The manager's own view: their row and the company as far as they see it.
        var own = (await JsonAsync(await scored.Http.GetAsync("/api/v1/analytics/manager-scorecard"))).GetProperty("rows");
        Assert.Equal(2, own.GetArrayLength());
        Assert.Equal(row.GetProperty("newClients").GetInt32(), own[1].GetProperty("newClients").GetInt32());
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/manager-scorecard?from=2026-13"), "from");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/manager-scorecard?from=2026-06&to=2026-01"), "from");
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.Http.GetAsync("/api/v1/analytics/manager-scorecard")).StatusCode);
        var csv = await Http.GetAsync("/api/v1/analytics/manager-scorecard/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(row.GetProperty("name").GetString()!, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The risk report's trend: twelve months, the last this month.
        var trend = (await GetJsonAsync("/api/v1/analytics/key-person-risk")).GetProperty("trend");
        Assert.Equal(12, trend.GetArrayLength());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), trend[11].GetProperty("month").GetString());
    }
}
