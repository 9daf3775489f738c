using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Demo;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

public sealed class ClientJourneyTests : AppInBrowserTest
{
    [Fact]
    public async Task Manager_finds_a_client_by_phone_in_another_format_logs_a_call_and_sees_it_on_the_timeline()
    {
        var clientId = await CreateClientAsync("Торговый дом Вектор", "+7 916 123-45-67");
        await CreateClientAsync("Альфа Снаб", "+7 925 765-43-21");
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();

        await Browser.SignInAsync(page, App.BaseUrl, "/clients");
        await Expect(page.Locator(".client-link")).ToHaveCountAsync(2);
        await page.FillAsync("#client-search", "8 (916) 123-45-67");
        await Expect(page.Locator(".client-link")).ToHaveTextAsync(["Торговый дом Вектор"]);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("clients-search-ru.png") });

        await page.ClickAsync(".client-link");
        await Expect(page.Locator("#client-name")).ToHaveTextAsync("Торговый дом Вектор");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("#client-phone")).ToHaveTextAsync("+7 916 123-45-67");

        await page.ClickAsync("#action-log-call");
        await page.FillAsync("#interaction-outcome", "договорились о поставке");
        await page.FillAsync("#interaction-text", "Клиент просит счёт до пятницы");
        await page.ClickAsync("#save-interaction");
        await Expect(page.Locator("#log-interaction-form")).ToHaveCountAsync(0);

        await page.Locator(".rz-tabview-nav li").Nth(1).ClickAsync();
        await Expect(page.Locator("#timeline li[data-kind=Interaction]")).ToContainTextAsync("договорились о поставке");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("client-card-ru.png"), FullPage = true });

        await using var scope = App.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var call = await db.Interactions.SingleAsync(i => i.ClientId == clientId);
        Assert.Equal("Клиент просит счёт до пятницы", call.Text);
        Assert.NotNull(call.EmployeeId);
    }

    [Fact]
    public async Task Bad_input_in_the_client_form_shows_the_message_next_to_the_field_and_saves_nothing()
    {
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/clients/new");
        await page.Locator("input[name=name]").FillAsync("Lieferprofi");
        await page.Locator("input[name=taxId]").FillAsync("DE123456789");
        await page.Locator("input[name=email]").FillAsync("not-an-address");
        await page.ClickAsync("#save-client");
        await Expect(page.Locator(".field-error[data-field=taxId]")).ToContainTextAsync("not a valid German VAT id");
        await Expect(page.Locator(".field-error[data-field=email]")).ToContainTextAsync("not a valid e-mail");

        // The same refusal in the Russian interface is Russian, with the refused value in it.
        var russian = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU" })).NewPageAsync();
        await Browser.SignInAsync(russian, App.BaseUrl, "/clients/new");
        await russian.Locator("input[name=name]").FillAsync("Вектор");
        await russian.Locator("input[name=email]").FillAsync("anna@@vektor.ru");
        await russian.ClickAsync("#save-client");
        await Expect(russian.Locator(".field-error[data-field=email]")).ToHaveTextAsync("«anna@@vektor.ru» — неверный адрес электронной почты.");

        await using var scope = App.Services.CreateSystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Clients.CountAsync());
    }

    [Fact]
    public async Task A_contact_person_added_on_the_card_makes_the_client_findable_by_their_phone()
    {
        var clientId = await CreateClientAsync("Baustoffe Krüger", "+49 30 1234567");
        // A German firm reads numbers without a country code as German ones.
        await using (var settings = App.Services.CreateSystemScope())
            await settings.ServiceProvider.GetRequiredService<ClienteleDb>().CompanySettings
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DefaultPhoneRegion, "DE"));
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, $"/clients/{clientId}");

        await page.Locator(".rz-tabview-nav li").Nth(2).ClickAsync();
        await page.ClickAsync("#action-add-contact");
        await page.FillAsync("#contact-name", "Sabine Krüger");
        await page.FillAsync("#contact-phone", "0171 2345678");
        await page.FillAsync("#contact-email", " Sabine.Krueger@Example.DE ");
        await page.ClickAsync("#save-contact");
        await Expect(page.Locator("#contact-person-form")).ToHaveCountAsync(0);
        await Expect(page.GetByText("+49 171 2345678")).ToBeVisibleAsync();

        await page.GotoAsync(App.BaseUrl + "/clients");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.FillAsync("#client-search", "+49 171 234");
        await Expect(page.Locator(".client-link")).ToHaveTextAsync(["Baustoffe Krüger"]);

        await using var scope = App.Services.CreateSystemScope();
        var person = await scope.ServiceProvider.GetRequiredService<ClienteleDb>().ContactPersons.SingleAsync(p => p.ClientId == clientId);
        Assert.Equal(["sabine.krueger@example.de"], person.Emails);
    }

    [Fact]
    public async Task The_demo_base_is_browsable_in_German()
    {
        await using (var scope = App.Services.CreateSystemScope())
            await DemoCommand.FillAsync(scope.ServiceProvider, clients: 300, purchases: 3000, seed: 7, CancellationToken.None);
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();

        await Browser.SignInAsync(page, App.BaseUrl, "/clients");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kunden");
        await Expect(page.Locator(".client-link")).ToHaveCountAsync(25);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("clients-demo-de.png") });

        await page.Locator(".client-link").First.ClickAsync();
        await Expect(page.Locator(".rz-tabview-nav li").First).ToHaveTextAsync("Übersicht");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("client-card-demo-de.png"), FullPage = true });
    }

    private async Task<long> CreateClientAsync(string name, string phone)
    {
        await using var scope = App.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var outcome = await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = name, Phone = phone, Status = ClientStatus.Active }, CancellationToken.None);
        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        return outcome.Value!.Id;
    }
}
