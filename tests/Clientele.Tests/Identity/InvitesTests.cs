using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Tests.Campaigns;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Identity;

/// <summary>
/// Invitations (issue 20): the owner invites by e-mail and role and gets a link to copy (or has it mailed through the
/// configured SMTP server); the invitee chooses their own name and password and signs in with them; a used, expired or
/// forged link answers with a page in the visitor's language and changes nothing; a refused invitation or acceptance
/// writes nothing; both ends are in the audit trail.
/// </summary>
public abstract class InvitesTests(AppFixture fixture, LoopbackSmtp smtp) : ApiTest(fixture)
{
    private const string Password = "Seven green lanterns";

    private async Task<JsonElement> InviteAsync(string email, string role = "manager", bool send = false, string? displayName = null) =>
        await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/users/invites", new { email, role, displayName, send }), HttpStatusCode.Created);

    private static string PathOf(JsonElement invite) => new Uri(invite.GetProperty("link").GetString()!).PathAndQuery;

    /// <summary>A visitor without an account, whose browser asks for <paramref name="language"/>.</summary>
    private HttpClient Visitor(string language)
    {
        var visitor = App.ClientWithToken(null);
        visitor.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return visitor;
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient visitor, string path, string? name, string? password) =>
        visitor.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["displayName"] = name ?? "", ["password"] = password ?? "" }));

    private static async Task<string> PageAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {html}");
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task An_invitee_opens_the_link_chooses_name_and_password_signs_in_and_the_link_is_then_used()
    {
        var email = Unique("invited") + "@team.test";
        var invite = await InviteAsync(email.ToUpperInvariant(), "analyst", displayName: "Nina");
        Assert.Equal((email, "analyst", false), (invite.GetProperty("email").GetString(), invite.GetProperty("role").GetString(), invite.GetProperty("mailed").GetBoolean()));
        var path = PathOf(invite);
        Assert.Contains(invite.GetProperty("id").GetInt64(), (await GetJsonAsync("/api/v1/users/invites")).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        var visitor = Visitor("ru-RU");
        var form = await PageAsync(await visitor.GetAsync(path), HttpStatusCode.OK);
        Assert.Contains($"Вас пригласили в Clientele с ролью «Аналитик» и e-mail {email}.", form);
        Assert.Contains("value=\"Nina\"", form);

        // A weak password is refused in the visitor's language, the typed name stays, and nothing is written.
        var before = await DbSnapshot.TakeAsync(App);
        var weak = await PageAsync(await AcceptAsync(visitor, path, "Nina Neu", "short"), HttpStatusCode.BadRequest);
        Assert.Contains("Пароль должен содержать не менее 12 символов.", weak);
        Assert.Contains("value=\"Nina Neu\"", weak);
        Assert.DoesNotContain("short", weak);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var done = await PageAsync(await AcceptAsync(visitor, path, " Nina Neu ", Password), HttpStatusCode.OK);
        Assert.Contains($"Ваша учётная запись готова: войдите с {email} и новым паролем.", done);
        var account = await App.ReadAsync(db => db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Email == email));
        Assert.Equal(("Nina Neu", EmployeeRole.Analyst, true), (account.DisplayName, account.Role, account.IsActive));
        var signedIn = await JsonAsync(await Visitor("en").PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = Password }));
        Assert.Equal("analyst", signedIn.GetProperty("role").GetString());

        // The link is used: opening or posting it again says so, in German for a German browser, and changes nothing.
        before = await DbSnapshot.TakeAsync(App);
        var german = Visitor("de-DE");
        Assert.Contains("Diese Einladung wurde bereits verwendet.", await PageAsync(await german.GetAsync(path), HttpStatusCode.Conflict));
        Assert.Contains("Diese Einladung wurde bereits verwendet.", await PageAsync(await AcceptAsync(german, path, "Mallory", "another long passphrase"), HttpStatusCode.Conflict));
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.DoesNotContain(invite.GetProperty("id").GetInt64(), (await GetJsonAsync("/api/v1/users/invites")).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        var trail = await App.ReadAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditAction.PermissionChanged && e.Entity == nameof(UserInvite) && e.EntityId == invite.GetProperty("id").GetInt64()).OrderBy(e => e.Id).Select(e => new { e.EmployeeId, e.Detail }).ToListAsync());
        Assert.Equal(2, trail.Count);
        Assert.Equal(App.OwnerId, trail[0].EmployeeId);
        Assert.Equal($"{email} was invited as Analyst.", Clientele.Infrastructure.Validation.Message.Parse(trail[0].Detail!)!.Render(System.Globalization.CultureInfo.GetCultureInfo("en")));
        Assert.Equal(account.Id, trail[1].EmployeeId);
        Assert.Equal("Nina Neu hat die Einladung angenommen und ist als Analyst dabei.", Clientele.Infrastructure.Validation.Message.Parse(trail[1].Detail!)!.Render(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public async Task An_expired_or_forged_link_gets_a_clear_page_and_changes_nothing()
    {
        var invite = await InviteAsync(Unique("late") + "@team.test");
        var path = PathOf(invite);
        var id = invite.GetProperty("id").GetInt64();
        // Expiry without waiting for the clock: the invitation's end is moved into the past.
        await App.ReadAsync(db => db.Set<UserInvite>().Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var before = await DbSnapshot.TakeAsync(App);
        var german = Visitor("de-DE");
        Assert.Contains("Diese Einladung ist abgelaufen.", await PageAsync(await german.GetAsync(path), HttpStatusCode.Gone));
        Assert.Contains("Срок действия приглашения истёк.", await PageAsync(await AcceptAsync(Visitor("ru-RU"), path, "Late", Password), HttpStatusCode.Gone));

        // Another invitation's id under this one's signature, a changed signature, and no signature at all.
        var other = await InviteAsync(Unique("other") + "@team.test");
        before = await DbSnapshot.TakeAsync(App);
        var signature = path[(path.IndexOf('.') + 1)..];
        foreach (var forged in new[] { $"/invite/{other.GetProperty("id").GetInt64()}.{signature}", path[..^2] + (path.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), $"/invite/{id}" })
        {
            Assert.Contains("Dieser Einladungslink ist ungültig.", await PageAsync(await german.GetAsync(forged), HttpStatusCode.NotFound));
            Assert.Contains("Dieser Einladungslink ist ungültig.", await PageAsync(await AcceptAsync(german, forged, "Mallory", Password), HttpStatusCode.NotFound));
        }
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_withdrawn_invitation_answers_in_the_visitors_language_makes_no_account_and_is_audited_once()
    {
        var email = Unique("withdrawn") + "@team.test";
        var invite = await InviteAsync(email, "marketer");
        var (id, path) = (invite.GetProperty("id").GetInt64(), PathOf(invite));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ManagerAsync()).DeleteAsync($"/api/v1/users/invites/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/users/invites/{id}")).StatusCode);
        Assert.DoesNotContain(id, (await GetJsonAsync("/api/v1/users/invites")).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        // The link now says so in the visitor's language, opened or submitted, and a second withdrawal is no new event.
        var before = await DbSnapshot.TakeAsync(App);
        Assert.Contains("Diese Einladung wurde zurückgezogen.", await PageAsync(await Visitor("de-DE").GetAsync(path), HttpStatusCode.Gone));
        Assert.Contains("Это приглашение отозвано.", await PageAsync(await AcceptAsync(Visitor("ru-RU"), path, "Mallory", Password), HttpStatusCode.Gone));
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/users/invites/{id}")).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.False(await App.ReadAsync(db => db.Set<Employee>().AnyAsync(e => e.Email == email)));
        var german = System.Globalization.CultureInfo.GetCultureInfo("de");
        var trail = await App.ReadAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditAction.PermissionChanged && e.Entity == nameof(UserInvite) && e.EntityId == id).OrderBy(e => e.Id).Select(e => new { e.EmployeeId, e.Detail }).ToListAsync());
        var withdrawal = Assert.Single(trail, e => Clientele.Infrastructure.Validation.Message.Parse(e.Detail!)?.Render(german).StartsWith("Die Einladung von", StringComparison.Ordinal) == true);
        Assert.Equal(App.OwnerId, withdrawal.EmployeeId);
        Assert.Equal($"Die Einladung von {email} als Marketing wurde zurückgezogen.", Clientele.Infrastructure.Validation.Message.Parse(withdrawal.Detail!)!.Render(german));

        // A used invitation stays: its account exists. An unknown one is a 404 in the caller's language.
        var used = await InviteAsync(Unique("used") + "@team.test");
        await PageAsync(await AcceptAsync(Visitor("en"), PathOf(used), "Used Already", Password), HttpStatusCode.OK);
        var russian = App.ClientWithToken(App.OwnerToken);
        russian.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru-RU"));
        var refused = await AssertProblemAsync(await russian.DeleteAsync($"/api/v1/users/invites/{used.GetProperty("id").GetInt64()}"), HttpStatusCode.Conflict);
        Assert.StartsWith("Это приглашение уже использовано", refused.GetProperty("title").GetString());
        Assert.Equal("Приглашения 999999999 нет.", (await AssertProblemAsync(await russian.DeleteAsync("/api/v1/users/invites/999999999"), HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_refused_invitation_names_its_field_in_the_owners_language_and_writes_nothing()
    {
        var before = await DbSnapshot.TakeAsync(App);
        var russian = App.ClientWithToken(App.OwnerToken);
        russian.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru-RU"));
        var taken = await AssertInvalidAsync(await SendAsync(russian, HttpMethod.Post, "/api/v1/users/invites",
            JsonSerializer.Serialize(new { email = ClienteleApp.OwnerEmail, role = "manager" })), "email");
        Assert.Contains(ClienteleApp.OwnerEmail, taken.GetProperty("errors").GetProperty("email")[0].GetString());
        await AssertInvalidAsync(await SendAsync(HttpMethod.Post, "/api/v1/users/invites", new { email = "not an address", role = "manager" }), "email");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Post, "/api/v1/users/invites", new { email = "ok@team.test", role = "boss" }), "role");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ManagerAsync()).PostAsJsonAsync("/api/v1/users/invites", new { email = "x@team.test", role = "owner" })).StatusCode);
    }

    [Fact]
    public async Task The_link_is_mailed_through_the_smtp_server_once_one_is_set_up()
    {
        var unsent = await InviteAsync(Unique("nosmtp") + "@team.test", send: true);
        Assert.False(unsent.GetProperty("mailed").GetBoolean());
        Assert.StartsWith("No SMTP server is set up yet", unsent.GetProperty("mailProblem").GetString());

        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/mail", new
        {
            host = "127.0.0.1", port = smtp.Port, tls = "None", fromAddress = "crm@firma.example", fromName = "Firma", publicUrl = "https://crm.firma.example", messagesPerSecond = 1000,
        }));
        var email = Unique("mailed") + "@team.test";
        var invite = await InviteAsync(email, send: true);
        Assert.True(invite.GetProperty("mailed").GetBoolean(), invite.ToString());
        var link = invite.GetProperty("link").GetString()!;
        Assert.StartsWith("https://crm.firma.example/invite/", link);
        var mail = Assert.Single(smtp.To(email));
        Assert.Contains(link, mail.TextBody);
        Assert.Contains("Open this link within 7 days", mail.TextBody);
    }
}

public sealed class InvitesTestsOnSqlite(SqliteApp fixture, LoopbackSmtp smtp) : InvitesTests(fixture, smtp), IClassFixture<SqliteApp>, IClassFixture<LoopbackSmtp>;

[Collection("postgres-5")]
public sealed class InvitesTestsOnPostgres(PostgresApp fixture, LoopbackSmtp smtp) : InvitesTests(fixture, smtp), IClassFixture<PostgresApp>, IClassFixture<LoopbackSmtp>;
