using System.Net;
using Clientele.Data;
using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Campaigns;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Clientele.Tests.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// Campaigns against a real SMTP server on loopback (aiosmtpd): who gets a message, what it carries, the unsubscribe
/// link, the caps across campaigns, bounces, retries, and a sender killed at its worst moments.
/// </summary>
public abstract partial class CampaignsTests(AppFixture fixture, LoopbackSmtp smtp, LoopbackSmsGateway gateway) : ApiTest(fixture)
{
    private PrivacyKit Privacy => new(App);

    private async Task ConfigureAsync(int perWeek = 2, int perMonth = 4)
    {
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/mail", new
        {
            host = "127.0.0.1", port = smtp.Port, tls = "None", fromAddress = "news@firma.example", fromName = "Firma", publicUrl = "https://crm.firma.example",
            messagesPerSecond = 1000,
        }));
        // No quiet hours: the tests run at any hour of the real clock.
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/contact-policy", new { perWeek, perMonth, quietFromHour = 0, quietUntilHour = 0 }));
    }

    private async Task<long> GroupAsync(params long[] clients)
    {
        var group = Id(await JsonAsync(await PostAsync("/api/v1/groups", new { name = Unique("Audience ") }), HttpStatusCode.Created));
        foreach (var client in clients) Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/groups/{group}/members/{client}", null)).StatusCode);
        return group;
    }

    /// <summary>A client with one contact person at <paramref name="email"/>, with or without a marketing e-mail consent.</summary>
    private async Task<(long Client, long Person)> ContactAsync(string email, bool consent = true, string? language = null, object? clientFields = null)
    {
        var client = Id(await CreateClientAsync(Unique("Kunde "), clientFields));
        var person = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = Unique("Anna "), emails = new[] { email }, preferredLanguage = language }),
            HttpStatusCode.Created));
        if (consent) await Privacy.GiveAsync(client, new { contactPersonId = person, channel = "Email", purpose = "Marketing", source = "WebForm", text = "Offers by e-mail, please." });
        return (client, person);
    }

    private static object Template(string language, string subject, string html = "<p>Hallo {{ contact.name }} von {{ client.name }}</p><a href=\"{{ unsubscribe_url }}\">x</a>",
        string text = "Hallo {{ contact.name }} von {{ client.name }}. Abmelden: {{ unsubscribe_url }}") => new { language, subject, html, text };

    private async Task<long> CampaignAsync(long group, string overCap = "Skip", int holdoutPercent = 0, params object[] templates) =>
        Id(await JsonAsync(await PostAsync("/api/v1/campaigns", new
        {
            name = Unique("Campaign "), audience = new { groupId = group }, holdoutPercent, overCap,
            templates = templates.Length > 0 ? templates : [Template("de", "Angebot für {{ client.name }}"), Template("en", "An offer for {{ client.name }}")],
            defaultLanguage = "en",
        }), HttpStatusCode.Created));

    private async Task<JsonElement> LaunchAsync(long campaign) => await JsonAsync(await Http.PostAsync($"/api/v1/campaigns/{campaign}/launch", null));

    private async Task<SendSummary> SendAsync(SenderHooks? hooks = null)
    {
        await using var scope = App.Services.CreateSystemScope();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clientele:Campaigns:RetryDelayMs"] = "1", ["Clientele:Campaigns:SmsTimeoutMs"] = "1500" }).Build();
        var sender = new CampaignSender(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), TimeProvider.System, hooks ?? new SenderHooks(), configuration,
            NullLogger<CampaignSender>.Instance);
        return await sender.SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Mail_settings_keep_the_password_encrypted_and_never_show_it_and_bad_input_changes_nothing()
    {
        var saved = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/mail", new
        {
            host = "127.0.0.1", port = smtp.Port, tls = "None", userName = "mailer", password = "s3cret-Passw0rd", fromAddress = "news@firma.example",
            publicUrl = "https://crm.firma.example",
        }));
        Assert.True(saved.GetProperty("hasPassword").GetBoolean());
        Assert.DoesNotContain("s3cret", saved.GetRawText());
        Assert.DoesNotContain("s3cret", (await GetJsonAsync("/api/v1/campaign-settings/mail")).GetRawText());
        var stored = await App.ReadAsync(db => db.Set<MailSettings>().SingleAsync());
        Assert.DoesNotContain("s3cret", stored.ProtectedPassword);
        Assert.Equal("s3cret-Passw0rd", await App.ReadAsync(db => Task.FromResult(MailSecrets.Of(db).Unprotect(stored.ProtectedPassword!))));

        var marketer = await Privacy.CallerAsync(EmployeeRole.Marketer);
        var before = await DbSnapshot.TakeAsync(App);
        var de = App.ClientWithToken(App.OwnerToken);
        de.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var bad = await AssertInvalidAsync(await SendAsync(de, HttpMethod.Put, "/api/v1/campaign-settings/mail",
            JsonSerializer.Serialize(new { host = "127.0.0.1", port = 70000, fromAddress = "not an address", publicUrl = "ftp://x" })), "port");
        Assert.Contains("Portnummer", bad.GetProperty("errors").GetProperty("port")[0].GetString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("fromAddress", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("publicUrl", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/v1/campaign-settings/mail")).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        await ConfigureAsync();
    }

    [Fact]
    public async Task A_campaign_reaches_consented_contacts_in_their_language_with_unsubscribe_headers_and_the_link_withdraws_the_consent()
    {
        await ConfigureAsync();
        var reader = Unique("leserin") + "@kunde.example";
        var (client, person) = await ContactAsync(reader, language: "de");
        var (silent, _) = await ContactAsync(Unique("silent") + "@kunde.example", consent: false);
        var (noAddress, _) = await ContactAsync("", consent: true);
        var campaign = await CampaignAsync(await GroupAsync(client, silent, noAddress));

        var preview = await GetJsonAsync($"/api/v1/campaigns/{campaign}/preview");
        Assert.Equal((3, 1, 1, 2), (preview.GetProperty("audienceClients").GetInt32(), preview.GetProperty("recipients").GetInt32(),
            preview.GetProperty("sendNow").GetInt32(), preview.GetProperty("excluded").GetInt32()));
        Assert.Contains(preview.GetProperty("excludedContacts").EnumerateArray(), e => e.GetProperty("clientId").GetInt64() == silent && e.GetProperty("reason").GetString() == "NoConsent");
        await LaunchAsync(campaign);
        Assert.Equal(1, (await SendAsync()).Sent);

        var mail = Assert.Single(smtp.To(reader));
        var clientName = (await GetJsonAsync($"/api/v1/clients/{client}")).GetProperty("name").GetString();
        Assert.Equal($"Angebot für {clientName}", mail.Subject);
        Assert.Contains($"von {clientName}", mail.TextBody);
        Assert.Contains($"von {clientName}", mail.HtmlBody);
        var outboxId = await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.CampaignId == campaign).Select(m => m.Id).SingleAsync());
        Assert.StartsWith($"outbox-{outboxId}.", mail.MessageId);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith("https://crm.firma.example/unsubscribe/", link);
        Assert.Contains(link, mail.TextBody);

        var anonymous = App.ClientWithToken(null);
        var path = new Uri(link).AbsolutePath;
        var forged = path[..^3] + (path[^3..] == "AAA" ? "BBB" : "AAA");
        var before = await DbSnapshot.TakeAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(forged, new StringContent("List-Unsubscribe=One-Click"))).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        var oneClick = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);

        var consents = await GetJsonAsync($"/api/v1/clients/{client}/consents");
        Assert.Contains(consents.GetProperty("current").EnumerateArray(), c => c.GetProperty("contactPersonId").GetInt64() == person && !c.GetProperty("isGranted").GetBoolean()
            && c.GetProperty("withdrawalSource").GetString() == "WebForm");
        Assert.True(await App.ReadAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditAction.ConsentChanged && a.Detail!.StartsWith("withdrew Email/Marketing"))));
        var report = await GetJsonAsync($"/api/v1/campaigns/{campaign}/report");
        Assert.Equal((1, 1), (report.GetProperty("sent").GetInt32(), report.GetProperty("optedOut").GetInt32()));
        // The next campaign leaves the person out.
        var next = await GetJsonAsync($"/api/v1/campaigns/{await CampaignAsync(await GroupAsync(client))}/preview");
        Assert.Equal(0, next.GetProperty("recipients").GetInt32());
        // The manager's card shows what the client received.
        var card = await GetJsonAsync($"/api/v1/clients/{client}/campaign-messages");
        Assert.Equal("Sent", Assert.Single(card.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Caps_hold_across_two_campaigns_skipped_or_postponed_and_never_sent()
    {
        await ConfigureAsync(perWeek: 1, perMonth: 4);
        var address = Unique("capped") + "@kunde.example";
        var (client, _) = await ContactAsync(address);
        var group = await GroupAsync(client);
        await LaunchAsync(await CampaignAsync(group));
        var second = await CampaignAsync(group, overCap: "Skip");
        var third = await CampaignAsync(group, overCap: "Postpone");

        var preview = await GetJsonAsync($"/api/v1/campaigns/{second}/preview");
        Assert.Equal((1, 0), (preview.GetProperty("skippedByCap").GetInt32(), preview.GetProperty("sendNow").GetInt32()));
        await LaunchAsync(second);
        var postponed = await LaunchAsync(third);
        Assert.Equal(1, postponed.GetProperty("postponed").GetInt32());
        await SendAsync();

        Assert.Single(smtp.To(address));
        var report = await GetJsonAsync($"/api/v1/campaigns/{second}/report");
        Assert.Equal((0, 1), (report.GetProperty("sent").GetInt32(), report.GetProperty("skippedByCap").GetInt32()));
        Assert.Contains("7", report.GetProperty("skippedWhy").GetString());
        var later = await App.ReadAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.CampaignId == third));
        Assert.Equal(OutboxStatus.Queued, later.Status);
        Assert.True(later.NotBefore > DateTime.UtcNow.AddDays(6.9), $"postponed to {later.NotBefore:o}");
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/campaigns/{third}/report")).GetProperty("postponed").GetInt32());
        await ConfigureAsync();
    }

    [Fact]
    public async Task Bad_templates_are_refused_naming_the_line_and_a_campaign_that_reaches_nobody_is_refused()
    {
        var before = await DbSnapshot.TakeAsync(App);
        var unknown = await AssertInvalidAsync(await PostAsync("/api/v1/campaigns", new
        {
            name = "Bad", templates = new[] { Template("en", "Hi", html: "<p>Hello</p>\n<p>{{ contact.name }}</p>\n<p>{{ client.revenue }}</p>") },
        }), "templates[0].html");
        Assert.Contains("line 3", unknown.GetProperty("errors").GetProperty("templates[0].html")[0].GetString());
        Assert.Contains("client.revenue", unknown.GetProperty("errors").GetProperty("templates[0].html")[0].GetString());
        var syntax = await AssertInvalidAsync(await PostAsync("/api/v1/campaigns", new
        {
            name = "Bad", templates = new[] { Template("en", "Hi", text: "Hello\n{% if client.name %}\nno end") },
        }), "templates[0].text");
        Assert.Matches("line [0-9]", syntax.GetProperty("errors").GetProperty("templates[0].text")[0].GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var (client, _) = await ContactAsync(Unique("nobody") + "@kunde.example", consent: false);
        var campaign = await CampaignAsync(await GroupAsync(client));
        before = await DbSnapshot.TakeAsync(App);
        var refused = await AssertInvalidAsync(await Http.PostAsync($"/api/v1/campaigns/{campaign}/launch", null), "audience");
        Assert.Contains("nobody", refused.GetProperty("errors").GetProperty("audience")[0].GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_sender_killed_after_a_claim_or_after_the_server_took_a_message_loses_none_and_keeps_its_message_id()
    {
        await ConfigureAsync();
        var addresses = Enumerable.Range(0, 3).Select(i => Unique($"kill{i}-") + "@kunde.example").ToArray();
        var clients = new List<long>();
        foreach (var a in addresses) clients.Add((await ContactAsync(a)).Client);
        var campaign = await CampaignAsync(await GroupAsync([.. clients]));
        await LaunchAsync(campaign);
        var ids = await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.CampaignId == campaign).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());

        // Killed after claiming the second message, before talking to the server.
        var killAfterClaim = new SenderHooks { At = (point, id) => point == SenderHooks.Claimed && id == ids[1] ? throw new SimulatedKill() : Task.CompletedTask };
        await Assert.ThrowsAsync<SimulatedKill>(() => SendAsync(killAfterClaim));
        Assert.Equal(OutboxStatus.Sending, await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == ids[1]).Select(m => m.Status).SingleAsync()));
        await SendAsync();
        Assert.All(addresses, a => Assert.Single(smtp.To(a)));

        // Killed after the server took a message but before the sender wrote it down: sent again, with the same Message-ID.
        var late = Unique("late") + "@kunde.example";
        var lateCampaign = await CampaignAsync(await GroupAsync((await ContactAsync(late)).Client));
        await LaunchAsync(lateCampaign);
        var killAfterAccept = new SenderHooks { At = (point, _) => point == SenderHooks.Accepted ? throw new SimulatedKill() : Task.CompletedTask };
        await Assert.ThrowsAsync<SimulatedKill>(() => SendAsync(killAfterAccept));
        await SendAsync();
        var deliveries = smtp.To(late);
        Assert.Equal(2, deliveries.Count);
        Assert.Single(deliveries.Select(d => d.MessageId).Distinct());
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/campaigns/{lateCampaign}/report")).GetProperty("sent").GetInt32());
        Assert.Equal(0, (await SendAsync()).Sent);
    }

    [Fact]
    public async Task A_bounce_marks_the_address_and_excludes_it_next_time_and_a_passing_refusal_is_retried_with_each_try_recorded()
    {
        await ConfigureAsync();
        var bounce = Unique("bounce") + "@kunde.example";
        var flaky = Unique("flaky") + "@kunde.example";
        var (bouncing, _) = await ContactAsync(bounce);
        var (retried, _) = await ContactAsync(flaky);
        var campaign = await CampaignAsync(await GroupAsync(bouncing, retried));
        await LaunchAsync(campaign);
        await SendAsync();

        Assert.Empty(smtp.To(bounce));
        Assert.Single(smtp.To(flaky));
        var report = await GetJsonAsync($"/api/v1/campaigns/{campaign}/report");
        Assert.Equal((1, 1), (report.GetProperty("sent").GetInt32(), report.GetProperty("bounced").GetInt32()));
        var tries = await App.ReadAsync(db => db.Set<OutboxAttempt>()
            .Where(a => db.Set<OutboxMessage>().Any(m => m.Id == a.OutboxMessageId && m.Address == flaky)).OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync());
        Assert.Equal([AttemptOutcome.Transient, AttemptOutcome.Accepted], tries);
        Assert.True(await App.ReadAsync(db => db.Set<BouncedAddress>().AnyAsync(b => b.Address == bounce && b.Reply!.StartsWith("550"))));
        var next = await GetJsonAsync($"/api/v1/campaigns/{await CampaignAsync(await GroupAsync(bouncing))}/preview");
        Assert.Equal("Bounced", Assert.Single(next.GetProperty("excludedContacts").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_test_send_goes_to_the_caller_and_a_marketer_builds_but_a_manager_does_not()
    {
        await ConfigureAsync();
        var (client, _) = await ContactAsync(Unique("t") + "@kunde.example");
        var campaign = await CampaignAsync(await GroupAsync(client));
        var sent = await JsonAsync(await Http.PostAsync($"/api/v1/campaigns/{campaign}/test-send", null));
        Assert.Equal(ClienteleApp.OwnerEmail, sent.GetProperty("to").GetString());
        Assert.Contains(smtp.To(ClienteleApp.OwnerEmail), m => m.Subject == sent.GetProperty("subject").GetString());

        var marketer = await Privacy.CallerAsync(EmployeeRole.Marketer);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync($"/api/v1/campaigns/{campaign}/preview")).StatusCode);
        var manager = await ManagerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/campaigns/{campaign}/preview")).StatusCode);
    }

    private sealed class SimulatedKill : Exception;
}

public sealed class CampaignsTestsOnSqlite(SqliteApp fixture, LoopbackSmtp smtp, LoopbackSmsGateway gateway) : CampaignsTests(fixture, smtp, gateway),
    IClassFixture<SqliteApp>, IClassFixture<LoopbackSmtp>, IClassFixture<LoopbackSmsGateway>;

[Collection("postgres-2")]
public sealed class CampaignsTestsOnPostgres(PostgresApp fixture, LoopbackSmtp smtp, LoopbackSmsGateway gateway) : CampaignsTests(fixture, smtp, gateway),
    IClassFixture<PostgresApp>, IClassFixture<LoopbackSmtp>, IClassFixture<LoopbackSmsGateway>;
