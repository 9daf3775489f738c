using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Groups;

/// <summary>Client groups: CRUD with versions, members by hand and by rule, the groups of a client.</summary>
public abstract class GroupsTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> CreateGroupAsync(object body) =>
        await JsonAsync(await PostAsync("/api/v1/groups", body), HttpStatusCode.Created);

    private async Task<JsonElement> RowAsync(long groupId) =>
        (await GetJsonAsync("/api/v1/groups")).EnumerateArray().Single(g => Id(g) == groupId);

    private async Task<List<(long Id, bool ByHand, bool ByRule)>> MembersAsync(long groupId) =>
        [.. (await GetJsonAsync($"/api/v1/groups/{groupId}/clients")).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("clientId").GetInt64(), m.GetProperty("byHand").GetBoolean(), m.GetProperty("byRule").GetBoolean()))];

    private async Task BuyAsync(long clientId, decimal amount)
    {
        var date = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-ddT10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = amount } } }),
            HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_seeded_groups_are_listed_with_their_strategies()
    {
        var groups = await GetJsonAsync("/api/v1/groups");

        var presets = groups.EnumerateArray().Select(g => g.GetProperty("preset").GetString()).ToList();
        Assert.Contains("Productive", presets);
        Assert.Contains("Image", presets);
        Assert.Contains("Prospective", presets);
        Assert.All(groups.EnumerateArray().Where(g => g.GetProperty("preset").GetString() != "None"),
            g => Assert.False(string.IsNullOrWhiteSpace(g.GetProperty("strategy").GetString())));
    }

    [Fact]
    public async Task A_rule_group_has_exactly_the_clients_its_rule_matches()
    {
        var industry = Unique("Bakeries ");
        var dealer = Id(await CreateClientAsync(Unique("Dealer "), new { industry, role = "Dealer" }));
        var bigDealer = Id(await CreateClientAsync(Unique("Big dealer "), new { industry = industry.ToUpperInvariant(), role = "Dealer", size = "Large" }));
        await CreateClientAsync(Unique("End customer "), new { industry, role = "EndCustomer" });
        await CreateClientAsync(Unique("Other dealer "), new { industry = "Steel", role = "Dealer" });
        await BuyAsync(bigDealer, 60_000m);
        await BuyAsync(dealer, 5_000m);

        var dealers = Id(await CreateGroupAsync(new { name = Unique("Bakery dealers "), rule = new { industries = new[] { industry }, roles = new[] { "Dealer" } } }));
        var big = Id(await CreateGroupAsync(new { name = Unique("Big bakery dealers "), rule = new { industries = new[] { industry }, minRevenue12Months = 50_000m } }));

        Assert.Equal([(bigDealer, false, true), (dealer, false, true)], (await MembersAsync(dealers)).OrderByDescending(m => m.Id == bigDealer));
        Assert.Equal([(bigDealer, false, true)], await MembersAsync(big));
        var row = await RowAsync(dealers);
        Assert.Equal((0, 2, 2), (row.GetProperty("byHand").GetInt32(), row.GetProperty("byRule").GetInt32(), row.GetProperty("members").GetInt32()));

        var ofBig = await GetJsonAsync($"/api/v1/clients/{bigDealer}/groups");
        Assert.Equal([dealers, big], ofBig.EnumerateArray().Select(g => g.GetProperty("groupId").GetInt64()).Order());
    }

    [Fact]
    public async Task Members_by_hand_join_those_by_rule_and_leave_again()
    {
        var region = Unique("Region ");
        var matching = Id(await CreateClientAsync(Unique("Local "), new { region }));
        var picked = Id(await CreateClientAsync(Unique("Picked ")));
        var group = Id(await CreateGroupAsync(new { name = Unique("Locals "), strategy = "Visit twice a year", rule = new { regions = new[] { region } } }));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/{picked}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/{picked}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/{matching}")).StatusCode);

        Assert.Equal([(matching, true, true), (picked, true, false)], (await MembersAsync(group)).OrderBy(m => m.Id != matching));
        var row = await RowAsync(group);
        Assert.Equal((2, 1, 2), (row.GetProperty("byHand").GetInt32(), row.GetProperty("byRule").GetInt32(), row.GetProperty("members").GetInt32()));
        var ofPicked = (await GetJsonAsync($"/api/v1/clients/{picked}/groups")).EnumerateArray().Single();
        Assert.Equal((group, true, false), (ofPicked.GetProperty("groupId").GetInt64(), ofPicked.GetProperty("byHand").GetBoolean(), ofPicked.GetProperty("byRule").GetBoolean()));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/groups/{group}/members/{picked}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/groups/{group}/members/{matching}")).StatusCode);
        // Taken out by hand, the matching client stays a member by rule.
        Assert.Equal([(matching, false, true)], await MembersAsync(group));
        Assert.Empty((await GetJsonAsync($"/api/v1/clients/{picked}/groups")).EnumerateArray());
        await AssertProblemAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/groups/{group}/members/{picked}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_groups_and_clients_are_404_and_change_nothing()
    {
        var client = Id(await CreateClientAsync(Unique("Lonely ")));
        var group = Id(await CreateGroupAsync(new { name = Unique("Empty ") }));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/987654"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/groups/987654/members/{client}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.GetAsync("/api/v1/groups/987654/clients"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.GetAsync("/api/v1/clients/987654/groups"), HttpStatusCode.NotFound);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_group_is_renamed_with_its_version_and_a_stale_version_is_412()
    {
        var created = await JsonAsync(await PostAsync("/api/v1/groups", new { name = Unique("Draft ") }), HttpStatusCode.Created);
        var id = Id(created);
        var name = Unique("Key accounts ");

        var renamed = await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/groups/{id}",
            $$$"""{"name":"{{{name}}}","strategy":"Call monthly","rule":{"sizes":["Large"]}}""", ifMatch: "\"1\""));

        Assert.Equal((name, "Call monthly", 2L), (renamed.GetProperty("name").GetString(), renamed.GetProperty("strategy").GetString(), renamed.GetProperty("version").GetInt64()));
        Assert.Equal("Large", renamed.GetProperty("rule").GetProperty("sizes")[0].GetString());
        var before = await DbSnapshot.TakeAsync(App);
        await AssertProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/groups/{id}", """{"name":"Lost update"}""", ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed);
        await AssertProblemAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/groups/{id}", ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var cleared = await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/groups/{id}", """{"rule":null}""", ifMatch: "\"2\""));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("rule").ValueKind);
        Assert.Null(await App.ReadAsync(db => db.ClientGroups.Where(g => g.Id == id).Select(g => g.Rule).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/groups/{id}", ifMatch: "\"3\"")).StatusCode);
        await AssertProblemAsync(await Http.GetAsync($"/api/v1/groups/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_group_takes_its_hand_made_memberships_and_leaves_the_clients()
    {
        var client = Id(await CreateClientAsync(Unique("Member ")));
        var group = Id(await CreateGroupAsync(new { name = Unique("Short-lived ") }));
        await SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/{client}");

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/groups/{group}")).StatusCode);

        Assert.Equal(0, await App.ReadAsync(db => db.ClientGroupMembers.CountAsync(m => m.GroupId == group)));
        await GetJsonAsync($"/api/v1/clients/{client}");
    }

    public static TheoryData<string, string> BadGroups => new()
    {
        { """{}""", "name" },
        { """{"name":"   "}""", "name" },
        { """{"name":"{long}"}""", "name" },
        { """{"name":"productive"}""", "name" },
        { """{"name":"Fine","strategy":"{longer}"}""", "strategy" },
        { """{"name":"Fine","rule":{"sizes":[42]}}""", "rule.sizes[0]" },
        { """{"name":"Fine","rule":{"tags":["{long}"]}}""", "rule.tags[0]" },
        { """{"name":"Fine","rule":{"minRevenue12Months":-5}}""", "rule.minRevenue12Months" },
        { """{"name":"Fine","rule":{"roles":"Dealer"}}""", "rule.roles" },
    };

    [Theory]
    [MemberData(nameof(BadGroups))]
    public async Task A_bad_group_is_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var existing = Id(await CreateGroupAsync(new { name = Unique("Existing ") }));
        var body = json.Replace("{long}", new string('Щ', 101), StringComparison.Ordinal).Replace("{longer}", new string('ы', 1001), StringComparison.Ordinal);
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendAsync(HttpMethod.Post, "/api/v1/groups", body), field);
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, $"/api/v1/groups/{existing}", body), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Anyone_signed_in_sees_groups_but_a_manager_cannot_change_them()
    {
        var manager = await ManagerAsync();
        // Made by the manager, so it is theirs: a manager sees only their own clients.
        var client = Id(await JsonAsync(await manager.PostAsJsonAsync("/api/v1/clients", new { name = Unique("Watched ") }), HttpStatusCode.Created));
        var group = Id(await CreateGroupAsync(new { name = Unique("Owner's ") }));

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/groups")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/groups/{group}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/groups/{group}/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/clients/{client}/groups")).StatusCode);
        await AssertOwnerOnlyAsync(HttpMethod.Post, "/api/v1/groups", """{"name":"Sneaky"}""");
        await AssertOwnerOnlyAsync(HttpMethod.Put, $"/api/v1/groups/{group}", """{"name":"Sneaky"}""");
        await AssertOwnerOnlyAsync(HttpMethod.Patch, $"/api/v1/groups/{group}", """{"name":"Sneaky"}""");
        await AssertOwnerOnlyAsync(HttpMethod.Delete, $"/api/v1/groups/{group}");
        await AssertOwnerOnlyAsync(HttpMethod.Put, $"/api/v1/groups/{group}/members/{client}");
        await AssertOwnerOnlyAsync(HttpMethod.Delete, $"/api/v1/groups/{group}/members/{client}");
    }
}

public sealed class GroupsTestsOnSqlite(SqliteApp fixture) : GroupsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class GroupsTestsOnPostgres(PostgresApp fixture) : GroupsTests(fixture), IClassFixture<PostgresApp>;
