using System.Text.RegularExpressions;
using Clientele.Data;
using Clientele.Features.Campaigns;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Groups;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Clientele.Features.Surveys;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// Issue 22's marketer, tried as a new user would: builds a campaign for a group in German, writes the template and
/// sees it rendered (an unknown placeholder is named at once), previews the audience with its exclusions and reasons,
/// tries a test send, launches after a confirmation that states how many messages go out, and reads the report (in
/// German, then Russian); the message is on the client's timeline. No SMTP server is set up, so the test send says so and nothing is sent.
/// The contact policy shows before sending (ADR 039): a client with an open complaint is excluded with that reason, and a
/// person who had two messages this week is postponed by the cap.
/// </summary>
public sealed class CampaignPagesTests : AppInBrowserTest
{
    private const string MarketerEmail = "marketer@browser.test";
    private long reader;

    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClienteleDb>();
        await UserAdmin.AddAsync(services.GetRequiredService<UserManager<Employee>>(), MarketerEmail, EmployeeRole.Marketer, "Mia Marketing",
            RunningApp.OwnerPassword, TimeProvider.System);
        // No quiet hours: what goes out at once must not depend on the hour the test runs at.
        Assert.Empty((await services.GetRequiredService<CampaignSettingsStore>().SavePolicyAsync(new ContactPolicyInput(2, 4, 0, 0), default)).Errors.All);
        var group = (await EntityWriter.CreateAsync(db, GroupSpec.Instance, new GroupInput { Name = "Risiko A" }, default)).Value!.Id;
        var consents = services.GetRequiredService<ConsentWriter>();
        async Task<long> ClientAsync(string name, string person, string? email, bool consent)
        {
            var client = (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = name, Status = ClientStatus.Active }, default)).Value!.Id;
            var contact = (await EntityWriter.CreateAsync(db, ContactPersonsApi.Spec,
                new ContactPersonInput { ClientId = client, Name = person, Emails = email is null ? [] : [email] }, default)).Value!.Id;
            if (consent)
                Assert.Equal(PrivacyOutcome.Ok, (await consents.GiveAsync(client, new GiveConsentInput(contact, ContactChannel.Email, ConsentPurpose.Marketing, ConsentSource.WebForm, Text: "Angebote per E-Mail, bitte."), null, default)).Kind);
            Assert.Equal(MembershipChange.Done, await GroupMembership.AddAsync(db, group, client, default));
            return client;
        }
        reader = await ClientAsync("Bäckerei Sonne", "Anna Berg", "anna@sonne.example", consent: true);
        await ClientAsync("Holz & Co", "Bernd Kurz", "bernd@holz.example", consent: false);
        await ClientAsync("Kiosk Eck", "Carla Eck", null, consent: true);
        var unhappy = await ClientAsync("Metzgerei Dorn", "Dora Dorn", "dora@dorn.example", consent: true);
        Assert.True((await SurveyRecorder.RecordAsync(db, new SurveyInput { ClientId = unhappy, Satisfaction = 3, Missing = "Lieferung zu spät" }, null, null, default)).Kind == Clientele.Infrastructure.Validation.OutcomeKind.Ok);
        var busy = await ClientAsync("Optik Ernst", "Emil Ernst", "emil@ernst.example", consent: true);
        // This week's history of the person: two marketing messages already went out, the weekly cap of two is full.
        var emil = db.ContactPersons.Single(p => p.ClientId == busy).Id;
        var now = DateTime.UtcNow;
        db.AddRange(Enumerable.Range(1, 2).Select(d => new OutboxMessage
        {
            ClientId = busy, ContactPersonId = emil, Kind = OutboxKind.Marketing, Address = "emil@ernst.example", Language = "de",
            Status = OutboxStatus.Sent, NotBefore = now.AddDays(-d), SentAt = now.AddDays(-d), CreatedAt = now.AddDays(-d),
        }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_marketer_builds_previews_and_launches_a_campaign_and_reads_its_report_in_german_and_russian()
    {
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/campaigns", MarketerEmail);
        await Expect(page.Locator("#no-campaigns")).ToBeVisibleAsync();
        await page.ClickAsync("#new-campaign");
        await page.WaitForURLAsync("**/campaigns/new");
        await Browser.WaitUntilInteractiveAsync(page);

        await page.FillAsync("#campaign-name", "Herbstangebot");
        await Browser.ChooseAsync(page, "audience-group-choice", "Risiko A");
        await Expect(page.Locator("#placeholders")).ToContainTextAsync("{{ last_purchase.date }}");
        await page.FillAsync("#template-subject", "Angebot für {{ kunde.name }}");
        await page.FillAsync("#template-html", "<p>Hallo {{ contact.name }}, Ihr Angebot für {{ client.name }}.</p>");
        await Expect(page.Locator("#render-errors")).ToContainTextAsync("den Platzhalter „kunde.name“ gibt es nicht");
        await page.FillAsync("#template-subject", "Angebot für {{ client.name }}");
        await page.FillAsync("#template-text", "Hallo {{ contact.name }}. Abmelden: {{ unsubscribe_url }}");
        await page.Locator("#template-text").BlurAsync();
        await Expect(page.Locator("#rendered-subject")).ToHaveTextAsync("Angebot für Beispielkunde");
        await Expect(page.Locator("#rendered-text")).ToContainTextAsync("/unsubscribe/example");

        await page.ClickAsync("#preview-audience");
        await page.WaitForURLAsync(new Regex(@"/campaigns/\d+/edit$"));
        await Expect(page.Locator("#preview-counts tr[data-count=audience] td")).ToHaveTextAsync("5");
        await Expect(page.Locator("#preview-counts tr[data-count=send-now] td")).ToHaveTextAsync("1");
        await Expect(page.Locator("#preview-counts tr[data-count=postponed] td")).ToHaveTextAsync("1");
        await Expect(page.Locator("#preview-counts tr[data-reason=OpenComplaint]")).ToContainTextAsync("offene Beschwerde");
        await Expect(page.Locator("#excluded tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#excluded tr[data-reason=OpenComplaint]")).ToContainTextAsync("Dora Dorn");
        await Expect(page.Locator("#excluded tr[data-reason=NoConsent]")).ToContainTextAsync("Bernd Kurz");
        await Expect(page.Locator("#excluded tr[data-reason=NoAddress]")).ToContainTextAsync("Kiosk Eck");
        await Browser.AssertNoPolicyViolationsAsync(page);
        await page.Locator("#excluded").ScrollIntoViewIfNeededAsync();
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-builder-de-1440.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("#preview-counts").ScrollIntoViewIfNeededAsync();
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-builder-de-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1440, 900);

        await page.ClickAsync("#test-send");
        await Expect(page.Locator("#campaign-problem")).ToContainTextAsync("noch kein SMTP-Server");

        await page.ClickAsync("#launch");
        await Expect(page.Locator("#launch-confirm")).ToContainTextAsync("2 Nachrichten gehen hinaus: 1 sofort und 1 später");
        await page.ClickAsync("#launch-yes");
        await page.WaitForURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.Locator("#report-messages tr[data-count=waiting] td")).ToHaveTextAsync("2");
        await Expect(page.Locator("#report-revenue tr[data-group=recipients] td").First).ToHaveTextAsync("2");
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-report-de-1440.png"), FullPage = true });

        // The report in Russian, and the rest of the way there.
        var reportPath = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync($"{App.BaseUrl}/culture/ru?redirect={Uri.EscapeDataString(reportPath)}");
        await page.WaitForURLAsync("**" + reportPath);
        await Expect(page.Locator("#report-messages tr[data-count=waiting] th")).ToHaveTextAsync("Ждут отправки");
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-report-ru-1440.png"), FullPage = true });

        await page.GotoAsync($"{App.BaseUrl}/campaigns");
        await Expect(page.Locator("#campaigns tbody tr")).ToContainTextAsync("Запущена");

        await page.GotoAsync($"{App.BaseUrl}/clients/{reader}");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Хронология") }).ClickAsync();
        await Expect(page.Locator("#timeline li[data-kind=Message]")).ToContainTextAsync("Рассылка «Herbstangebot» для Anna Berg: ждёт отправки");

        // An SMS campaign's text with its length and segments, counted as the network counts them (ADR 038).
        await page.GotoAsync($"{App.BaseUrl}/campaigns/new");
        await Browser.WaitUntilInteractiveAsync(page);
        await Browser.ChooseAsync(page, "campaign-channel-choice", "SMS");
        await Expect(page.Locator("#template-subject")).ToHaveCountAsync(0);
        await page.FillAsync("#template-text", "Здравствуйте, {{ contact.name }}! Для {{ client.name }} скидка 10% до пятницы.");
        await Expect(page.Locator("#rendered-text")).ToContainTextAsync("Отписаться: ");
        var shown = (await page.Locator("#rendered-text").TextContentAsync())!;
        var counted = Clientele.Analytics.Messaging.SmsLength.Measure(shown);
        Assert.Equal(Clientele.Analytics.Messaging.SmsEncoding.Ucs2, counted.Encoding);
        await Expect(page.Locator("#sms-measure")).ToHaveAttributeAsync("data-segments", counted.Segments.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#sms-measure")).ToContainTextAsync($"{counted.Units} знаков, SMS: {counted.Segments}");
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-sms-ru-1440.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-sms-ru-390.png"), FullPage = true });
        // The same in German, whose umlauts and ß stay in GSM-7: 160 characters to an SMS.
        await page.GotoAsync($"{App.BaseUrl}/culture/de?redirect={Uri.EscapeDataString("/campaigns/new")}");
        await Browser.WaitUntilInteractiveAsync(page);
        await Browser.ChooseAsync(page, "campaign-channel-choice", "SMS");
        await page.FillAsync("#template-text", "Grüße, {{ contact.name }}! Für {{ client.name }} 10% Rabatt bis Freitag.");
        await Expect(page.Locator("#sms-measure")).ToContainTextAsync("GSM-7");
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-sms-de-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1440, 900);
        await Browser.ShotAsync(page, new() { Path = Browser.ArtifactPath("campaign-sms-de-1440.png"), FullPage = true });
    }
}
