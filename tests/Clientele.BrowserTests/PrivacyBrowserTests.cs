using Clientele.Data;
using Clientele.Features.Campaigns;
using Clientele.Tests.Campaigns;
using Clientele.Features.Clients;
using Clientele.Features.Privacy;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

public sealed class PrivacyBrowserTests : AppInBrowserTest
{
    [Fact]
    public async Task The_owner_gives_withdraws_and_requests_a_consent_on_the_card_erases_the_person_and_reads_the_breach_deadlines()
    {
        var smtp = new LoopbackSmtp();
        await smtp.InitializeAsync();
        try { await JourneyAsync(smtp); }
        finally { await smtp.DisposeAsync(); }
    }

    private async Task JourneyAsync(LoopbackSmtp smtp)
    {
        long clientId;
        await using (var scope = App.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            var outcome = await EntityWriter.CreateAsync(db, ClientSpec.Instance,
                new ClientInput { Name = "Anna Petrova", Kind = ClientKind.Person, Status = ClientStatus.Potential, Email = "anna.petrova@kunde.example" }, CancellationToken.None);
            Assert.Equal(OutcomeKind.Ok, outcome.Kind);
            clientId = outcome.Value!.Id;
            // The consent request mails the person through the campaigns' SMTP settings: a real server on loopback.
            db.Add(new MailSettings { Host = "127.0.0.1", Port = smtp.Port, Tls = MailTls.None, FromAddress = "crm@firma.example", FromName = "Firma", PublicUrl = App.BaseUrl });
            // Half an hour off the whole hour: the hours shown stay the same however long the page takes to load.
            db.Add(new DataBreach { Title = "Stolen laptop", DiscoveredAt = DateTime.UtcNow.AddHours(-30.5), PeopleAffected = 120 });
            await db.SaveChangesAsync();
        }
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, $"/clients/{clientId}");

        await page.ClickAsync("#action-consents");
        await page.FillAsync("#consent-text", "I agree to receive offers by e-mail.");
        await page.ClickAsync("#action-give-consent");
        await Expect(page.Locator("#consents-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#consents-table")).ToContainTextAsync("granted");
        await Expect(page.Locator("#privacy-consent-count")).ToHaveTextAsync("1 consents granted");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("client-consents-en.png") });
        await page.ClickAsync("#consents-table .withdraw");
        await Expect(page.Locator("#consents-table")).ToContainTextAsync("withdrawn on");
        await Expect(page.Locator("#privacy-consent-count")).ToHaveTextAsync("0 consents granted");

        // Asking is not recording: the button asks first, then mails the person a link; the card says so in the reader's language.
        await page.FillAsync("#request-text", "I agree to receive offers by e-mail.");
        await page.ClickAsync("#action-request-consent");
        await Expect(page.Locator("#request-consent-question")).ToContainTextAsync("the client");
        await page.ClickAsync("#confirm-request-consent");
        await Expect(page.Locator("#consent-request-sent")).ToContainTextAsync("The request went out");
        Assert.Contains("/consent/", Assert.Single(smtp.To("anna.petrova@kunde.example")).TextBody);
        await Expect(page.Locator("#privacy-consent-count")).ToHaveTextAsync("0 consents granted");

        await page.ClickAsync("#action-erase");
        await page.ClickAsync("#confirm-erase");
        await Expect(page.Locator(".field-error[data-field=reason]")).ToBeVisibleAsync();
        await page.FillAsync("#erase-reason", "The person asked to be forgotten");
        await page.ClickAsync("#confirm-erase");
        await Expect(page.Locator("#client-name")).ToHaveTextAsync($"Erased client #{clientId}");
        await Expect(page.Locator("#privacy-erased")).ToBeVisibleAsync();

        await page.GotoAsync(App.BaseUrl + "/privacy");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("#breaches-table")).ToContainTextAsync("Stolen laptop");
        await Expect(page.Locator("#breaches-table .deadline[data-notice=RoskomnadzorFirstNotice]")).ToHaveAttributeAsync("data-state", "Overdue");
        await Expect(page.Locator("#breaches-table .deadline[data-notice=RoskomnadzorFirstNotice]")).ToContainTextAsync("overdue by 6 h");
        await Expect(page.Locator("#breaches-table .deadline[data-notice=GdprSupervisoryAuthority]")).ToHaveAttributeAsync("data-state", "Open");
        await Expect(page.Locator("#breaches-table .deadline[data-notice=GdprSupervisoryAuthority]")).ToContainTextAsync("41 h left");
        await Expect(page.Locator("#erasures-table")).ToContainTextAsync("The person asked to be forgotten");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("privacy-page-en.png"), FullPage = true });

        await using var check = App.Services.CreateSystemScope();
        var stored = check.ServiceProvider.GetRequiredService<ClienteleDb>();
        Assert.Equal(ConsentSource.Other, (await stored.Set<PersonalDataConsent>().SingleAsync(c => c.ClientId == clientId)).WithdrawalSource);
        Assert.True(await stored.Set<ErasureRecord>().AnyAsync(r => r.ClientId == clientId));
    }
}
