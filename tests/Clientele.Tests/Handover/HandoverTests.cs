using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Handover;
using Clientele.Features.Campaigns;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Handover;

/// <summary>
/// The offboarding flow through the API (and the command line), on one app per class; the reports it rests on (key-person
/// risk, managers' load, the scorecard) are in HandoverTests.Reports.cs.
/// </summary>
public abstract partial class HandoverTests(AppFixture fixture) : ApiTest(fixture)
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

    private Task<long> DealAsync(long clientId, long managerId) => PostIdAsync("/api/v1/deals", new { clientId, title = "Renewal", value = 1_000m, currency = "RUB", managerId });

    private Task<(int Clients, int OpenTasks)> HeldByAsync(long employeeId) => App.ReadAsync(async db =>
        (await db.Clients.CountAsync(c => c.ManagerId == employeeId), await db.Tasks.CountAsync(t => t.AssigneeId == employeeId && !t.Done)));

    /// <summary>Clients (as manager or co-manager), open tasks, open deals and items to fix not closed that still name the employee as responsible.</summary>
    private Task<(int Clients, int OpenTasks, int OpenDeals, int OpenLoopItems)> ResponsibleAsync(long employeeId) => App.ReadAsync(async db =>
        (await db.Clients.CountAsync(c => c.ManagerId == employeeId) + await db.ClientCoManagers.CountAsync(m => m.EmployeeId == employeeId),
            await db.Tasks.CountAsync(t => t.AssigneeId == employeeId && !t.Done),
            await db.Set<Deal>().CountAsync(d => d.ManagerId == employeeId && d.Stage!.Outcome == StageOutcome.Open),
            await db.LoopItems.CountAsync(l => l.OwnerId == employeeId && l.ClosedAt == null)));

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
        var bigDeal = await DealAsync(big, departing.Id);
        var foreignDeal = await DealAsync(elsewhere, departing.Id);
        // Her client's survey answer below 10 opened an item to fix that she owns; she also owns one on the colleague's
        // client and is the second manager of another of the colleague's clients.
        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = big, satisfaction = 6 }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = elsewhere, satisfaction = 5 }), HttpStatusCode.Created);
        var foreignItem = await App.ReadAsync(db => db.LoopItems.Where(l => l.ClientId == elsewhere).Select(l => l.Id).SingleAsync());
        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/loop-items/{foreignItem}", new { ownerId = departing.Id }));
        var coManaged = Id(await CreateClientAsync(Unique("Co-managed "), new { managerId = first.Id, coManagerIds = new[] { departing.Id } }));
        Assert.Equal((4, 4, 2, 2), await ResponsibleAsync(departing.Id));
        Assert.Equal(HttpStatusCode.OK, (await departing.Http.GetAsync("/api/v1/tasks/mine")).StatusCode);
        // Before leaving, the manager writes what the successor should know about the big client (not about a colleague's).
        const string NoteText = "The buyer decides in the first week of the month; never call before 11.";
        var note = await JsonAsync(await SendAsync(departing.Http, HttpMethod.Put, $"/api/v1/clients/{big}/handover-note", JsonSerializer.Serialize(new { text = NoteText })));
        Assert.Equal(departing.Id, note.GetProperty("authorId").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(departing.Http, HttpMethod.Put, $"/api/v1/clients/{elsewhere}/handover-note", "{\"text\":\"x\"}")).StatusCode);
        await PostIdAsync("/api/v1/contact-persons", new { clientId = big, name = "Olga Käufer", emails = new[] { "olga@big.test" }, preferredLanguage = "de" });
        // The last thing she does: take a file out. The review must show it.
        await departing.Http.GetAsync("/api/v1/analytics/manager-scorecard/export?format=csv");

        var started = await JsonAsync(await PostAsync("/api/v1/handovers", new { employeeId = departing.Id }), HttpStatusCode.Created);
        var id = Id(started);

        // Deactivated at once: the departing manager's token no longer opens anything.
        Assert.Equal(HttpStatusCode.Unauthorized, (await departing.Http.GetAsync("/api/v1/tasks/mine")).StatusCode);
        Assert.Equal(3, started.GetProperty("clients").GetInt32());
        Assert.Equal("reassign", started.GetProperty("step").GetString());
        var rows = started.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(big, rows[0].GetProperty("clientId").GetInt64());
        Assert.All(rows, r => Assert.True(r.GetProperty("suggestedId").ValueKind == JsonValueKind.Number));
        // No lifetime value was computed for these new clients: "not computed", not 0.
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("clv").ValueKind));
        Assert.NotEmpty(started.GetProperty("exports").EnumerateArray());

        // The biggest client one by one, the rest to the suggestions among the two heirs.
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { assignments = new[] { new { clientId = big, successorId = second.Id } } }));
        var reassigned = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { suggested = true, successorIds = new[] { first.Id, second.Id } }));
        Assert.Equal(3, reassigned.GetProperty("reassigned").GetInt32());
        var introduced = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/introduce", new { email = true }));
        Assert.Equal(3, introduced.GetProperty("introduced").GetInt32());
        Assert.Equal(1, introduced.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("introMailQueued").GetBoolean()));
        var finished = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/finish", new { }));
        Assert.Equal("follow", finished.GetProperty("step").GetString());

        // Nothing names the departed manager as responsible: no client (nor as second manager), open task, open deal or item to fix.
        Assert.Equal((0, 0, 0, 0), await ResponsibleAsync(departing.Id));
        var (bigItemOwner, foreignItemOwner, seconds) = await App.ReadAsync(async db => (
            await db.LoopItems.Where(l => l.ClientId == big).Select(l => l.OwnerId).SingleAsync(),
            await db.LoopItems.Where(l => l.Id == foreignItem).Select(l => l.OwnerId).SingleAsync(),
            await db.ClientCoManagers.CountAsync(m => m.ClientId == coManaged)));
        Assert.Equal((second.Id, first.Id, 0), (bigItemOwner!.Value, foreignItemOwner!.Value, seconds));
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
        // The open deal went with its client; the one on a colleague's client to that client's manager.
        var deals = await App.ReadAsync(db => db.Set<Deal>().Where(d => d.Id == bigDeal || d.Id == foreignDeal).ToDictionaryAsync(d => d.Id, d => d.ManagerId));
        Assert.Equal((second.Id, first.Id), (deals[bigDeal]!.Value, deals[foreignDeal]!.Value));
        // The successor reads the note in the introduction task, in their language.
        var bigIntro = introductions.Single(t => t.ClientId == big);
        Assert.Contains("Заметка для преемника: " + NoteText, string.Join(" ", Message.ParseAll(bigIntro.Details)!.Select(m => m.Render(CultureInfo.GetCultureInfo("ru")))));
        // One introduction e-mail, to the only contact person with an address, transactional, in her language.
        var mail = await App.ReadAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.ClientId == big));
        Assert.Equal((OutboxKind.Transactional, "de", "olga@big.test", (long?)null), (mail.Kind, mail.Language, mail.Address, mail.CampaignId));
        var worded = Message.ParseAll(mail.Notice)!.Select(m => m.Render(CultureInfo.GetCultureInfo("de"))).ToList();
        Assert.StartsWith("Ihr neuer Betreuer", worded[0]);
        Assert.Contains(worded, line => line.Contains(second.Email, StringComparison.Ordinal));

        // Every step is in the audit trail: the start, both reassignments, the introductions, the colleague's task and
        // deal moved at the finish, the finish.
        var audited = await AuditedStepsAsync(id);
        Assert.Equal(6, audited);

        // Everything again: the same run, nothing new.
        var tasksBefore = await TaskCountAsync();
        var again = await JsonAsync(await PostAsync("/api/v1/handovers", new { employeeId = departing.Id }));
        Assert.Equal(id, Id(again));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { suggested = true }));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/introduce", new { email = true }));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/finish", new { }));
        Assert.Equal(tasksBefore, await TaskCountAsync());
        Assert.Equal(1, await App.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.ClientId == big || m.ClientId == small || m.ClientId == none)));
        Assert.Equal((0, 0, 0, 0), await ResponsibleAsync(departing.Id));
        Assert.Equal(1, await App.ReadAsync(db => db.Set<HandoverRun>().CountAsync(h => h.DepartingId == departing.Id)));
        Assert.Equal(audited, await AuditedStepsAsync(id));

        var report = await GetJsonAsync($"/api/v1/handovers/{id}/report");
        Assert.Equal(3, report.GetProperty("clients").GetInt32());
        Assert.Equal(0, report.GetProperty("contactedInTime").GetInt32());
        // Both purchases fall in the six months before the hand-over's month or in it, whichever month "10 days ago" was.
        Assert.Equal(90_500m, report.GetProperty("revenueBefore").GetDecimal() + report.GetProperty("revenueAfter").GetDecimal());
        // The successor calls the big client now: contacted in time.
        await PostIdAsync("/api/v1/interactions", new { clientId = big, employeeId = second.Id, kind = "Call", occurredAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        report = await GetJsonAsync($"/api/v1/handovers/{id}/report");
        Assert.Equal(1, report.GetProperty("contactedInTime").GetInt32());
        // The small client leaves for its price: lost within six months, with the reason in the reader's language.
        await JsonAsync(await SendAsync(HttpMethod.Post, $"/api/v1/clients/{small}/lost", new { reasonCode = "price" }));
        var german = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/handovers/{id}/report");
        german.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));
        report = await JsonAsync(await Http.SendAsync(german));
        Assert.Equal(1, report.GetProperty("lost").GetInt32());
        var lostRow = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("lost").GetBoolean());
        Assert.Equal((small, "Preis"), (lostRow.GetProperty("clientId").GetInt64(), lostRow.GetProperty("lossReason").GetString()));
    }

    /// <summary>The run's step entries: those that say in words what a step did (beside them, the trail captures the rows each save changed).</summary>
    private async Task<int> AuditedStepsAsync(long handoverId) =>
        (await App.ReadAsync(db => db.Set<AuditEntry>().Where(e => e.Entity == nameof(HandoverRun) && e.EntityId == handoverId).Select(e => e.Detail).ToListAsync()))
        .Count(d => Message.Parse(d)?.Resource == typeof(HandoverText));

    [Fact]
    public async Task Merging_two_clients_of_one_hand_over_keeps_one_row_and_one_introduction()
    {
        var departing = await UserAsync("merge-leaver");
        var heir = await UserAsync("merge-heir");
        var kept = await ClientWithRevenueAsync(departing.Id, 2_000m);
        var twin = await ClientWithRevenueAsync(departing.Id, 1_000m);
        var id = Id(await JsonAsync(await PostAsync("/api/v1/handovers", new { employeeId = departing.Id }), HttpStatusCode.Created));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/reassign", new { suggested = true, successorIds = new[] { heir.Id } }));

        // Both turn out to be one company, merged half-way through the hand-over: the run's row of the merged one goes.
        await JsonAsync(await PostAsync("/api/v1/duplicates/merge", new { keepId = kept, mergeId = twin }));
        var review = await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/introduce", new { }));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/finish", new { }));
        await JsonAsync(await PostAsync($"/api/v1/handovers/{id}/introduce", new { }));

        Assert.Equal((1, 1), (review.GetProperty("clients").GetInt32(), review.GetProperty("introduced").GetInt32()));
        Assert.Equal(kept, Assert.Single(review.GetProperty("rows").EnumerateArray()).GetProperty("clientId").GetInt64());
        var introductions = await App.ReadAsync(db => db.Tasks.Where(t => t.ClientId == kept || t.ClientId == twin).Select(t => t.Title).ToListAsync());
        Assert.Single(introductions, t => Message.Parse(t) is not null);
        Assert.Equal((0, 0, 0, 0), await ResponsibleAsync(departing.Id));
        var report = await GetJsonAsync($"/api/v1/handovers/{id}/report");
        Assert.Equal(3_000m, Assert.Single(report.GetProperty("rows").EnumerateArray()).GetProperty("revenueAfter").GetDecimal()
            + report.GetProperty("revenueBefore").GetDecimal());
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
    public async Task A_refused_hand_over_note_keeps_the_one_before()
    {
        var manager = await UserAsync("noter");
        var client = await ClientWithRevenueAsync(manager.Id, 100m);
        await JsonAsync(await SendAsync(manager.Http, HttpMethod.Put, $"/api/v1/clients/{client}/handover-note", "{\"text\":\"Prefers e-mail.\"}"));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, $"/api/v1/clients/{client}/handover-note", new { text = "   " }), "text");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, $"/api/v1/clients/{client}/handover-note", new { text = new string('x', 1001) }), "text");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal("Prefers e-mail.", (await JsonAsync(await manager.Http.GetAsync($"/api/v1/clients/{client}/handover-note"))).GetProperty("text").GetString());
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class HandoverTestsOnSqlite(SqliteApp fixture) : HandoverTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class HandoverTestsOnPostgres(PostgresApp fixture) : HandoverTests(fixture), IClassFixture<PostgresApp>;
