using System.Net;
using System.Text.RegularExpressions;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Clientele.Tests.Infrastructure;
using Clientele.Tests.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// Double opt-in (issue 17, point 2): the request mail, the person's click on the public page, the link's single use,
/// expiry and forgery, a refusal reversed by the person, and the audience under the double opt-in setting. Here rather
/// than beside the consent tests because it needs this class's SMTP server on loopback.
/// </summary>
public abstract partial class CampaignsTests
{
    [GeneratedRegex(@"https://crm\.firma\.example(/consent/[A-Za-z0-9._-]+)")]
    private static partial Regex ConfirmationLink();

    private async Task<HttpResponseMessage> RequestConsentAsync(long client, long? person, string language = "de", HttpClient? as_ = null) =>
        await (as_ ?? Http).PostAsync($"/api/v1/clients/{client}/consent-requests",
            PrivacyKit.Json(new { contactPersonId = person, purpose = "Marketing", text = "Angebote per E-Mail, gern.", language }));

    /// <summary>The path of the confirmation link mailed to <paramref name="address"/> (the only mail to it).</summary>
    private string LinkTo(string address) => ConfirmationLink().Match(Assert.Single(smtp.To(address)).TextBody ?? "").Groups[1].Value;

    private static FormUrlEncodedContent Click() => new([]);

    [Fact]
    public async Task A_marketer_asks_the_person_confirms_through_the_link_over_their_refusal_and_the_link_works_once_and_not_when_forged_or_expired()
    {
        await ConfigureAsync();
        var marketer = await Privacy.CallerAsync(EmployeeRole.Marketer);
        var address = Unique("bestaetigt") + "@kunde.example";
        var (client, person) = await ContactAsync(address);
        // The person said no: only they (or the owner on their word) may turn it into a yes.
        var given = (await GetJsonAsync($"/api/v1/clients/{client}/consents")).GetProperty("current")[0];
        await JsonAsync(await Http.PostAsync($"/api/v1/clients/{client}/consents/{Id(given)}/withdraw", PrivacyKit.Json(new { source = "Call" })));
        await AssertProblemAsync(await marketer.PostAsync($"/api/v1/clients/{client}/consents",
            PrivacyKit.Json(new { contactPersonId = person, channel = "Email", purpose = "Marketing", source = "WebForm", text = "yes" })), HttpStatusCode.Forbidden);

        var request = await JsonAsync(await RequestConsentAsync(client, person, as_: marketer), HttpStatusCode.Created);
        Assert.DoesNotContain(address, request.GetRawText());
        // A second request while the first is open is not sent.
        await AssertProblemAsync(await RequestConsentAsync(client, person, as_: marketer), HttpStatusCode.Conflict);
        var mail = Assert.Single(smtp.To(address));
        Assert.Contains("Bitte bestätigen Sie", mail.Subject);
        Assert.Contains("Angebote per E-Mail, gern.", mail.TextBody);
        var link = LinkTo(address);

        var anonymous = App.ClientWithToken(null);
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Ich stimme zu", html);
        Assert.Contains("Angebote per E-Mail, gern.", html);

        // Forged links change nothing and say so in the reader's language.
        var before = await DbSnapshot.TakeAsync(App);
        var id = long.Parse(link["/consent/".Length..link.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var forged in new[] { link[..^2] + (link[^2..] == "AA" ? "BB" : "AA"), link.Replace($"/consent/{id}.", $"/consent/{id + 1}."), "/consent/1.x" })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, forged) { Content = Click() };
            post.Headers.AcceptLanguage.ParseAdd("ru");
            var refused = await anonymous.SendAsync(post);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Contains("Ссылка недействительна", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var confirmed = await anonymous.PostAsync(link, Click());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Ihre Einwilligung ist gespeichert", await confirmed.Content.ReadAsStringAsync());
        var current = (await GetJsonAsync($"/api/v1/clients/{client}/consents")).GetProperty("current").EnumerateArray()
            .Single(c => c.GetProperty("contactPersonId").GetInt64() == person);
        Assert.True(current.GetProperty("isGranted").GetBoolean());
        Assert.Equal("ConfirmationLink", current.GetProperty("source").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, current.GetProperty("recordedById").ValueKind);
        var stored = await App.ReadAsync(db => db.Set<ConsentRequest>().SingleAsync(r => r.Id == id));
        Assert.Equal(Id(current), stored.ConsentId);
        Assert.NotNull(stored.ConfirmedAt);
        Assert.False(string.IsNullOrEmpty(stored.ConfirmedFrom));
        var audited = await App.ReadAsync(db => db.Set<AuditEntry>().Where(a => a.Action == AuditAction.ConsentChanged && a.EntityId == Id(current)).Select(a => new { a.EmployeeId, a.Detail }).SingleAsync());
        Assert.Null(audited.EmployeeId);
        Assert.Contains($"(ConfirmationLink) from {stored.ConfirmedFrom}, request {id}", audited.Detail);

        // Used once: the second click changes nothing.
        before = await DbSnapshot.TakeAsync(App);
        var again = await anonymous.PostAsync(link, Click());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("bereits verwendet", await again.Content.ReadAsStringAsync());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        // Expired: a second person's request, aged past its lifetime by hand (the test does not wait a week).
        var late = Unique("spaet") + "@kunde.example";
        var (lateClient, latePerson) = await ContactAsync(late, consent: false);
        var lateRequest = Id(await JsonAsync(await RequestConsentAsync(lateClient, latePerson, "ru"), HttpStatusCode.Created));
        await App.ReadAsync(db => db.Set<ConsentRequest>().Where(r => r.Id == lateRequest).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, r => r.RequestedAt.AddDays(-1))));
        before = await DbSnapshot.TakeAsync(App);
        var expired = await anonymous.PostAsync(LinkTo(late), Click());
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Срок действия ссылки истёк", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(LinkTo(late))).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_consent_request_with_bad_input_is_400_naming_the_field_and_no_one_but_the_link_records_a_confirmation()
    {
        await ConfigureAsync();
        var analyst = await Privacy.CallerAsync(EmployeeRole.Analyst);
        var (client, person) = await ContactAsync(Unique("pruef") + "@kunde.example", consent: false);
        var (_, foreign) = await ContactAsync(Unique("fremd") + "@kunde.example", consent: false);
        var noAddress = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = "Ohne Adresse" }), HttpStatusCode.Created));
        var path = $"/api/v1/clients/{client}/consent-requests";
        var before = await DbSnapshot.TakeAsync(App);
        var mails = smtp.Messages().Count;

        await AssertInvalidAsync(await Http.PostAsync(path, PrivacyKit.Json(new { contactPersonId = person, text = "t" })), "purpose");
        await AssertInvalidAsync(await Http.PostAsync(path, PrivacyKit.Json(new { contactPersonId = person, purpose = "Marketing" })), "text");
        await AssertInvalidAsync(await Http.PostAsync(path, PrivacyKit.Json(new { contactPersonId = person, purpose = "Marketing", text = "t", consentTextId = 987654 })), "text");
        await AssertInvalidAsync(await Http.PostAsync(path, PrivacyKit.Json(new { contactPersonId = foreign, purpose = "Marketing", text = "t" })), "contactPersonId");
        await AssertInvalidAsync(await Http.PostAsync(path, PrivacyKit.Json(new { contactPersonId = person, purpose = "Marketing", text = "t", language = "fr" })), "language");
        var noMailbox = await AssertProblemAsync(await Http.PostAsync(path, PrivacyKit.Json(new { contactPersonId = noAddress, purpose = "Marketing", text = "t" })), HttpStatusCode.Conflict);
        Assert.Contains("e-mail address", noMailbox.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync(path, PrivacyKit.Json(new { contactPersonId = person, purpose = "Marketing", text = "t" }))).StatusCode);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/clients/987654/consent-requests", PrivacyKit.Json(new { purpose = "Marketing", text = "t" })), HttpStatusCode.NotFound);
        // Staff cannot pass a consent off as the person's own click.
        await AssertInvalidAsync(await Http.PostAsync($"/api/v1/clients/{client}/consents",
            PrivacyKit.Json(new { contactPersonId = person, channel = "Email", purpose = "Marketing", source = "ConfirmationLink", text = "t" })), "source");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(mails, smtp.Messages().Count);
    }

    [Fact]
    public async Task Under_double_opt_in_the_audience_counts_only_consents_the_person_confirmed_through_the_link()
    {
        await ConfigureAsync();
        var (byStaff, _) = await ContactAsync(Unique("personal") + "@kunde.example");
        var confirmedAddress = Unique("selbst") + "@kunde.example";
        var (bySelf, self) = await ContactAsync(confirmedAddress, consent: false);
        await JsonAsync(await RequestConsentAsync(bySelf, self), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientWithToken(null).PostAsync(LinkTo(confirmedAddress), Click())).StatusCode);
        var campaign = await CampaignAsync(await GroupAsync(byStaff, bySelf));

        var preview = await GetJsonAsync($"/api/v1/campaigns/{campaign}/preview");
        Assert.Equal((2, 0), (preview.GetProperty("recipients").GetInt32(), preview.GetProperty("excluded").GetInt32()));

        try
        {
            var policy = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/contact-policy",
                new { perWeek = 2, perMonth = 4, quietFromHour = 0, quietUntilHour = 0, doubleOptInEmail = true }));
            Assert.True(policy.GetProperty("doubleOptInEmail").GetBoolean());
            preview = await GetJsonAsync($"/api/v1/campaigns/{campaign}/preview");
            Assert.Equal((1, 1), (preview.GetProperty("recipients").GetInt32(), preview.GetProperty("excluded").GetInt32()));
            var excluded = Assert.Single(preview.GetProperty("excludedContacts").EnumerateArray());
            Assert.Equal((byStaff, "NoConsent"), (excluded.GetProperty("clientId").GetInt64(), excluded.GetProperty("reason").GetString()));
        }
        finally
        {
            // The policy is one row for the whole class: the other tests expect double opt-in off.
            await ConfigureAsync();
        }
    }
}
