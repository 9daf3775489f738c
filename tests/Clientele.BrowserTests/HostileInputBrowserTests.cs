using System.Text;
using Clientele.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>Markup typed into a form comes back as text, never as code; oversized and odd posts get answers, not 500s — on Kestrel.</summary>
public sealed class HostileInputBrowserTests : AppInBrowserTest
{
    private const string Payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";



    [Fact]
    public async Task Markup_saved_through_the_client_form_shows_literally_on_the_card_and_in_the_list_and_never_runs()
    {
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/clients/new");
        await page.Locator("input[name=name]").FillAsync(Payload);
        await page.Locator("textarea").First.FillAsync(Payload);
        await page.ClickAsync("#save-client");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9]+$"));

        await Expect(page.Locator("#client-name")).ToHaveTextAsync(Payload);
        await AssertNothingRanAsync(page);

        await page.GotoAsync(App.BaseUrl + "/clients");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(".client-link")).ToHaveTextAsync([Payload]);
        await AssertNothingRanAsync(page);

        await using var scope = App.Services.CreateSystemScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Clients.SingleAsync();
        Assert.Equal((Payload, Payload), (saved.Name, saved.Notes));
    }

    private static async Task AssertNothingRanAsync(IPage page)
    {
        // An onerror handler fires once the broken image has failed to load; give it the time it would need.
        await page.WaitForTimeoutAsync(500);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "the stored markup ran as code");
        await Expect(page.Locator("img[src=x]")).ToHaveCountAsync(0);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_the_sign_in_form_are_refused_not_an_error()
    {
        var page = await (await Chromium.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/login");
        // The e-mail field's own browser check refuses odd addresses before posting; the password field takes anything.
        await page.FillAsync("#email", RunningApp.OwnerEmail);
        await page.FillAsync("#password", "\u0000\u202E" + RunningApp.OwnerPassword + "\u0007\u009B");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sign-in"), r => r.Url.Contains("/account/login", StringComparison.Ordinal));

        // A failed sign-in (302 back to the form) or a refused form (400 problem) — never a server error.
        var body = response.Status == 302 ? "" : await response.TextAsync();
        Assert.True(response.Status == 302 || (response.Status == 400 && body.Contains("\"status\":400", StringComparison.Ordinal)), $"{response.Status}: {body}");
    }

    [Theory]
    [InlineData("/api/v1/clients", "application/json")]
    [InlineData("/account/login", "application/x-www-form-urlencoded")]
    public async Task A_ten_megabyte_post_to_kestrel_is_a_413_problem(string path, string contentType)
    {
        // An HTTP client stops at the broken pipe when the server answers early and closes; a socket reads the answer.
        var uri = new Uri(App.BaseUrl);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 64 * 1024)));

        var answer = new StringBuilder();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        while (!answer.ToString().Contains("}", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));

        var text = answer.ToString();
        Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("too large", text, StringComparison.OrdinalIgnoreCase);
    }
}
