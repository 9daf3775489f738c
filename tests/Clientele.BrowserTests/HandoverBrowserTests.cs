using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>Issue 23: the key-person risk report names the single-threaded manager, and the owner offboards her end to end.</summary>
public sealed class HandoverBrowserTests : AppInBrowserTest
{
    /// <summary>The demo's first manager, whose portfolio runs through her alone (<see cref="DemoData.SingleThreadManagers"/>).</summary>
    private const string Departing = "manager1@demo.clientele";
    private const string DepartingName = "Анна Петрова";

    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        await DemoCommand.FillAsync(scope.ServiceProvider, clients: 150, purchases: 1500, seed: 7, CancellationToken.None);
        // The demo gives its managers passwords nobody knows; this one signs in, so she gets the test's.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Employee>>();
        var manager = (await users.FindByEmailAsync(Departing))!;
        await users.RemovePasswordAsync(manager);
        Assert.True((await users.AddPasswordAsync(manager, RunningApp.OwnerPassword)).Succeeded);
    }

    [Fact]
    public async Task The_owner_offboards_a_single_threaded_manager_and_her_clients_go_to_successors_with_tasks()
    {
        var departingId = await ReadAsync(db => db.Set<Employee>().Where(e => e.Email == Departing).Select(e => e.Id).SingleAsync());
        var held = await ReadAsync(db => db.Clients.CountAsync(c => c.ManagerId == departingId));
        Assert.True(held > 5, $"the demo's first manager should hold a portfolio ({held})");

        // The departing manager is signed in in a browser of her own.
        var managerPage = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" })).NewPageAsync();
        await managerPage.GotoAsync(App.BaseUrl + "/clients");
        await managerPage.WaitForURLAsync("**/login**");
        await managerPage.FillAsync("#email", Departing);
        await managerPage.FillAsync("#password", RunningApp.OwnerPassword);
        await managerPage.ClickAsync("#sign-in");
        await managerPage.WaitForURLAsync(App.BaseUrl + "/clients");

        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/key-person-risk");
        var riskRow = page.Locator($"#risk-employees tr[data-employee='{departingId}']");
        await Expect(riskRow).ToContainTextAsync(DepartingName);
        // Her clients in touch this year run through her alone: some of them, with their revenue, are at risk.
        await Expect(riskRow.Locator("td").Nth(3)).Not.ToHaveTextAsync("0");
        await Expect(riskRow.Locator("td").Nth(4)).Not.ToHaveTextAsync("0");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("key-person-risk-ru.png") });

        await page.GotoAsync(App.BaseUrl + "/handover");
        await Browser.WaitUntilInteractiveAsync(page);
        await Browser.ChooseAsync(page, "departing-choice", DepartingName);
        await page.ClickAsync("#start-handover");
        await page.WaitForURLAsync("**/handover/*");
        await Expect(page.Locator("#handover-status")).ToHaveAttributeAsync("data-step", "reassign");
        await Expect(page.Locator("#handover-clients tbody tr")).ToHaveCountAsync(held);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("handover-review-ru.png") });

        // Cut off: her browser's next page load is the sign-in page.
        await managerPage.ReloadAsync();
        await managerPage.WaitForURLAsync("**/login**");

        // One client by hand (to the suggestion the list preselects), the rest to the suggestions.
        var first = page.Locator("#handover-clients tbody tr").First;
        await first.Locator(".reassign-one").ClickAsync();
        await Expect(first.Locator(".successor")).ToBeVisibleAsync();
        await page.ClickAsync("#accept-suggestions");
        await Expect(page.Locator("#handover-status")).ToHaveAttributeAsync("data-step", "introduce");
        await page.ClickAsync("#introduce");
        await Expect(page.Locator("#handover-status")).ToHaveAttributeAsync("data-step", "finish");
        await page.ClickAsync("#finish");
        await Expect(page.Locator("#handover-finished")).ToBeVisibleAsync();
        await Expect(page.Locator("#follow tbody tr")).ToHaveCountAsync(held);

        // The scorecard over the default six months: a row per manager beside its chart, the company's last.
        await page.GotoAsync(App.BaseUrl + "/manager-scorecard");
        await Expect(page.Locator("#scorecard tbody tr[data-manager='company']")).ToContainTextAsync("Компания");
        await Expect(page.Locator(".scorecard-chart svg").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#scorecard tbody tr").CountAsync() > 2, "the demo's managers each have a row");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("manager-scorecard-ru.png"), FullPage = true });

        var (stillHeld, openHeld, introductions, successors) = await ReadAsync(async db => (
            await db.Clients.CountAsync(c => c.ManagerId == departingId),
            await db.Tasks.CountAsync(t => t.AssigneeId == departingId && !t.Done),
            await db.Tasks.Where(t => t.Title.StartsWith("\u001E")).Select(t => new { t.Title, t.AssigneeId }).ToListAsync(),
            await db.Set<Employee>().Where(e => e.IsActive).Select(e => e.Id).ToListAsync()));
        Assert.Equal((0, 0), (stillHeld, openHeld));
        // The demo's own tasks are stored as kinds too: the introductions are the ones that read as such.
        var russian = System.Globalization.CultureInfo.GetCultureInfo("ru");
        introductions = [.. introductions.Where(t => Message.Parse(t.Title)?.Render(russian).StartsWith("Представиться клиенту", StringComparison.Ordinal) == true)];
        Assert.Equal(held, introductions.Count);
        Assert.All(introductions, t => Assert.Contains(t.AssigneeId!.Value, successors));
        Assert.True(introductions.Select(t => t.AssigneeId).Distinct().Count() > 1, "the suggestions spread the clients over more than one successor");
    }

    private async Task<T> ReadAsync<T>(Func<ClienteleDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateSystemScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
    }
}
