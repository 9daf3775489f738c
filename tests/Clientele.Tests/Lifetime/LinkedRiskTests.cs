using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Lifetime;

/// <summary>
/// Issue 23 through the API: clients tied to one that left are flagged (and only they), each reader sees their own, and
/// widening the class A single-thread relationships makes its tasks and co-managers once. One app per class.
/// </summary>
public abstract partial class LinkedRiskTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string Recently = DateTime.UtcNow.AddDays(-10).ToString("O", CultureInfo.InvariantCulture);

    private async Task<(long Id, HttpClient Http)> UserAsync(string prefix, EmployeeRole role)
    {
        var user = await App.AddUserAsync(Unique(prefix) + "@linked.test", role, Unique(prefix + " "));
        return (user.Id, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "linked")));
    }

    private async Task<(long Id, string Name)> ClientAsync(string prefix, long managerId, long? referredById = null, long? servedThroughId = null, string role = "EndCustomer")
    {
        var name = Unique(prefix + " ");
        return (Id(await CreateClientAsync(name, new { managerId, status = 1, referredById, servedThroughId, role })), name);
    }

    private static async Task<Dictionary<long, JsonElement>> FlagsAsync(HttpClient http, IEnumerable<long> ofInterest)
    {
        var answer = await JsonAsync(await http.GetAsync("/api/v1/clients/linked-risk"));
        var wanted = ofInterest.ToHashSet();
        return answer.GetProperty("items").EnumerateArray().Where(r => wanted.Contains(r.GetProperty("clientId").GetInt64()))
            .ToDictionary(r => r.GetProperty("clientId").GetInt64());
    }

    private static long? Long(JsonElement row, string name) => row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetInt64();

    [Fact]
    public async Task A_loss_flags_the_referee_the_referrer_its_other_referees_and_group_mates_and_each_reader_sees_their_own()
    {
        var first = await UserAsync("first", EmployeeRole.Manager);
        var second = await UserAsync("second", EmployeeRole.Manager);
        var analyst = await UserAsync("analyst", EmployeeRole.Analyst);
        var marketer = await UserAsync("marketer", EmployeeRole.Marketer);
        // The referrer (first's) recommended the defector (second's) and a sibling (second's); the defector recommended a
        // referee (first's) and shares the owner's group with a mate (first's); a bystander (first's) and a member of a
        // strategy group only (first's) are tied to nothing that left.
        var referrer = await ClientAsync("Referrer", first.Id);
        // The defector is also served through a dealer (first's), as is a customer of that dealer (first's): "same dealer".
        var dealer = await ClientAsync("Dealer", first.Id, role: "Dealer");
        var defector = await ClientAsync("Vector", second.Id, referrer.Id, dealer.Id);
        var customer = await ClientAsync("Customer", first.Id, servedThroughId: dealer.Id);
        var sibling = await ClientAsync("Sibling", second.Id, referrer.Id);
        var referee = await ClientAsync("Referee", first.Id, defector.Id);
        var mate = await ClientAsync("Mate", first.Id);
        var bystander = await ClientAsync("Bystander", first.Id);
        var group = Id(await JsonAsync(await PostAsync("/api/v1/groups", new { name = Unique("Holding ") }), HttpStatusCode.Created));
        foreach (var member in new[] { defector.Id, mate.Id })
            Assert.True((await SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/{member}")).IsSuccessStatusCode);
        long[] all = [referrer.Id, defector.Id, sibling.Id, referee.Id, mate.Id, bystander.Id, customer.Id];
        Assert.Empty(await FlagsAsync(Http, all));

        var lostOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
        await JsonAsync(await PostAsync($"/api/v1/clients/{defector.Id}/lost", new { reasonCode = "price", lostOn = lostOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));

        // The owner: the five tied clients, each by its tie, with the lost client named; not the defector, not the bystander.
        var owner = await FlagsAsync(Http, all);
        Assert.Equal(new[] { referrer.Id, sibling.Id, referee.Id, mate.Id, customer.Id }.Order(), owner.Keys.Order());
        Assert.Equal(("SameDealer", dealer.Id), (owner[customer.Id].GetProperty("link").GetString(), Long(owner[customer.Id], "viaClientId")));
        Assert.Equal("ReferredLost", owner[referrer.Id].GetProperty("link").GetString());
        Assert.Equal(("SameReferrer", referrer.Id), (owner[sibling.Id].GetProperty("link").GetString(), Long(owner[sibling.Id], "viaClientId")));
        Assert.Equal("ReferredByLost", owner[referee.Id].GetProperty("link").GetString());
        Assert.Equal(("SameGroup", group), (owner[mate.Id].GetProperty("link").GetString(), Long(owner[mate.Id], "groupId")));
        Assert.All(owner.Values, r => Assert.Equal((defector.Id, defector.Name, lostOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (Long(r, "lostClientId")!.Value, r.GetProperty("lostClientName").GetString(), r.GetProperty("lostOn").GetString())));
        Assert.Equal(second.Id, Long(owner[sibling.Id], "managerId"));
        var narrowed = await JsonAsync(await Http.GetAsync($"/api/v1/clients/linked-risk?managerId={second.Id}"));
        Assert.Equal([sibling.Id], narrowed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("clientId").GetInt64()));

        // The first manager: their four tied clients; the defector is a colleague's, so it is not named.
        var mine = await FlagsAsync(first.Http, all);
        Assert.Equal(new[] { referrer.Id, referee.Id, mate.Id, customer.Id }.Order(), mine.Keys.Order());
        Assert.All(mine.Values, r => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (r.GetProperty("lostClientId").ValueKind, r.GetProperty("lostClientName").ValueKind)));
        var firstBody = await (await first.Http.GetAsync("/api/v1/clients/linked-risk")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(defector.Name, firstBody, StringComparison.Ordinal);
        // The second manager: the sibling only, with their own defector named and the first manager's referrer not.
        var theirs = await FlagsAsync(second.Http, all);
        Assert.Equal([sibling.Id], theirs.Keys);
        Assert.Equal((defector.Name, (long?)null), (theirs[sibling.Id].GetProperty("lostClientName").GetString(), Long(theirs[sibling.Id], "viaClientId")));
        // The analyst sees every flag with names masked; the marketer every flag, as on the at-risk list.
        var masked = await FlagsAsync(analyst.Http, all);
        Assert.Equal(5, masked.Count);
        Assert.All(masked.Values, r => Assert.StartsWith("Client #", r.GetProperty("clientName").GetString(), StringComparison.Ordinal));
        Assert.Equal(5, (await FlagsAsync(marketer.Http, all)).Count);
        // Each answer is on the audit trail with the clients it named.
        var audited = await App.ReadAsync(db => db.Set<AuditEntryClient>().Where(c => c.EmployeeId == first.Id && (c.Action == AuditAction.ClientsSearched || c.Action == AuditAction.ClientViewed))
            .Select(c => c.ClientId).Distinct().ToListAsync());
        Assert.Superset(new[] { referrer.Id, referee.Id, mate.Id }.ToHashSet(), audited.ToHashSet());

        // The owner's window: a loss 10 days back is outside 5 days; a refused setting changes nothing.
        var settings = await JsonAsync(await Http.GetAsync("/api/v1/analytics/churn-risk/settings"));
        Assert.Equal(90, settings.GetProperty("linkedLossDays").GetInt32());
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings.GetRawText())!;
        input.Remove("version");
        input["linkedLossDays"] = JsonSerializer.SerializeToElement(0);
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/churn-risk/settings", JsonSerializer.Serialize(input)), "linkedLossDays");
        Assert.Equal(90, (await JsonAsync(await Http.GetAsync("/api/v1/analytics/churn-risk/settings"))).GetProperty("linkedLossDays").GetInt32());
        input["linkedLossDays"] = JsonSerializer.SerializeToElement(5);
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/churn-risk/settings", JsonSerializer.Serialize(input)));
        Assert.Empty(await FlagsAsync(Http, all));
        input["linkedLossDays"] = JsonSerializer.SerializeToElement(90);
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/churn-risk/settings", JsonSerializer.Serialize(input)));
        // Won back, the defector flags nobody.
        Assert.Equal(HttpStatusCode.OK, (await Http.DeleteAsync($"/api/v1/clients/{defector.Id}/lost")).StatusCode);
        Assert.Empty(await FlagsAsync(Http, all));
    }

    [Fact]
    public async Task Widening_makes_its_tasks_and_co_manager_once_and_only_for_the_owner()
    {
        var keeper = await UserAsync("keeper", EmployeeRole.Manager);
        var colleague = await UserAsync("colleague", EmployeeRole.Manager);
        var marketer = await UserAsync("wmarketer", EmployeeRole.Marketer);
        // A client whose year runs through its manager and one contact person, with most of the base's revenue: class A.
        var key = await ClientAsync("Key", keeper.Id);
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = key.Id, date = Recently, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 5_000_000m } } }),
            HttpStatusCode.Created);
        var person = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = key.Id, name = "Irina Buyer" }), HttpStatusCode.Created));
        await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = key.Id, employeeId = keeper.Id, contactPersonId = person, kind = "Call", occurredAt = Recently }),
            HttpStatusCode.Created);
        var small = await ClientAsync("Small", colleague.Id);
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = small.Id, date = Recently, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 100m } } }),
            HttpStatusCode.Created);

        foreach (var caller in new[] { keeper.Http, marketer.Http })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.GetAsync("/api/v1/analytics/key-person-risk/widening")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync("/api/v1/analytics/key-person-risk/widening", new { all = true })).StatusCode);
        }
        var plan = await JsonAsync(await Http.GetAsync("/api/v1/analytics/key-person-risk/widening"));
        var item = plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("clientId").GetInt64() == key.Id);
        Assert.True(item.GetProperty("introduceTask").GetBoolean() && item.GetProperty("contactTask").GetBoolean());
        var coManager = item.GetProperty("coManagerId").GetInt64();
        Assert.NotEqual(keeper.Id, coManager);
        Assert.DoesNotContain(plan.GetProperty("items").EnumerateArray(), i => i.GetProperty("clientId").GetInt64() == small.Id);

        // A post that names nothing, or both ways, is refused and changes nobody's clients.
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostAsync("/api/v1/analytics/key-person-risk/widening", new { }), "clientIds");
        await AssertInvalidAsync(await PostAsync("/api/v1/analytics/key-person-risk/widening", new { clientIds = Array.Empty<long>() }), "clientIds");
        await AssertInvalidAsync(await PostAsync("/api/v1/analytics/key-person-risk/widening", new { all = true, clientIds = new[] { key.Id } }), "all");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var versionBefore = await App.ReadAsync(db => db.Clients.Where(c => c.Id == key.Id).Select(c => c.Version).SingleAsync());
        var made = await JsonAsync(await PostAsync("/api/v1/analytics/key-person-risk/widening", new { clientIds = new[] { key.Id } }));
        Assert.Equal((1, 2, 1), (made.GetProperty("clients").GetInt32(), made.GetProperty("tasksCreated").GetInt32(), made.GetProperty("coManagersAssigned").GetInt32()));
        var (tasks, coManagers, version) = await App.ReadAsync(async db => (
            await db.Tasks.Where(t => t.ClientId == key.Id).ToListAsync(),
            await db.ClientCoManagers.Where(m => m.ClientId == key.Id).Select(m => m.EmployeeId).ToListAsync(),
            await db.Clients.Where(c => c.Id == key.Id).Select(c => c.Version).SingleAsync()));
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(keeper.Id, t.AssigneeId));
        var ru = tasks.Select(t => Message.Parse(t.Title)!.Render(CultureInfo.GetCultureInfo("ru"))).Order().ToList();
        Assert.Equal(["Найти второе контактное лицо у клиента " + key.Name, "Познакомить клиента " + key.Name + " со вторым сотрудником"], ru);
        Assert.Equal([coManager], coManagers);
        Assert.True(version > versionBefore);
        // The co-manager now sees the client, as co-managers do.
        Assert.Equal(HttpStatusCode.OK, (await App.ClientWithToken(await App.IssueTokenAsync(coManager, "co")).GetAsync($"/api/v1/clients/{key.Id}")).StatusCode);
        Assert.Equal(1, await App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Entity == "Widening")));

        // A second press: nothing new.
        var taskCount = await App.ReadAsync(db => db.Tasks.CountAsync());
        var again = await JsonAsync(await PostAsync("/api/v1/analytics/key-person-risk/widening", new { all = true }));
        Assert.Equal((0, 0), (again.GetProperty("tasksCreated").GetInt32(), again.GetProperty("coManagersAssigned").GetInt32()));
        Assert.Equal(taskCount, await App.ReadAsync(db => db.Tasks.CountAsync()));
        Assert.DoesNotContain((await JsonAsync(await Http.GetAsync("/api/v1/analytics/key-person-risk/widening"))).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("clientId").GetInt64() == key.Id);
    }
}

public sealed class LinkedRiskTestsOnSqlite(SqliteApp fixture) : LinkedRiskTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class LinkedRiskTestsOnPostgres(PostgresApp fixture) : LinkedRiskTests(fixture), IClassFixture<PostgresApp>;
