using Clientele.Data;
using System.Text.RegularExpressions;
using Clientele.Features.Campaigns;
using Clientele.Features.Clients;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// Issue 20's forms that people trust: the new-client form names an existing client with the tax id being typed, with
/// a link to open it (the API's door check, asked while typing); the card's call form refuses a score of 15 with the
/// API's rule, in the reader's language, and keeps what was typed; the owner's SMS gateway form (issue 22) keeps its key
/// secret and refuses a bad address the same way. One app for all: each test here starts its own.
/// </summary>
public sealed class TrustFormsBrowserTests : AppInBrowserTest
{
    [Fact]
    public async Task In_russian_the_new_client_form_names_a_client_with_the_typed_tax_id_the_call_form_refuses_a_score_of_15_and_the_sms_gateway_a_bad_address_keeping_them()
    {
        long existing;
        await using (var scope = App.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            var outcome = await EntityWriter.CreateAsync(db, ClientSpec.Instance,
                new ClientInput { Name = "ООО Вектор", TaxId = "7707083893", Status = ClientStatus.Active }, CancellationToken.None);
            Assert.Equal(OutcomeKind.Ok, outcome.Kind);
            existing = outcome.Value!.Id;
        }
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/clients/new");
        await Browser.WaitUntilInteractiveAsync(page);

        await page.FillAsync("input[name=name]", "Вектор, второй");
        await page.FillAsync("input[name=taxId]", "7707083893");

        await Expect(page.Locator("#client-repeat")).ToContainTextAsync($"Клиент с таким ИНН уже есть: ООО Вектор (id {existing}).");
        await Expect(page.Locator("#client-repeat")).ToContainTextAsync("Сохранение создаст второго клиента с тем же ИНН.");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("new-client-repeat-ru.png") });
        // Another value takes the hint away; the typed text stays.
        await page.FillAsync("input[name=taxId]", "7736207543");
        await Expect(page.Locator("#client-repeat")).ToBeHiddenAsync();
        await page.FillAsync("input[name=taxId]", "7707083893");
        await Expect(page.Locator("#client-repeat-open")).ToHaveAttributeAsync("href", $"/clients/{existing}");
        await page.GotoAsync(App.BaseUrl + $"/clients/{existing}");
        await Expect(page.Locator("#client-name")).ToHaveTextAsync("ООО Вектор");

        // The call form: 15 is refused by the spec the API uses (the numeric box used to turn it into 10, a promoter).
        await Browser.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#action-log-call");
        var score = page.Locator("#log-interaction-form input[name='score']");
        await score.FillAsync("15");
        await score.PressAsync("Tab");
        await page.ClickAsync("#save-interaction");
        await Expect(page.Locator("#log-interaction-form .field-error[data-field=score]")).ToHaveTextAsync("должно быть целым числом от 0 до 10.");
        await Expect(score).ToHaveValueAsync("15");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("call-score-15-refused-ru.png") });
        await using (var scope = App.Services.CreateSystemScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Interactions.CountAsync(i => i.ClientId == existing));

        // The SMS gateway (issue 22): a provider fills its request, the key is stored encrypted and never shown back, and a
        // bad address is refused in Russian with what was typed kept and the stored settings unchanged.
        await page.GotoAsync(App.BaseUrl + "/campaigns/settings");
        await Browser.WaitUntilInteractiveAsync(page);
        await Browser.ChooseAsync(page, "sms-preset-choice", "SMS.ru");
        await Expect(page.Locator("#sms-url")).ToHaveValueAsync("https://sms.ru/sms/send");
        await Expect(page.Locator("#sms-body")).ToHaveValueAsync(new Regex("api_id=\\{secret\\}"));
        await page.FillAsync("#sms-secret", "key-ru-123");
        await page.FillAsync("#sms-sender", "Vektor");
        await page.FillAsync("#sms-public-url", "https://crm.vektor.example");
        await page.ClickAsync("#save-sms");
        await Expect(page.Locator("#sms-notice")).ToHaveTextAsync("Сохранено.");
        await Expect(page.Locator("#sms-secret")).ToHaveValueAsync("");
        await Expect(page.Locator("#sms-secret")).ToHaveAttributeAsync("placeholder", "сохранён; оставьте пустым, чтобы не менять");
        SmsGatewaySettings Stored()
        {
            using var scope = App.Services.CreateSystemScope();
            return scope.ServiceProvider.GetRequiredService<ClienteleDb>().Set<SmsGatewaySettings>().AsNoTracking().Single();
        }
        var saved = Stored();
        Assert.Equal((SmsGatewayPreset.SmsRu, "https://sms.ru/sms/send", "Vektor", "https://crm.vektor.example"), (saved.Preset, saved.Url, saved.Sender, saved.PublicUrl));
        Assert.DoesNotContain("key-ru-123", saved.ProtectedSecret);
        await page.FillAsync("#sms-url", "ftp://sms.ru/send");
        await page.ClickAsync("#save-sms");
        await Expect(page.Locator("#sms-settings .field-error[data-field=url]")).ToContainTextAsync("https://");
        await Expect(page.Locator("#sms-url")).ToHaveValueAsync("ftp://sms.ru/send");
        Assert.Equal((saved.Url, saved.Version), (Stored().Url, Stored().Version));
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("sms-gateway-refused-ru.png"), FullPage = true });
    }
}
