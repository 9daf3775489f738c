using System.Net;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using static Clientele.Tests.Identity.SignInKit;

namespace Clientele.Tests.Identity;

/// <summary>The owner's user administration: deactivation and role changes cut off sessions and tokens at once.</summary>
public abstract class UserAdministrationTests(AppFixture fixture) : ApiTest(fixture)
{
    private SignInKit Accounts => new(App);

    private Task<HttpResponseMessage> PatchAsync(long id, object body) => SendAsync(HttpMethod.Patch, $"/api/v1/users/{id}", body);

    [Fact]
    public async Task Deactivating_a_user_ends_their_cookie_sessions_and_tokens_at_once()
    {
        var (user, email) = await Accounts.NewUserAsync();
        var browser = await Accounts.SignedInAsync(email);
        var token = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "laptop"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/clients")).StatusCode);

        var row = await JsonAsync(await PatchAsync(user.Id, new { isActive = false }));

        Assert.False(row.GetProperty("isActive").GetBoolean());
        Assert.Equal(0, row.GetProperty("activeSessions").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal("invalid", await ReasonAsync(await SignInAsync(Accounts.Browser(), email)));
    }

    [Fact]
    public async Task Changing_a_role_ends_the_sessions_so_the_next_sign_in_carries_the_new_role()
    {
        var (user, email) = await Accounts.NewUserAsync(EmployeeRole.Manager);
        var browser = await Accounts.SignedInAsync(email);

        var row = await JsonAsync(await PatchAsync(user.Id, new { role = "analyst" }));

        Assert.Equal("analyst", row.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/account/sessions")).StatusCode);
        var again = await JsonAsync(await SignInAsync(Accounts.Browser(), email));
        Assert.Equal("analyst", again.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_reactivated_user_can_sign_in_again_and_the_team_lead_is_kept()
    {
        var (lead, _) = await Accounts.NewUserAsync(EmployeeRole.Manager);
        var (user, email) = await Accounts.NewUserAsync();
        await JsonAsync(await PatchAsync(user.Id, new { isActive = false }));

        var row = await JsonAsync(await PatchAsync(user.Id, new { isActive = true, teamLeadId = lead.Id }));

        Assert.True(row.GetProperty("isActive").GetBoolean());
        Assert.Equal(lead.Id, row.GetProperty("teamLeadId").GetInt64());
        await JsonAsync(await SignInAsync(Accounts.Browser(), email));
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await PatchAsync(user.Id, new { teamLeadId = (long?)null }))).GetProperty("teamLeadId").ValueKind);
    }

    [Theory]
    [InlineData("""{"role":"emperor"}""", "role")]
    [InlineData("""{"role":7}""", "role")]
    [InlineData("""{"role":"1"}""", "role")]
    [InlineData("""{"isActive":"no"}""", "isActive")]
    [InlineData("""{"teamLeadId":"x"}""", "teamLeadId")]
    [InlineData("""{"teamLeadId":999999}""", "teamLeadId")]
    [InlineData("""{"email":"a@b.c"}""", "email")]
    public async Task Bad_changes_are_a_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var (user, email) = await Accounts.NewUserAsync();
        var browser = await Accounts.SignedInAsync(email);
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/users/{user.Id}", body), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task Leading_ones_own_team_is_refused()
    {
        var (user, _) = await Accounts.NewUserAsync();
        await AssertInvalidAsync(await PatchAsync(user.Id, new { teamLeadId = user.Id }), "teamLeadId");
    }

    [Fact]
    public async Task A_missing_user_is_404_and_the_owner_cannot_deactivate_themselves()
    {
        await AssertProblemAsync(await PatchAsync(987654, new { isActive = false }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await PatchAsync(App.OwnerId, new { isActive = false }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await PatchAsync(App.OwnerId, new { role = "manager" }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/v1/users")).StatusCode);
    }

    [Theory]
    [InlineData(EmployeeRole.Manager)]
    [InlineData(EmployeeRole.Marketer)]
    [InlineData(EmployeeRole.Analyst)]
    public async Task Only_the_owner_administers_users(EmployeeRole role)
    {
        var (caller, _) = await Accounts.NewUserAsync(role);
        var (target, _) = await Accounts.NewUserAsync();
        var http = App.ClientWithToken(await App.IssueTokenAsync(caller.Id, "t"));

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PatchAsync($"/api/v1/users/{target.Id}", JsonContent("""{"isActive":false}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PutAsync("/api/v1/sign-in-policy", JsonContent("""{"idleTimeoutMinutes":1,"absoluteLifetimeHours":1,"twoFactorRequired":true}"""))).StatusCode);
        var row = (await GetJsonAsync("/api/v1/users")).EnumerateArray().Single(u => Id(u) == target.Id);
        Assert.True(row.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Policy_values_out_of_range_are_a_400_naming_the_field()
    {
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/sign-in-policy", new { idleTimeoutMinutes = 0, absoluteLifetimeHours = 12, twoFactorRequired = false }), "idleTimeoutMinutes");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/sign-in-policy", new { idleTimeoutMinutes = 30, absoluteLifetimeHours = 1000, twoFactorRequired = false }), "absoluteLifetimeHours");
        var policy = await GetJsonAsync("/api/v1/sign-in-policy");
        Assert.Equal(30, policy.GetProperty("idleTimeoutMinutes").GetInt32());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class UserAdministrationTestsOnSqlite(SqliteApp fixture) : UserAdministrationTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class UserAdministrationTestsOnPostgres(PostgresApp fixture) : UserAdministrationTests(fixture), IClassFixture<PostgresApp>;
