using System.Text.RegularExpressions;
using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Features.Lifetime;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>The at-risk page on a small demo base after a refresh: the list, one click to a task, the CLV view.</summary>
public sealed class AtRiskPageTests : AppInBrowserTest
{
    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        await DemoCommand.FillAsync(scope.ServiceProvider, clients: 300, purchases: 3000, seed: 7, CancellationToken.None);
    }

    [Fact]
    public async Task The_owner_sees_the_at_risk_list_makes_a_task_with_one_click_and_reads_the_clv()
    {
        var run = await App.Services.GetRequiredService<JobRunner>().RunAsync(LifetimeRefreshJob.JobName, JobTrigger.OnDemand, null, CancellationToken.None);
        Assert.Equal(JobStatus.Succeeded, run!.Status);
        var (atRisk, withoutTask) = await ReadAsync(async db => (
            await db.Set<ClientLifetime>().CountAsync(l => l.Reason != RiskReason.None),
            await db.Set<ClientLifetime>().Where(l => l.Reason != RiskReason.None && l.EpisodeTaskId == null).OrderBy(l => l.Clv == null).ThenByDescending(l => l.Clv)
                .ThenBy(l => l.ClientId).Select(l => l.ClientId).FirstOrDefaultAsync()));
        Assert.True(atRisk > 0 && withoutTask > 0, "the demo base should have at-risk clients, some without a task");
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();

        await Browser.SignInAsync(page, App.BaseUrl, "/at-risk");
        await Expect(page.Locator("#lifetime-fit")).ToContainTextAsync(new Regex(@"BG/NBD: r = [\d.]+"));
        await Expect(page.Locator("#at-risk-list tbody tr")).ToHaveCountAsync(Math.Min(atRisk, 500));
        var tasksBefore = await ReadAsync(db => db.Tasks.CountAsync(t => t.ClientId == withoutTask));
        var row = page.Locator($"#at-risk-list tr[data-client='{withoutTask}']");
        await row.Locator(".lt-create-task").ClickAsync();
        await Expect(row.Locator(".lt-open-task")).ToBeVisibleAsync();
        Assert.Equal(tasksBefore + 1, await ReadAsync(db => db.Tasks.CountAsync(t => t.ClientId == withoutTask)));
        Assert.NotNull(await ReadAsync(db => db.Set<ClientLifetime>().Where(l => l.ClientId == withoutTask).Select(l => l.EpisodeTaskId).SingleAsync()));
        await Expect(page.Locator("#clv-curve g.rz-line-series path[d*=L]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#clv-top tbody tr")).ToHaveCountAsync(LifetimeQueries.TopClients);
        await Expect(page.Locator("#export-xlsx")).ToHaveAttributeAsync("href", "/api/v1/analytics/churn-risk/export?format=xlsx&managerId=0");

        // One defector pulls others: a client that recommended another leaves three days ago; its referee is flagged in words.
        var (defector, referee) = await ReadAsync(async db =>
        {
            var two = await db.Clients.Where(c => c.Status == Clientele.Features.Clients.ClientStatus.Active && c.ReferredById == null)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).Take(2).ToListAsync();
            var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
            await db.Clients.Where(c => c.Id == two[1].Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReferredById, two[0].Id));
            await db.Clients.Where(c => c.Id == two[0].Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, Clientele.Features.Clients.ClientStatus.Lost).SetProperty(c => c.LostOn, day));
            return ((two[0].Id, two[0].Name), two[1].Id);
        });

        // The Russian page, for the record (docs/screenshots/at-risk-ru.png is taken from it).
        var ru = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(ru, App.BaseUrl, "/at-risk");
        await Expect(ru.Locator("h1")).ToHaveTextAsync("Под угрозой ухода");
        await Expect(ru.Locator("#linked-risk h2")).ToHaveTextAsync("Связаны с ушедшим клиентом");
        await Expect(ru.Locator($"#linked-risk-list tr[data-client='{referee}'][data-lost='{defector.Id}'] .linked-tie"))
            .ToContainTextAsync($"пришёл по рекомендации {defector.Name}, который ушёл");
        await Expect(ru.Locator("#clv-curve g.rz-line-series path[d*=L]")).ToHaveCountAsync(1);
        // A term is explained where it appears, in the reader's language, with the one definition the whole app uses.
        await Expect(ru.Locator("#at-risk-list th [data-term=Clv]")).ToHaveAttributeAsync("title", new Regex("^CLV \\(пожизненная ценность клиента\\) — маржа"));
        // The layout scrolls inside .rz-body, so the window is made as tall as that content.
        var height = await ru.EvaluateAsync<int>("() => { const b = document.querySelector('.rz-body'); return Math.ceil(b ? b.scrollHeight + b.getBoundingClientRect().top : document.body.scrollHeight); }");
        await ru.SetViewportSizeAsync(1440, Math.Clamp(height, 900, 8000));
        await ru.WaitForTimeoutAsync(400);
        await Browser.ShotAsync(ru, new PageScreenshotOptions { Path = Browser.ArtifactPath("at-risk-ru.png") });

        // Intermediaries (issue 21): the demo serves every fourth end customer through a dealer, distributor, agent or partner.
        // The card of such a client shows the chain; the intermediary's card counts whom it serves; the partner report lists it.
        var (partner, partnerName, partnerRole, served, servedCount) = await ReadAsync(async db =>
        {
            var busiest = await db.Clients.Where(c => c.ServedThroughId != null).GroupBy(c => c.ServedThroughId!.Value)
                .Select(g => new { Id = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Id).FirstAsync();
            var through = await db.Clients.Where(c => c.Id == busiest.Id).Select(c => new { c.Name, c.Role }).SingleAsync();
            var one = await db.Clients.Where(c => c.ServedThroughId == busiest.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            return (busiest.Id, through.Name, through.Role, one, busiest.Count);
        });
        await ru.SetViewportSizeAsync(1440, 900);
        await ru.GotoAsync($"{App.BaseUrl}/clients/{served}");
        await Expect(ru.Locator("#served-through")).ToContainTextAsync($"Обслуживается через: {partnerName}");
        await Browser.ShotAsync(ru, new PageScreenshotOptions { Path = Browser.ArtifactPath("served-through-card-ru.png") });
        await ru.Locator($"#served-through a[data-client='{partner}']").ClickAsync();
        await Expect(ru.Locator("#served-clients-link")).ToHaveTextAsync($"обслуживает клиентов: {servedCount}");
        await ru.GotoAsync($"{App.BaseUrl}/partners");
        await Expect(ru.Locator($"#partners tr[data-partner='{partner}'] td").Nth(1)).ToHaveTextAsync($"{servedCount}");
        await Expect(ru.Locator("#partners-chart")).ToBeVisibleAsync();
        Assert.NotEqual(Clientele.Features.Clients.ClientRole.EndCustomer, partnerRole);
        // For a person building the pages (CLIENTELE_SCREENSHOTS=1): the card's chain and the report in ru and de, wide and on a phone.
        if (Browser.TakesScreenshots)
            foreach (var (locale, language) in new[] { ("ru-RU", "ru"), ("de-DE", "de") })
                foreach (var (width, screen) in new[] { (1440, 900), (390, 844) })
                {
                    var shot = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = screen } })).NewPageAsync();
                    await Browser.SignInAsync(shot, App.BaseUrl, $"/clients/{served}");
                    await Expect(shot.Locator("#served-through")).ToBeVisibleAsync();
                    await shot.WaitForTimeoutAsync(400);
                    await Browser.ShotAsync(shot, new PageScreenshotOptions { Path = Browser.ArtifactPath($"served-through-{language}-{width}.png") });
                    await shot.GotoAsync($"{App.BaseUrl}/partners");
                    await Expect(shot.Locator("#partners-chart")).ToBeVisibleAsync();
                    var tall = await shot.EvaluateAsync<int>("() => { const b = document.querySelector('.rz-body'); return Math.ceil(b ? b.scrollHeight + b.getBoundingClientRect().top : document.body.scrollHeight); }");
                    await shot.SetViewportSizeAsync(width, Math.Clamp(tall, screen, 8000));
                    await shot.WaitForTimeoutAsync(400);
                    await Browser.ShotAsync(shot, new PageScreenshotOptions { Path = Browser.ArtifactPath($"partners-{language}-{width}.png") });
                }
    }

    private async Task<T> ReadAsync<T>(Func<ClienteleDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateSystemScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
    }
}
