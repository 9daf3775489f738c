using Microsoft.Playwright;

namespace Clientele.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright; no browser download happens here.</summary>
public static class Browser
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <param name="extraArgs">Chromium switches one test needs on top of <see cref="ChromiumArgs"/>.</param>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        // A loaded CI machine renders a Blazor page in more than the default 5 s now and then; a real failure still fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        // Playwright gives every launch a fresh temporary profile; passing --user-data-dir is refused by launch().
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLIENTELE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = [.. ChromiumArgs, .. extraArgs],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: $CLIENTELE_ARTIFACTS (set by test.sh) or ./artifacts.</summary>
    public static string ArtifactPath(string name)
    {
        var directory = Path.Combine(Environment.GetEnvironmentVariable("CLIENTELE_ARTIFACTS") ?? Path.Combine(Directory.GetCurrentDirectory(), "artifacts"), "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public static async Task SignInAsync(IPage page, string baseUrl, string path)
    {
        await RecordPolicyViolationsAsync(page);
        await page.GotoAsync(baseUrl + path);
        await page.WaitForURLAsync("**/login**");
        await page.FillAsync("#email", RunningApp.OwnerEmail);
        await page.FillAsync("#password", RunningApp.OwnerPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(baseUrl + path);
        await WaitUntilInteractiveAsync(page);
        await AssertNoPolicyViolationsAsync(page);
    }

    /// <summary>
    /// Keeps what the content security policy blocked on each page (a blocked script would leave the page dead); the
    /// recorder is Playwright's own init script, which the policy does not govern.
    /// </summary>
    public static Task RecordPolicyViolationsAsync(IPage page) =>
        page.AddInitScriptAsync("window.__policyViolations = []; document.addEventListener('securitypolicyviolation', e => window.__policyViolations.push(e.violatedDirective + ' ' + e.blockedURI));");

    public static async Task AssertNoPolicyViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__policyViolations || []");
        Assert.True(violations.Length == 0, $"{page.Url} broke its content security policy: {string.Join("; ", violations)}");
    }

    /// <summary>Input typed into a prerendered page before its circuit connects is lost; wait for the circuit.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
