using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Identity.SignInKit;

namespace Clientele.Tests.Identity;

/// <summary>Authenticator sign-in over the JSON endpoint: a code works once, never after a newer one, only within ±1 step.</summary>
public abstract class TwoFactorTests(AppFixture fixture) : ApiTest(fixture)
{
    private SignInKit Accounts => new(App);

    [Fact]
    public async Task A_code_signs_in_once_its_reuse_is_rejected_and_an_older_code_is_rejected()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var (secret, enrolStep, _) = await EnrolAsync(await Accounts.SignedInAsync(email));
        Assert.Equal("twoFactorRequired", await ReasonAsync(await SignInAsync(Accounts.Browser(), email)));

        var next = Rfc6238.Code(secret, enrolStep + 1);
        var phone = Accounts.Browser();
        await JsonAsync(await SignInAsync(phone, email, code: next));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/account/sessions")).StatusCode);

        Assert.Equal("twoFactorInvalid", await ReasonAsync(await SignInAsync(Accounts.Browser(), email, code: next)));
        Assert.Equal("twoFactorInvalid", await ReasonAsync(await SignInAsync(Accounts.Browser(), email, code: Rfc6238.Code(secret, enrolStep))));
    }

    [Fact]
    public async Task Codes_more_than_one_step_away_are_rejected_and_change_nothing()
    {
        var (user, email) = await Accounts.NewUserAsync();
        var (secret, _, _) = await EnrolAsync(await Accounts.SignedInAsync(email));
        // Wait out the enrolment's step so the window test starts from a step that has not been used.
        var used = await App.ReadAsync(db => db.Set<TwoFactorStep>().Where(s => s.EmployeeId == user.Id).Select(s => s.LastAcceptedStep).SingleAsync());

        var now = Rfc6238.StepNow();
        Assert.Equal("twoFactorInvalid", await ReasonAsync(await SignInAsync(Accounts.Browser(), email, code: Rfc6238.Code(secret, now - 2))));
        Assert.Equal("twoFactorInvalid", await ReasonAsync(await SignInAsync(Accounts.Browser(), email, code: Rfc6238.Code(secret, now + 3))));

        Assert.Equal(used, await App.ReadAsync(db => db.Set<TwoFactorStep>().Where(s => s.EmployeeId == user.Id).Select(s => s.LastAcceptedStep).SingleAsync()));
        Assert.Equal(0, await App.ReadAsync(db => db.Set<UserSession>().CountAsync(s => s.EmployeeId == user.Id && s.Method != "pwd")));
    }

    [Fact]
    public async Task The_provider_accepts_exactly_the_steps_t_minus_1_to_t_plus_1()
    {
        var (user, _) = await Accounts.NewUserAsync();
        var secret = Base32.Decode(Totp.NewSecret());
        var at = DateTimeOffset.UtcNow;
        var t = Totp.StepAt(at);
        var clock = new FixedClock(at);

        async Task<bool> Try(long step) => await App.ReadAsync(db => StrictTotpProvider.AcceptAsync(db, secret, user.Id, Totp.Code(secret, step), clock, CancellationToken.None));

        Assert.False(await Try(t - 2));
        Assert.False(await Try(t + 2));
        Assert.True(await Try(t - 1));
        Assert.True(await Try(t));
        Assert.False(await Try(t - 1)); // older than the last accepted step, though inside the window
        Assert.False(await Try(t));     // reuse
        Assert.True(await Try(t + 1));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var (_, _, codes) = await EnrolAsync(await Accounts.SignedInAsync(email));
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        await JsonAsync(await SignInAsync(Accounts.Browser(), email, recoveryCode: codes[3].ToUpperInvariant()));

        Assert.Equal("twoFactorInvalid", await ReasonAsync(await SignInAsync(Accounts.Browser(), email, recoveryCode: codes[3])));
        await JsonAsync(await SignInAsync(Accounts.Browser(), email, recoveryCode: codes[4]));
    }

    [Fact]
    public async Task Enabling_with_a_wrong_code_is_a_400_naming_the_code_and_leaves_two_factor_off()
    {
        var (user, email) = await Accounts.NewUserAsync();
        var client = await Accounts.SignedInAsync(email);
        var secret = (await JsonAsync(await client.PostAsync("/api/v1/account/2fa/setup", null))).GetProperty("secret").GetString()!;

        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/account/2fa/enable", new { code = Rfc6238.Code(secret, Rfc6238.StepNow() - 3) }), "code");
        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/account/2fa/enable", new { code = "12ab56" }), "code");

        Assert.False(await App.ReadAsync(db => db.Set<Clientele.Features.Identity.Employee>().Where(e => e.Id == user.Id).Select(e => e.TwoFactorEnabled).SingleAsync()));
        await JsonAsync(await SignInAsync(Accounts.Browser(), email)); // still signs in with the password alone
    }

    [Fact]
    public async Task Enabling_ends_the_users_other_sessions_but_not_the_enrolling_one()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var other = await Accounts.SignedInAsync(email);
        var enrolling = await Accounts.SignedInAsync(email);

        await EnrolAsync(enrolling);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/account/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enrolling.GetAsync("/api/v1/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task Disabling_needs_a_fresh_code()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var client = await Accounts.SignedInAsync(email);
        var (secret, step, _) = await EnrolAsync(client);

        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/account/2fa/disable", new { code = Rfc6238.Code(secret, step) }), "code");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/account/2fa/disable", new { code = Rfc6238.Code(secret, step + 1) })).StatusCode);

        await JsonAsync(await SignInAsync(Accounts.Browser(), email));
    }

    [Fact]
    public async Task When_the_owner_requires_two_factor_a_user_without_it_can_only_enrol()
    {
        var (_, email) = await Accounts.NewUserAsync();
        try
        {
            await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/sign-in-policy", new { idleTimeoutMinutes = 30, absoluteLifetimeHours = 12, twoFactorRequired = true }));
            var client = await Accounts.SignedInAsync(email);

            await AssertProblemAsync(await client.GetAsync("/api/v1/clients"), HttpStatusCode.Forbidden);
            var page = await client.GetAsync("/clients");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/security", page.Headers.Location?.ToString());

            await EnrolAsync(client);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/clients")).StatusCode);
        }
        finally
        {
            await SendAsync(HttpMethod.Put, "/api/v1/sign-in-policy", new { idleTimeoutMinutes = 30, absoluteLifetimeHours = 12, twoFactorRequired = false });
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class TwoFactorTestsOnSqlite(SqliteApp fixture) : TwoFactorTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class TwoFactorTestsOnPostgres(PostgresApp fixture) : TwoFactorTests(fixture), IClassFixture<PostgresApp>;
