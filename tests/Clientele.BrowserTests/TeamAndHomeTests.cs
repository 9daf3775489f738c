using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// Issue 20's menu, team page and personal home in one journey of the owner: the home page shows the owner's task for
/// today; the six menu groups stand on one line at 1440 px in Russian and German; the team page changes a role only
/// after a confirmation that says what the person will see; at 390 px the menu button opens the whole menu, Escape
/// folds it and a link in it navigates.
/// </summary>
public sealed class TeamAndHomeTests : AppInBrowserTest
{
    [Fact]
    public async Task The_owner_sees_their_day_uses_the_grouped_menu_changes_a_role_after_confirming_and_navigates_on_a_phone()
    {
        long managerId;
        await using (var scope = App.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Employee>>();
            var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            managerId = (await UserAdmin.AddAsync(users, "maria@team.test", EmployeeRole.Manager, "Мария Менеджер", RunningApp.OwnerPassword, TimeProvider.System)).Id;
            var owner = (await users.FindByEmailAsync(RunningApp.OwnerEmail))!;
            var client = (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = "Торговый дом Вектор", Status = ClientStatus.Active }, default)).Value!.Id;
            var days = await CompanyDays.OfAsync(db);
            db.Tasks.Add(new FollowUpTask { ClientId = client, Title = "Позвонить о поставке", DueAt = days.EndOf(days.Today(db.UtcNow)).AddMinutes(-1), AssigneeId = owner.Id });
            await db.SaveChangesAsync();
        }
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/");

        // The home page: the owner's task of the day, linked to its client.
        await Expect(page.Locator("#my-tasks .home-tasks .title")).ToHaveTextAsync(["Позвонить о поставке"]);
        await Expect(page.Locator("#month-to-date #period-note")).ToContainTextAsync("неполные");

        // Six groups and the rest of the bar on one line.
        var groups = page.Locator(".app-nav .nav-group-button");
        await Expect(groups).ToHaveTextAsync(["Клиенты ▾", "Продажи ▾", "Рассылки ▾", "Аналитика ▾", "Команда ▾", "Настройки ▾"]);
        await AssertOneLineAsync(page);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("menu-home-1440-ru.png") });

        // A group opens by click, says so, and its link leads to the team page.
        await page.ClickAsync("#nav-team");
        await Expect(page.Locator("#nav-team")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ClickAsync("#nav-team-menu a[href='/team']");
        await page.WaitForURLAsync(App.BaseUrl + "/team");
        await Expect(page.Locator("#nav-team")).ToHaveAttributeAsync("aria-expanded", "false");

        // A role change asks first and says what changes; cancelling keeps the role, confirming changes it.
        // The role is a Radzen dropdown (no native select left, issue 20), labelled for screen readers by the user's name.
        var role = page.Locator($"#role-{managerId}-choice");
        await Expect(page.GetByLabel("Роль: Мария Менеджер")).ToHaveCountAsync(1);
        await Browser.ChooseAsync(page, $"role-{managerId}-choice", "Аналитик");
        await Expect(page.Locator("#confirm-text")).ToContainTextAsync("Мария Менеджер будет видеть показатели и аналитику");
        await page.ClickAsync("#confirm-no");
        await Expect(page.Locator("#confirm-change")).ToHaveCountAsync(0);
        await Expect(role).ToHaveAttributeAsync("data-role", "manager");
        await Expect(role).ToContainTextAsync("Менеджер");
        await Browser.ChooseAsync(page, $"role-{managerId}-choice", "Аналитик");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("team-confirm-role-ru.png") });
        await page.ClickAsync("#confirm-yes");
        await Expect(page.Locator("#users-done")).ToBeVisibleAsync();
        await Expect(role).ToHaveAttributeAsync("data-role", "analyst");

        // An invitation by a copyable link; the invitee, whose browser speaks German, chooses name and password.
        await page.FillAsync("#invite-email", "olga.neu@firma.test");
        await page.ClickAsync("#invite");
        var link = page.Locator("#invite-link");
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/invite/[0-9]+\\."));
        var invitee = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" })).NewPageAsync();
        await invitee.GotoAsync(await link.InputValueAsync());
        await invitee.FillAsync("#invite-name", "Olga Neu");
        await invitee.FillAsync("#invite-password", "Seven green lanterns");
        await invitee.ClickAsync("#accept-invite");
        await Expect(invitee.Locator("#form-message")).ToHaveTextAsync("Ihr Konto ist bereit: Melden Sie sich mit olga.neu@firma.test und Ihrem neuen Passwort an.");
        await invitee.Context.CloseAsync();

        // A second invitation is withdrawn after a confirmation; its link then tells a German visitor so.
        await page.FillAsync("#invite-email", "falsch@firma.test");
        await page.ClickAsync("#invite");
        await Expect(page.Locator("#invite-made")).ToContainTextAsync("falsch@firma.test");
        var withdrawnLink = await link.InputValueAsync();
        var row = page.Locator("#open-invites tbody tr", new PageLocatorOptions { HasText = "falsch@firma.test" });
        await row.Locator(".withdraw-invite").ClickAsync();
        await Expect(page.Locator("#confirm-withdraw-text")).ToContainTextAsync("Ссылка сразу перестанет работать");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("team-withdraw-invite-ru.png") });
        await page.ClickAsync("#confirm-withdraw-yes");
        await Expect(page.Locator("#invite-withdrawn")).ToHaveTextAsync("Приглашение для falsch@firma.test отозвано.");
        await Expect(row).ToHaveCountAsync(0);
        var visitor = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" })).NewPageAsync();
        var answer = await visitor.GotoAsync(withdrawnLink);
        Assert.Equal(410, answer!.Status);
        await Expect(visitor.Locator("body")).ToContainTextAsync("Diese Einladung wurde zurückgezogen.");
        await visitor.Context.CloseAsync();
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("team-1440-ru.png"), FullPage = true });

        // German: the same bar on one line.
        await page.ClickAsync("a[data-culture=de]");
        await Expect(groups).ToHaveTextAsync(["Kunden ▾", "Vertrieb ▾", "Kampagnen ▾", "Analysen ▾", "Team ▾", "Einstellungen ▾"]);
        await Browser.WaitUntilInteractiveAsync(page);
        await AssertOneLineAsync(page);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("team-1440-de.png") });

        // A phone: the menu folds behind one button; it opens, Escape folds it, and a link in it navigates.
        await page.SetViewportSizeAsync(390, 844);
        var toggle = page.Locator("#menu-toggle");
        await Expect(page.Locator(".app-nav")).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator(".app-nav a[href='/at-risk']")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the open menu scrolls sideways");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("team-390-de.png"), FullPage = true });
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("menu-390-de.png") });
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".app-nav")).ToBeHiddenAsync();
        await Expect(toggle).ToBeFocusedAsync();
        await toggle.ClickAsync();
        await page.ClickAsync(".app-nav a[href='/']");
        await page.WaitForURLAsync(App.BaseUrl + "/");
        await Expect(page.Locator(".app-nav")).ToBeHiddenAsync();
        await Expect(page.Locator("#my-tasks .home-tasks .title")).ToHaveTextAsync(["Позвонить о поставке"]);

        await page.ClickAsync("#menu-toggle");
        await page.ClickAsync("a[data-culture=ru]");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#menu-toggle");
        await Expect(page.Locator(".app-nav .nav-group-button").First).ToContainTextAsync("Клиенты");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("menu-390-ru.png") });
    }

    /// <summary>Every entry of the top bar stands on the same line, and the bar is one line high.</summary>
    private static async Task AssertOneLineAsync(IPage page)
    {
        var bar = (await page.Locator(".rz-header").BoundingBoxAsync())!;
        Assert.True(bar.Height < 70, $"the top bar is {bar.Height} px high");
        var tops = new List<float>();
        foreach (var entry in await page.Locator(".app-nav > a, .app-nav .nav-group-button, .user-name, .logout button").AllAsync())
        {
            var box = (await entry.BoundingBoxAsync())!;
            tops.Add(box.Y + box.Height / 2);
        }
        Assert.True(tops.Max() - tops.Min() < 12, $"the bar's entries stand at heights {string.Join(", ", tops)}");
    }
}
