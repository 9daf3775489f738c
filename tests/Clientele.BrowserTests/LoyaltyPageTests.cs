using System.Globalization;
using Clientele.Analytics.Loyalty;
using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>The loyalty ladder on a small demo base: the funnel with its numbers, the clients behind one, a client's path on its card.</summary>
public sealed class LoyaltyPageTests : AppInBrowserTest
{
    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        await DemoCommand.FillAsync(scope.ServiceProvider, clients: 200, purchases: 1500, seed: 5, CancellationToken.None);
    }

    [Fact]
    public async Task Owner_sees_the_funnel_opens_the_clients_of_a_stage_and_a_client_s_path()
    {
        LadderResponse ladder;
        await using (var scope = App.Services.CreateSystemScope())
            ladder = await LoyaltyReport.LadderAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), DateOnly.FromDateTime(DateTime.UtcNow), default);
        var busiest = ladder.Stages.OrderByDescending(s => s.Clients).First();
        Assert.True(busiest.Clients > 0);
        Assert.Equal(200, ladder.Clients);
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();

        await Browser.SignInAsync(page, App.BaseUrl, "/loyalty");

        await Expect(page.Locator("#ladder-table tbody tr")).ToHaveCountAsync(Enum.GetValues<LoyaltyStage>().Length);
        foreach (var stage in ladder.Stages)
            await Expect(page.Locator($"#ladder-table tr[data-stage={stage.Stage}] .ly-count")).ToHaveAttributeAsync("data-count", stage.Clients.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#ladder-table tr[data-stage=Prospect] td").Last).ToContainTextAsync("%");
        await Expect(page.Locator("#ladder-funnel g.rz-bar-series path").First).ToBeAttachedAsync();
        await Expect(page.Locator("#ladder-retention tbody tr")).ToHaveCountAsync(LoyaltyStages.Climb.Length);
        await Expect(page.Locator("#ladder-settings #save-ladder-settings")).ToBeVisibleAsync();
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("loyalty-en.png"), FullPage = true });

        await page.Locator($"#ladder-table tr[data-stage={busiest.Stage}] .ly-count").ClickAsync();
        await page.WaitForURLAsync($"**/loyalty/clients?stage={busiest.Stage}&asOf=*");
        await Expect(page.Locator("#stage-count")).ToHaveAttributeAsync("data-count", busiest.Clients.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#stage-clients .client-link")).ToHaveCountAsync(Math.Min(500, busiest.Clients));

        long clientId;
        await using (var scope = App.Services.CreateSystemScope())
            clientId = await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Set<ClientLoyalty>()
                .Where(l => l.Stage == busiest.Stage).Select(l => l.ClientId).FirstAsync();
        await page.GotoAsync($"{App.BaseUrl}/clients/{clientId}");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("#loyalty-stage")).ToHaveAttributeAsync("data-stage", busiest.Stage.ToString());
        await Expect(page.Locator("#loyalty-path li").Last).ToHaveAttributeAsync("data-stage", busiest.Stage.ToString());
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("loyalty-card-en.png") });

        // The star marks the client an advocate: a regular climbs to Advocate; clearing it brings the button back.
        await page.Locator("#advocate-mark").ClickAsync();
        await Expect(page.Locator("#advocate-clear")).ToBeVisibleAsync();
        if (busiest.Stage == LoyaltyStage.Regular) await Expect(page.Locator("#loyalty-stage")).ToHaveAttributeAsync("data-stage", nameof(LoyaltyStage.Advocate));
        await page.Locator("#advocate-clear").ClickAsync();
        await Expect(page.Locator("#advocate-mark")).ToBeVisibleAsync();
        await Expect(page.Locator("#loyalty-stage")).ToHaveAttributeAsync("data-stage", busiest.Stage.ToString());
    }
}
