using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clientele.Data;
using Clientele.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clientele.BrowserTests;

/// <summary>Issue 6: a signed-in browser of a user the owner deactivates is cut off within 60 seconds.</summary>
public sealed class DeactivationCutOffTests : AppInBrowserTest
{
    // The circuit asks every 2 s here instead of every 20 s: the test proves the cut-off happens, and a loaded CI machine
    // cannot stretch a 20 s wait past the 60 s the issue allows. The 20 s default is checked against 60 s below.
    protected override string[] Settings => ["--" + SessionRevalidatingStateProvider.IntervalSettingKey + "=2"];

    [Fact]
    public async Task An_open_interactive_page_of_a_deactivated_user_loses_its_user_within_60_seconds()
    {
        const string email = "manager@browser.test";
        long managerId;
        string ownerToken;
        await using (var scope = App.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Employee>>();
            managerId = (await UserAdmin.AddAsync(users, email, EmployeeRole.Manager, "Maria Manager", RunningApp.OwnerPassword, TimeProvider.System)).Id;
            var owner = await users.FindByEmailAsync(RunningApp.OwnerEmail);
            ownerToken = await ApiTokens.IssueAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), owner!.Id, "browser test", TimeProvider.System, CancellationToken.None);
        }
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/clients");
        await page.WaitForURLAsync("**/login**");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", RunningApp.OwnerPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(App.BaseUrl + "/clients");
        await Browser.WaitUntilInteractiveAsync(page);
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "__Host-clientele");
        Assert.True(cookie.Secure && cookie.HttpOnly);
        using var withCookie = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        withCookie.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        Assert.Equal(HttpStatusCode.OK, (await withCookie.GetAsync("/api/v1/account/sessions")).StatusCode);

        using var ownerApi = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        ownerApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ownerToken);
        var clock = Stopwatch.StartNew();
        var deactivated = await ownerApi.PatchAsJsonAsync($"/api/v1/users/{managerId}", new { isActive = false });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);

        // The circuit re-checks its session every interval: its user turns anonymous and the page sends the browser to sign in.
        Assert.True(SessionRevalidatingStateProvider.DefaultInterval < TimeSpan.FromSeconds(60));
        await page.WaitForURLAsync("**/login**", new PageWaitForURLOptions { Timeout = 60_000 });
        Console.WriteLine($"deactivated browser session cut off after {clock.Elapsed.TotalSeconds:F1} s (interval 2 s)");
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await withCookie.GetAsync("/api/v1/account/sessions")).StatusCode);
        var pageRequest = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(App.BaseUrl) }
            .SendAsync(new HttpRequestMessage(HttpMethod.Get, "/clients") { Headers = { { "Cookie", $"{cookie.Name}={cookie.Value}" } } });
        Assert.Equal(HttpStatusCode.Redirect, pageRequest.StatusCode);
        Assert.StartsWith("/login", pageRequest.Headers.Location?.PathAndQuery ?? pageRequest.Headers.Location?.ToString());
    }
}
