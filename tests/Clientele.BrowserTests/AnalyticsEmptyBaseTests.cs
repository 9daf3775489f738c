using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>A fresh install has no clients: every tab must say so quietly instead of failing on an empty base.</summary>
public sealed class AnalyticsEmptyBaseTests : AppInBrowserTest
{
    [Fact]
    public async Task Every_tab_of_an_empty_base_renders()
    {
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" })).NewPageAsync();
        var errors = new List<string>();
        // A failed load is caught by its response below, with its address; the console line alone (the favicon) says nothing.
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };

        await Browser.SignInAsync(page, App.BaseUrl, "/analytics");
        await Expect(page.Locator("[data-kpi=clients] .an-kpi-value")).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-kpi=pareto] .an-kpi-value")).ToHaveTextAsync("—");
        foreach (var tab in Clientele.Features.Analytics.AnalyticsPage.Tabs.Skip(1))
        {
            await page.GotoAsync(App.BaseUrl + "/analytics?tab=" + tab);
            await Browser.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator(".rz-tabview-selected")).ToBeVisibleAsync();
            await Expect(page.Locator("h2")).ToHaveCountAsync(1);
        }
        await Expect(page.Locator("#no-loss-makers")).ToBeVisibleAsync();
        await page.GotoAsync(App.BaseUrl + "/analytics/clients?abc=A");
        await Expect(page.Locator("#selection-count")).ToHaveAttributeAsync("data-count", "0");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
