using Clientele.Data;
using Clientele.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

public sealed class PivotPageTests : AppInBrowserTest
{
    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        await DemoCommand.FillAsync(scope.ServiceProvider, clients: 300, purchases: 3000, seed: 11, CancellationToken.None);
    }

    [Fact]
    public async Task The_owner_lays_revenue_out_by_role_and_quarter_and_downloads_it()
    {
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();

        await Browser.SignInAsync(page, App.BaseUrl, "/pivot?rows=role&columns=quarter&measure=revenue");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Сводная таблица");
        await Expect(page.Locator("#pivot-table thead th").First).ToHaveTextAsync("Роль");
        await Expect(page.Locator("#pivot-table tbody td").First).ToHaveTextAsync("Агент");
        await Expect(page.Locator("#pivot-table tfoot td").First).ToHaveTextAsync("Сумма");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("pivot-ru.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#pivot-xlsx"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 1000);
    }
}
