using System.Net;
using System.Text.Json;
using Clientele.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
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
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/api/v1/users", JsonContent($$"""{"email":"{{Unique("x")}}@team.test","role":"owner","password":"{{NewPassword}}"}"""))).StatusCode);
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

    private const string NewPassword = "Seven green lanterns";

    private static async Task<string?> AuditDetailAsync(ClienteleApp app, Clientele.Features.Audit.AuditAction action, long userId) =>
        await app.ReadAsync(db => db.Set<Clientele.Features.Audit.AuditEntry>().Where(e => e.Action == action && e.EntityId == userId && e.Detail != null && !e.Detail.StartsWith("{"))
            .OrderByDescending(e => e.Id).Select(e => e.Detail).FirstOrDefaultAsync());

    [Fact]
    public async Task The_owner_adds_a_user_who_signs_in_with_the_initial_password_and_the_trail_says_it_in_the_readers_words()
    {
        var email = Unique("new") + "@team.test";

        var row = await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/users", new { email = email.ToUpperInvariant(), displayName = " Nina Neu ", role = "analyst", password = NewPassword }), HttpStatusCode.Created);

        Assert.Equal((email, "Nina Neu", "analyst", true), (row.GetProperty("email").GetString(), row.GetProperty("displayName").GetString(), row.GetProperty("role").GetString(), row.GetProperty("isActive").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lastSignInAt").ValueKind);
        var signedIn = await JsonAsync(await SignInAsync(Accounts.Browser(), email, password: NewPassword));
        Assert.Equal("analyst", signedIn.GetProperty("role").GetString());
        var listed = (await GetJsonAsync("/api/v1/users")).EnumerateArray().Single(u => Id(u) == Id(row));
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastSignInAt").ValueKind);

        // Stored as a kind with values: the owner reads it in Russian, a German colleague in German.
        var stored = Message.Parse(await AuditDetailAsync(App, Clientele.Features.Audit.AuditAction.PermissionChanged, Id(row)));
        Assert.NotNull(stored);
        Assert.Equal("Пользователь Nina Neu добавлен с ролью «Аналитик».", stored.Render(System.Globalization.CultureInfo.GetCultureInfo("ru")));
        Assert.Equal("Nina Neu wurde als Analyst hinzugefügt.", stored.Render(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("""{"email":"not-an-address","role":"manager","password":"Seven green lanterns"}""", "email")]
    [InlineData("""{"email":"short@team.test","role":"manager","password":"too short"}""", "password")]
    [InlineData("""{"email":"role@team.test","role":"emperor","password":"Seven green lanterns"}""", "role")]
    [InlineData("""{"email":"norole@team.test","password":"Seven green lanterns"}""", "role")]
    [InlineData("""{"email":"extra@team.test","role":"manager","password":"Seven green lanterns","isAdmin":true}""", "isAdmin")]
    public async Task A_bad_new_user_is_a_400_naming_the_field_and_adds_nobody(string body, string field)
    {
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/users", body), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_taken_e_mail_is_a_409_in_the_callers_language_and_a_short_password_is_refused_in_it_too()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var before = await DbSnapshot.TakeAsync(App);

        using var taken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent($$"""{"email":"{{email}}","role":"manager","password":"{{NewPassword}}"}""") };
        taken.Headers.AcceptLanguage.ParseAdd("ru");
        var problem = await AssertProblemAsync(await Http.SendAsync(taken), HttpStatusCode.Conflict);
        Assert.Equal($"Пользователь с e-mail {email} уже есть.", problem.GetProperty("title").GetString());

        using var weak = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent("""{"email":"weak@team.test","role":"manager","password":"kurz"}""") };
        weak.Headers.AcceptLanguage.ParseAdd("de");
        var invalid = await AssertInvalidAsync(await Http.SendAsync(weak), "password");
        Assert.DoesNotContain("at least", invalid.GetProperty("errors").GetProperty("password")[0].GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_role_change_is_audited_as_a_kind_naming_both_roles_and_the_last_owner_is_told_why_not_in_their_language()
    {
        var (user, _) = await Accounts.NewUserAsync(EmployeeRole.Manager);

        await JsonAsync(await PatchAsync(user.Id, new { role = "marketer" }));

        var stored = Message.Parse(await AuditDetailAsync(App, Clientele.Features.Audit.AuditAction.RoleChanged, user.Id));
        Assert.Equal($"Rolle von {user.DisplayName} geändert: Manager → Marketing.", stored!.Render(System.Globalization.CultureInfo.GetCultureInfo("de")));

        var before = await DbSnapshot.TakeAsync(App);
        using var demote = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/users/{App.OwnerId}") { Content = JsonContent("""{"role":"manager"}""") };
        demote.Headers.AcceptLanguage.ParseAdd("ru");
        var refused = await AssertProblemAsync(await Http.SendAsync(demote), HttpStatusCode.Conflict);
        Assert.Matches("[а-я]", refused.GetProperty("title").GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class UserAdministrationTestsOnSqlite(SqliteApp fixture) : UserAdministrationTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class UserAdministrationTestsOnPostgres(PostgresApp fixture) : UserAdministrationTests(fixture), IClassFixture<PostgresApp>;
