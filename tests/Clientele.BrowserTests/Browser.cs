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

    // Chromium's headless shell (Debian's chromium-headless-shell: the same Blink, V8 and network stack, without the
    // desktop browser's own UI process work) when installed: the full browser in headless mode spent about twice the
    // CPU on the same journey (12.1 against 5.5 CPU-s of Chromium for the team-and-home journey), and Chromium was the
    // largest share of the suite's CPU.
    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";
    private static readonly string DefaultChromium = File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium";

    // One Chromium (and one Playwright driver) for the whole run: launching both cost a test about two CPU-seconds
    // before it opened a page. Tests stay apart through their own contexts (cookies, storage), closed by their lease.
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchSharedAsync);

    private static async Task<IBrowser> LaunchSharedAsync()
    {
        var playwright = await Playwright.CreateAsync();
        // A loaded CI machine renders a Blazor page in more than the default 5 s now and then; a real failure still fails.
        Assertions.SetDefaultExpectTimeout(30_000);
        // Playwright gives every launch a fresh temporary profile; passing --user-data-dir is refused by launch().
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLIENTELE_CHROMIUM") ?? DefaultChromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            playwright.Dispose();
        };
        return browser;
    }

    /// <summary>The run's Chromium for one test: the contexts it opens are closed when the lease is disposed.</summary>
    public static async Task<BrowserLease> LeaseAsync() => new(await Shared.Value);

    /// <summary>Where screenshots go: $CLIENTELE_ARTIFACTS (set by test.sh) or ./artifacts.</summary>
    /// <summary>
    /// Screenshots are for a person to look at while building a page (CLIENTELE_SCREENSHOTS=1); a suite run that nobody
    /// looks at skips them: encoding some sixty full-page PNGs was CPU the two cores' API tests were waiting for.
    /// </summary>
    public static bool TakesScreenshots => Environment.GetEnvironmentVariable("CLIENTELE_SCREENSHOTS") == "1";

    public static Task ShotAsync(IPage page, PageScreenshotOptions options) => TakesScreenshots ? page.ScreenshotAsync(options) : Task.CompletedTask;

    public static Task ShotAsync(ILocator locator, LocatorScreenshotOptions options) => TakesScreenshots ? locator.ScreenshotAsync(options) : Task.CompletedTask;

    public static string ArtifactPath(string name)
    {
        var directory = Path.Combine(Environment.GetEnvironmentVariable("CLIENTELE_ARTIFACTS") ?? Path.Combine(Directory.GetCurrentDirectory(), "artifacts"), "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public static async Task SignInAsync(IPage page, string baseUrl, string path, string email = RunningApp.OwnerEmail)
    {
        await RecordPolicyViolationsAsync(page);
        await page.GotoAsync(baseUrl + path);
        await page.WaitForURLAsync("**/login**");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", RunningApp.OwnerPassword);
        await page.ClickAsync("#sign-in");
        // The document is enough here (the circuit is waited for next, with its own time): waiting for the load event as
        // well put the page's whole load and the sign-in under one 30-s limit, which a fully loaded machine once missed.
        // Not "commit": when the address matches already, Playwright waits for that as a load state, which never comes.
        await page.WaitForURLAsync(baseUrl + path, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
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

    /// <summary>
    /// Chooses the item with <paramref name="item"/> in its text from the Radzen dropdown whose element has the id
    /// <paramref name="dropdownId"/>, as a user does: a click opens its list (Radzen's popup, "popup-" and the id), a click
    /// on the item chooses it.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string dropdownId, string item)
    {
        await page.Locator($"#{dropdownId}").ClickAsync();
        await page.Locator($"#popup-{dropdownId} .rz-dropdown-item", new PageLocatorOptions { HasText = item }).First.ClickAsync();
    }

    /// <summary>Input typed into a prerendered page before its circuit connects is lost; wait for the circuit.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}

/// <summary>
/// A test's share of the run's Chromium. Its contexts are closed at the end of the test, so no page of a stopped app
/// keeps reconnecting its Blazor circuit while the next tests run.
/// </summary>
public sealed class BrowserLease(IBrowser browser) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        lock (_contexts) _contexts.Add(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts) contexts = [.. _contexts];
        foreach (var context in contexts) await context.CloseAsync();
    }
}
