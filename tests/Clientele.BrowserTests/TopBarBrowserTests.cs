using System.Net;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// Issue 20's top bar: on a 390-px phone the menu folds behind one button and opens with every page, the user and sign
/// out; the search box finds a client from any page; a page the role does not open says so in words; the favicon is served.
/// </summary>
public sealed class TopBarBrowserTests : AppInBrowserTest
{
    [Fact]
    public async Task On_a_phone_the_menu_folds_the_search_finds_a_client_and_a_closed_page_says_why()
    {
        await using (var scope = App.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            foreach (var (name, number) in new[] { ("Торговый дом Вектор", "+7 916 123-45-67"), ("Альфа Снаб", "+7 925 765-43-21") })
                Assert.Equal(OutcomeKind.Ok, (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = name, Phone = number, Status = ClientStatus.Active }, CancellationToken.None)).Kind);
            await UserAdmin.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<Employee>>(), "manager@browser.test", EmployeeRole.Manager, "Maria Manager", RunningApp.OwnerPassword, TimeProvider.System);
        }

        var phone = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true })).NewPageAsync();
        await Browser.SignInAsync(phone, App.BaseUrl, "/clients");
        var bar = await phone.Locator(".rz-header").BoundingBoxAsync();
        Assert.True(bar!.Height < 80, $"the folded top bar is {bar.Height} px high on a phone");
        await Expect(phone.Locator(".app-nav")).ToBeHiddenAsync();
        await Browser.ShotAsync(phone, new PageScreenshotOptions { Path = Browser.ArtifactPath("top-bar-phone-folded-ru.png") });

        await phone.ClickAsync("#menu-toggle");
        await Expect(phone.Locator(".app-nav a[href='/tasks']")).ToBeVisibleAsync();
        await Expect(phone.Locator(".user-name")).ToBeVisibleAsync();
        await Expect(phone.Locator(".logout button")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the open menu scrolls sideways");
        await Browser.ShotAsync(phone, new PageScreenshotOptions { Path = Browser.ArtifactPath("top-bar-phone-open-ru.png") });

        // A link followed inside the circuit folds the menu again.
        await phone.ClickAsync(".app-nav a[href='/tasks']");
        await phone.WaitForURLAsync(App.BaseUrl + "/tasks");
        await Expect(phone.Locator(".app-nav")).ToBeHiddenAsync();

        // The search box of the top bar, from another page, in the phone's open menu.
        await phone.ClickAsync("#menu-toggle");
        await phone.FillAsync("#global-search", "8 (916) 123-45-67");
        await phone.PressAsync("#global-search", "Enter");
        await phone.WaitForURLAsync("**/clients?q=*");
        await Expect(phone.Locator(".client-link")).ToHaveTextAsync(["Торговый дом Вектор"]);
        await Expect(phone.Locator("#client-search")).ToHaveValueAsync("8 (916) 123-45-67");

        // Back from a card returns to the same search in one step.
        await Browser.WaitUntilInteractiveAsync(phone);
        await phone.FillAsync("#client-search", "Альфа");
        await Expect(phone.Locator(".client-link")).ToHaveTextAsync(["Альфа Снаб"]);
        await phone.WaitForURLAsync("**/clients?q=*");
        await phone.ClickAsync(".client-link");
        await phone.WaitForURLAsync("**/clients/*");
        await phone.GoBackAsync();
        await Expect(phone.Locator("#client-search")).ToHaveValueAsync("Альфа");
        await Expect(phone.Locator(".client-link")).ToHaveTextAsync(["Альфа Снаб"]);

        // A manager opening the owner's settings is told in German that the page is closed to them, not sent to sign in.
        var manager = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await manager.GotoAsync(App.BaseUrl + "/settings");
        await manager.WaitForURLAsync("**/login**");
        await manager.FillAsync("#email", "manager@browser.test");
        await manager.FillAsync("#password", RunningApp.OwnerPassword);
        await manager.ClickAsync("#sign-in");
        await Expect(manager.Locator("#access-denied h1")).ToHaveTextAsync("Kein Zugriff");
        Assert.DoesNotContain("/login", manager.Url, StringComparison.Ordinal);
        await Browser.ShotAsync(manager, new PageScreenshotOptions { Path = Browser.ArtifactPath("access-denied-de.png") });

        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using var icon = await http.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await icon.Content.ReadAsByteArrayAsync())[..4]);
    }
}
