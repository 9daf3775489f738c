using System.Net;
using System.Net.Http.Json;
using Clientele.Data;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Tests.Identity.SignInKit;

namespace Clientele.Tests.Identity;

/// <summary>Sessions, cookies, throttling of failed sign-ins, rate limit: what a signed-in browser holds and how it is taken away.</summary>
public abstract class SessionsTests(AppFixture fixture) : ApiTest(fixture)
{
    private SignInKit Accounts => new(App);

    [Fact]
    public async Task The_sign_in_cookie_is_host_only_secure_http_only_and_same_site()
    {
        var (_, email) = await Accounts.NewUserAsync();

        var response = await SignInAsync(Accounts.Browser(), email);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-clientele=", StringComparison.Ordinal));
        var attributes = cookie.ToLowerInvariant().Split(';').Select(a => a.Trim()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal)); // ends with the browser
    }

    [Fact]
    public async Task The_sign_in_form_carries_an_antiforgery_token_in_a_host_cookie()
    {
        var page = await Accounts.Browser().GetAsync("/login");

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-clientele.af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_user_sees_their_sessions_and_ending_one_cuts_that_browser_off_at_once()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var laptop = await Accounts.SignedInAsync(email);
        var phone = await Accounts.SignedInAsync(email);

        var sessions = (await SessionsAsync(laptop)).EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        var phoneSession = sessions.Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/v1/account/sessions/{phoneSession}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/account/sessions")).StatusCode);
        Assert.Single((await SessionsAsync(laptop)).EnumerateArray());
    }

    [Fact]
    public async Task Ending_someone_elses_session_is_404_and_ends_nothing()
    {
        var (_, victimEmail) = await Accounts.NewUserAsync();
        var victim = await Accounts.SignedInAsync(victimEmail);
        var victimSession = (await SessionsAsync(victim)).EnumerateArray().Single().GetProperty("id").GetString();
        var (_, otherEmail) = await Accounts.NewUserAsync();

        await AssertProblemAsync(await (await Accounts.SignedInAsync(otherEmail)).DeleteAsync($"/api/v1/account/sessions/{victimSession}"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/v1/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task Ending_all_other_sessions_keeps_the_current_one()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var others = new[] { await Accounts.SignedInAsync(email), await Accounts.SignedInAsync(email) };
        var me = await Accounts.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync("/api/v1/account/sessions")).StatusCode);

        foreach (var other in others) Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/account/sessions")).StatusCode);
        Assert.True((await SessionsAsync(me)).EnumerateArray().Single().GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var response = await SignInAsync(Accounts.Browser(), email);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-clientele=", StringComparison.Ordinal)).Split(';')[0];
        var copy = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        copy.DefaultRequestHeaders.Add(SecFetchSite, "same-origin"); // the copy is used as from the app's own pages
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/account/sessions")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await copy.PostAsync("/api/v1/account/sign-out", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task A_user_lists_and_revokes_their_own_api_tokens_only()
    {
        var (user, email) = await Accounts.NewUserAsync();
        var token = await App.IssueTokenAsync(user.Id, "script");
        var client = await Accounts.SignedInAsync(email);
        var id = (await JsonAsync(await client.GetAsync("/api/v1/account/tokens"))).EnumerateArray().Single().GetProperty("id").GetInt64();
        var ownersTokenId = await App.ReadAsync(db => db.ApiTokens.Where(t => t.EmployeeId == App.OwnerId).Select(t => t.Id).FirstAsync());

        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/account/tokens/{ownersTokenId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/account/tokens/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientWithToken(token).GetAsync("/api/v1/home")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/v1/home")).StatusCode);
    }

    [Fact]
    public async Task Failures_from_one_address_delay_its_next_attempts_more_and_more_and_the_delay_lapses()
    {
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        await using var host = ThrottledHost(clock);
        var (_, email) = await Accounts.NewUserAsync();
        var guesser = From(host, "203.0.113.7");
        for (var i = 0; i < SignInThrottle.PairFailuresBeforeDelay + 1; i++)
            Assert.Equal("invalid", await ReasonAsync(await SignInAsync(guesser, email, password: "wrong password " + i)));

        // Even the right password is not checked while the delay lasts: a guesser learns nothing from it.
        Assert.Equal(30, await ThrottledForAsync(await SignInAsync(guesser, email)));
        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Equal(1, await ThrottledForAsync(await SignInAsync(guesser, email)));
        // Another address is not held back by this one's failures.
        await JsonAsync(await SignInAsync(From(host, "198.51.100.1"), email));

        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("invalid", await ReasonAsync(await SignInAsync(guesser, email, password: "wrong again")));
        Assert.Equal(60, await ThrottledForAsync(await SignInAsync(guesser, email))); // the next delay is twice as long
        clock.Now += TimeSpan.FromSeconds(61);
        await JsonAsync(await SignInAsync(guesser, email));
    }

    [Fact]
    public async Task Strangers_failing_from_many_addresses_keep_out_neither_a_second_factor_nor_open_sessions()
    {
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        await using var host = ThrottledHost(clock);
        var (_, email) = await Accounts.NewUserAsync();
        var home = From(host, "198.51.100.10");
        await JsonAsync(await SignInAsync(home, email));
        var (secret, _, recoveryCodes) = await EnrolAsync(home);
        var (_, passwordOnlyEmail) = await Accounts.NewUserAsync();

        // 14 addresses, one wrong password each for each account: no address is held back, the accounts are (4 minutes).
        const int strangers = SignInThrottle.AccountFailuresBeforeDelay + 4;
        for (var i = 1; i <= strangers; i++)
        {
            var stranger = From(host, $"203.0.113.{i}");
            foreach (var target in new[] { email, passwordOnlyEmail })
                Assert.Contains((await SignInAsync(stranger, target, password: "a guess " + i)).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
        }
        clock.Now += TimeSpan.FromMinutes(2);

        // The user with an authenticator signs in from a fresh address, by code and by recovery code.
        var code = Rfc6238.Code(secret, clock.Now.ToUnixTimeSeconds() / 30);
        await JsonAsync(await SignInAsync(From(host, "198.51.100.20"), email, code: code));
        await JsonAsync(await SignInAsync(From(host, "198.51.100.21"), email, recoveryCode: recoveryCodes[0]));
        // The session from before the attack works throughout.
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync("/api/v1/account/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await home.PostAsync("/api/v1/account/sign-out", null)).StatusCode);

        // A password alone waits out the delay the strangers caused (SECURITY.md: what a second factor adds), then works.
        Assert.Equal(120, await ThrottledForAsync(await SignInAsync(From(host, "198.51.100.22"), passwordOnlyEmail)));
        clock.Now += TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1);
        await JsonAsync(await SignInAsync(From(host, "198.51.100.22"), passwordOnlyEmail));
    }

    [Fact]
    public async Task An_unknown_email_costs_a_password_check_and_gets_exactly_the_answers_a_known_one_gets()
    {
        var (_, email) = await Accounts.NewUserAsync();
        var unknown = Unique("nobody") + "@signin.test";
        var decoy = App.Services.GetRequiredService<DecoyPasswordCheck>();

        for (var i = 0; i < SignInThrottle.PairFailuresBeforeDelay + 2; i++)
        {
            var runs = decoy.Runs;
            var known = await AnswerAsync(await SignInAsync(Accounts.Browser(), email, password: "wrong password " + i));
            Assert.Equal(runs, decoy.Runs); // a known account checks its own hash

            var stranger = await AnswerAsync(await SignInAsync(Accounts.Browser(), unknown, password: "wrong password " + i));

            Assert.Equal(known, stranger);
            // The password was checked against the decoy hash, unless the delay answered before any check.
            Assert.Equal(known.Contains("throttled", StringComparison.Ordinal) ? runs : runs + 1, decoy.Runs);
        }
    }

    /// <summary>Status, Retry-After and the problem without its per-request trace id: what a caller can compare.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Headers.RetryAfter} {problem.ToJsonString()}";
    }

    /// <summary>Asserts a throttled answer and returns its Retry-After in seconds.</summary>
    private static async Task<int> ThrottledForAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("throttled", problem.GetProperty("reason").GetString());
        var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.Equal(seconds, problem.GetProperty("retryAfterSeconds").GetInt32());
        return seconds;
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The in-memory test server has no client address; this header gives each simulated caller one.</summary>
    private const string AddressHeader = "X-Test-Client-Address";

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate rest) =>
            {
                if (http.Request.Headers.TryGetValue(AddressHeader, out var address)) http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return rest(http);
            });
            next(app);
        };
    }

    /// <summary>This app with its own clock, the production per-address threshold and caller addresses from <see cref="AddressHeader"/>.</summary>
    private WebApplicationFactory<Program> ThrottledHost(SteppedClock clock) => App.WithWebHostBuilder(b =>
    {
        b.UseSetting(SignInThrottle.AddressFailuresBeforeDelayKey, SignInThrottle.DefaultAddressFailuresBeforeDelay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddTransient<IStartupFilter, AddressFromHeader>();
        });
    });

    private HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var browser = Accounts.Browser(host);
        browser.DefaultRequestHeaders.Add(AddressHeader, address);
        return browser;
    }

    [Fact]
    public async Task Missing_fields_are_a_400_naming_them()
    {
        await AssertInvalidAsync(await Accounts.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { password = "x" }), "email");
        await AssertInvalidAsync(await Accounts.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "a@b.test" }), "password");
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_per_minute()
    {
        await using var limited = App.WithWebHostBuilder(b => b.UseSetting(SignInSetup.AttemptsPerMinuteKey, "3"));
        var client = Accounts.Browser(limited);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "nobody@signin.test")).StatusCode);

        var refused = await SignInAsync(client, ClienteleApp.OwnerEmail);

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(0, await App.ReadAsync(db => db.Set<UserSession>().CountAsync(s => s.EmployeeId == App.OwnerId)));
        var form = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x@y.z", ["password"] = "p" }));
        Assert.Equal("/login?error=rate", form.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_session_stays_valid_while_a_long_write_holds_the_lock_its_check_would_take()
    {
        var (user, email) = await Accounts.NewUserAsync();
        await Accounts.SignedInAsync(email);
        var sessionId = await App.ReadAsync(db => db.Set<UserSession>().Where(s => s.EmployeeId == user.Id).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync());
        var store = App.Services.GetRequiredService<SessionStore>();
        store.Forget([sessionId]);

        // Another writer (as an import's merge does) holds the row: on SQLite the whole file's write lock, on PostgreSQL the row's.
        await using var scope = App.Services.CreateSystemScope();
        var holder = scope.ServiceProvider.GetRequiredService<Clientele.Data.ClienteleDb>();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.UserAgent, "held"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var check = await store.CheckAsync(sessionId, CancellationToken.None);
        clock.Stop();
        await transaction.RollbackAsync();

        Assert.True(check.Valid);
        Assert.Equal(user.Id, check.EmployeeId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the check waited {clock.Elapsed.TotalSeconds:0} s for the lock");
    }
}

public sealed class SessionsTestsOnSqlite(SqliteApp fixture) : SessionsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class SessionsTestsOnPostgres(PostgresApp fixture) : SessionsTests(fixture), IClassFixture<PostgresApp>;
