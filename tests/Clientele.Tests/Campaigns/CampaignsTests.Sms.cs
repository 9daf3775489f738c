using System.Net;
using System.Text.Json;
using Clientele.Features.Campaigns;
using Clientele.Features.Identity;
using Clientele.Features.Interactions;
using Clientele.Features.Tasks;
using Clientele.Tests.Infrastructure;
using Clientele.Tests.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// SMS and call lists (ADR 038) against a real HTTP gateway on loopback (<see cref="LoopbackSmsGateway"/>): the
/// settings and their secret, who gets an SMS, its text with the opt-out line, retries with backoff on 500s and a slow
/// answer, a permanent refusal, a sender killed at its worst moments, the caps across e-mail and SMS, and a call list's
/// tasks and results in the managers' scopes. In the campaigns' class, to share its app.
/// </summary>
public abstract partial class CampaignsTests
{
    private async Task ConfigureSmsAsync() =>
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/sms", new
        {
            preset = "Generic", url = gateway.Url, secret = "Bearer tok-123", sender = "Firma", publicUrl = "https://crm.firma.example", messagesPerSecond = 1000,
        }));

    /// <summary>A client with one contact person at <paramref name="phone"/>, with a marketing consent for <paramref name="channel"/> (or none).</summary>
    private async Task<(long Client, long Person)> PhoneContactAsync(string phone, string? channel = "Sms", long? managerId = null, string? language = "ru")
    {
        var client = Id(await CreateClientAsync(Unique("Клиент "), managerId is null ? null : new { managerId }));
        var person = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = Unique("Ирина "), phones = new[] { phone }, preferredLanguage = language }),
            HttpStatusCode.Created));
        if (channel is not null)
            await Privacy.GiveAsync(client, new { contactPersonId = person, channel, purpose = "Marketing", source = "WebForm", text = "Offers, please." });
        return (client, person);
    }

    private async Task<long> ChannelCampaignAsync(long group, string channel, string text, string overCap = "Skip") =>
        Id(await JsonAsync(await PostAsync("/api/v1/campaigns", new
        {
            name = Unique("Channel "), channel, audience = new { groupId = group }, overCap, defaultLanguage = "ru",
            templates = new[] { new { language = "ru", text } },
        }), HttpStatusCode.Created));

    private async Task<List<OutboxAttempt>> AttemptsAsync(long outboxId) =>
        await App.ReadAsync(db => db.Set<OutboxAttempt>().Where(a => a.OutboxMessageId == outboxId).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Sms_gateway_settings_keep_the_secret_encrypted_and_bad_input_changes_nothing()
    {
        var presets = await GetJsonAsync("/api/v1/campaign-settings/sms/presets");
        Assert.Equal(["Generic", "SmsRu", "Seven"], presets.EnumerateArray().Select(p => p.GetProperty("preset").GetString()!).ToArray());
        var seven = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/sms", new { preset = "Seven", secret = "key-seven-42", publicUrl = "https://crm.firma.example" }));
        Assert.Equal(("https://gateway.seven.io/api/sms", "X-Api-Key", true), (seven.GetProperty("url").GetString(), seven.GetProperty("authHeader").GetString(), seven.GetProperty("hasSecret").GetBoolean()));
        Assert.DoesNotContain("key-seven", (await GetJsonAsync("/api/v1/campaign-settings/sms")).GetRawText());
        var stored = await App.ReadAsync(db => db.Set<SmsGatewaySettings>().SingleAsync());
        Assert.DoesNotContain("key-seven", stored.ProtectedSecret);
        Assert.Equal("key-seven-42", await App.ReadAsync(db => Task.FromResult(MailSecrets.Of(db).Unprotect(stored.ProtectedSecret!))));

        var marketer = await Privacy.CallerAsync(EmployeeRole.Marketer);
        var before = await DbSnapshot.TakeAsync(App);
        var de = App.ClientWithToken(App.OwnerToken);
        de.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var bad = await AssertInvalidAsync(await SendAsync(de, HttpMethod.Put, "/api/v1/campaign-settings/sms", JsonSerializer.Serialize(new
        {
            preset = "Generic", url = "ftp://gw", method = "DELETE", bodyTemplate = """{"to":"{phone}","msg":"{message}"}""", acceptedPattern = "(", publicUrl = "https://crm.firma.example",
        })), "url");
        var errors = bad.GetProperty("errors");
        Assert.Contains("Gateways", errors.GetProperty("url")[0].GetString());
        Assert.Contains("{message}", string.Join(" ", errors.GetProperty("bodyTemplate").EnumerateArray().Select(x => x.GetString())));
        Assert.True(errors.TryGetProperty("method", out _) && errors.TryGetProperty("acceptedPattern", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/v1/campaign-settings/sms")).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        await ConfigureSmsAsync();
    }

    [Fact]
    public async Task An_sms_campaign_reaches_sms_consents_with_the_opt_out_line_retries_passing_failures_and_delivers_each_message_once()
    {
        await ConfigureAsync(perWeek: 100, perMonth: 400);
        await ConfigureSmsAsync();
        var (happy, happyPerson) = await PhoneContactAsync(PrivacyKit.Phone());
        var failing = PrivacyKit.Phone();
        var slow = PrivacyKit.Phone();
        var refused = PrivacyKit.Phone();
        var (failingClient, _) = await PhoneContactAsync(failing);
        var (slowClient, _) = await PhoneContactAsync(slow);
        var (refusedClient, _) = await PhoneContactAsync(refused);
        var (emailOnly, _) = await PhoneContactAsync(PrivacyKit.Phone(), channel: "Email");
        var happyPhone = await App.ReadAsync(db => db.ContactPersons.Where(p => p.Id == happyPerson).Select(p => p.Phones[0]).SingleAsync());
        gateway.Script(failing, LoopbackSmsGateway.Act.Fail, LoopbackSmsGateway.Act.Fail);
        gateway.Script(slow, LoopbackSmsGateway.Act.Slow);
        gateway.Script(refused, LoopbackSmsGateway.Act.Refuse);
        var campaign = await ChannelCampaignAsync(await GroupAsync(happy, failingClient, slowClient, refusedClient, emailOnly), "Sms",
            "Здравствуйте, {{ contact.name }}! Для {{ client.name }} скидка 10%.");

        var preview = await GetJsonAsync($"/api/v1/campaigns/{campaign}/preview");
        Assert.Equal((5, 4, 1), (preview.GetProperty("audienceClients").GetInt32(), preview.GetProperty("recipients").GetInt32(), preview.GetProperty("excluded").GetInt32()));
        var excluded = Assert.Single(preview.GetProperty("excludedContacts").EnumerateArray());
        Assert.Equal((emailOnly, "NoConsent"), (excluded.GetProperty("clientId").GetInt64(), excluded.GetProperty("reason").GetString()));
        await LaunchAsync(campaign);
        await SendAsync();

        // The text as rendered, the opt-out line with the message's own link, the secret in the header, the outbox reference.
        var rows = await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.CampaignId == campaign).ToDictionaryAsync(m => m.Address));
        Assert.Equal((3, 1), (rows.Values.Count(r => r.Status == OutboxStatus.Sent), rows.Values.Count(r => r.Status == OutboxStatus.Failed)));
        var delivered = Assert.Single(gateway.DeliveredTo(happyPhone));
        var names = await App.ReadAsync(db => db.ContactPersons.Where(p => p.Id == happyPerson).Select(p => new { p.Name, Client = db.Clients.Where(c => c.Id == happy).Select(c => c.Name).Single() }).SingleAsync());
        var outboxId = rows[happyPhone].Id;
        Assert.StartsWith($"Здравствуйте, {names.Name}! Для {names.Client} скидка 10%.\nОтписаться: https://crm.firma.example/unsubscribe/{outboxId}.", delivered.Text);
        Assert.Equal(($"outbox-{outboxId}", $"outbox-{outboxId}", "Bearer tok-123"), (delivered.Reference, delivered.IdempotencyKey, delivered.Authorization));
        Assert.Equal(CampaignChannel.Sms, rows[happyPhone].Channel);

        // Two 500s, then accepted within the run; each try recorded with the gateway's answer.
        Assert.Single(gateway.DeliveredTo(failing));
        var failingTries = await AttemptsAsync(rows[failing].Id);
        Assert.Equal([AttemptOutcome.Transient, AttemptOutcome.Transient], failingTries.Take(2).Select(a => a.Outcome));
        Assert.All(failingTries.Take(2), a => Assert.StartsWith("500", a.Reply));
        Assert.Equal(AttemptOutcome.Accepted, failingTries[^1].Outcome);
        // Taken but answered past the timeout: tried again with the same reference, which the gateway knew: one delivery.
        Assert.Single(gateway.DeliveredTo(slow));
        Assert.True(gateway.RequestsFor(slow).Count >= 2);
        Assert.Single(gateway.RequestsFor(slow).Select(r => r.Reference).Distinct());
        var slowTries = await AttemptsAsync(rows[slow].Id);
        Assert.Contains("timeout", slowTries[0].Reply);
        Assert.Equal((OutboxStatus.Sent, AttemptOutcome.Accepted), (rows[slow].Status, slowTries[^1].Outcome));
        // Refused for good: failed after one try, never repeated.
        Assert.Equal(OutboxStatus.Failed, rows[refused].Status);
        Assert.Equal(AttemptOutcome.Permanent, Assert.Single(await AttemptsAsync(rows[refused].Id)).Outcome);
        Assert.Equal(0, (await SendAsync()).Sent);
        Assert.Single(gateway.RequestsFor(refused));

        // The opt-out link withdraws the SMS consent (not the e-mail one) and the next SMS campaign leaves the person out.
        var link = delivered.Text[(delivered.Text.LastIndexOf(' ') + 1)..];
        Assert.Equal(HttpStatusCode.OK, (await App.ClientWithToken(null).PostAsync(new Uri(link).AbsolutePath, null)).StatusCode);
        var consents = await GetJsonAsync($"/api/v1/clients/{happy}/consents");
        Assert.Contains(consents.GetProperty("current").EnumerateArray(), c => c.GetProperty("channel").GetString() == "Sms" && !c.GetProperty("isGranted").GetBoolean());
        var next = await GetJsonAsync($"/api/v1/campaigns/{await ChannelCampaignAsync(await GroupAsync(happy), "Sms", "Ещё {{ client.name }}")}/preview");
        Assert.Equal(0, next.GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task An_sms_sender_killed_after_a_claim_or_after_the_gateway_took_a_message_sends_the_rest_once()
    {
        await ConfigureAsync(perWeek: 100, perMonth: 400);
        await ConfigureSmsAsync();
        var phones = Enumerable.Range(0, 3).Select(_ => PrivacyKit.Phone()).ToArray();
        var clients = new List<long>();
        foreach (var phone in phones) clients.Add((await PhoneContactAsync(phone)).Client);
        var campaign = await ChannelCampaignAsync(await GroupAsync([.. clients]), "Sms", "Привет, {{ contact.name }}");
        await LaunchAsync(campaign);
        var ids = await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.CampaignId == campaign).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());

        // Killed after claiming the second message, before the request: the first went, the second waits claimed.
        var killAfterClaim = new SenderHooks { At = (point, id) => point == SenderHooks.Claimed && id == ids[1] ? throw new SimulatedKill() : Task.CompletedTask };
        await Assert.ThrowsAsync<SimulatedKill>(() => SendAsync(killAfterClaim));
        Assert.Equal(OutboxStatus.Sending, await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == ids[1]).Select(m => m.Status).SingleAsync()));
        Assert.Equal(1, phones.Count(p => gateway.DeliveredTo(p).Count == 1));
        // Killed after the gateway took the third but before the sender wrote it down.
        var killAfterAccept = new SenderHooks { At = (point, id) => point == SenderHooks.Accepted && id == ids[2] ? throw new SimulatedKill() : Task.CompletedTask };
        await Assert.ThrowsAsync<SimulatedKill>(() => SendAsync(killAfterAccept));
        // The restart sends the third again with the same reference: the gateway drops the repeat.
        await SendAsync();
        Assert.All(phones, p => Assert.Single(gateway.DeliveredTo(p)));
        var third = phones.Single(p => gateway.RequestsFor(p).Count == 2);
        Assert.Single(gateway.RequestsFor(third).Select(r => r.Reference).Distinct());
        Assert.Equal(3, (await GetJsonAsync($"/api/v1/campaigns/{campaign}/report")).GetProperty("sent").GetInt32());
        Assert.Equal(0, (await SendAsync()).Sent);
    }

    [Fact]
    public async Task Caps_count_sms_like_email_and_a_call_list_gives_the_managers_tasks_whose_results_are_logged_and_counted()
    {
        await ConfigureAsync(perWeek: 1, perMonth: 4);
        // One person with an e-mail and a phone, consenting to both: the e-mail campaign takes the week's one message.
        var phone = PrivacyKit.Phone();
        var (both, person) = await ContactAsync(Unique("both") + "@kunde.example");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Patch, $"/api/v1/contact-persons/{person}", new { phones = new[] { phone } })).StatusCode);
        await Privacy.GiveAsync(both, new { contactPersonId = person, channel = "Sms", purpose = "Marketing", source = "WebForm", text = "SMS too." });
        var group = await GroupAsync(both);
        await LaunchAsync(await CampaignAsync(group));
        var sms = await GetJsonAsync($"/api/v1/campaigns/{await ChannelCampaignAsync(group, "Sms", "Hallo")}/preview");
        Assert.Equal((1, 0), (sms.GetProperty("skippedByCap").GetInt32(), sms.GetProperty("sendNow").GetInt32()));
        await ConfigureAsync(perWeek: 100, perMonth: 400);

        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Marta Managerin");
        var managerHttp = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "tests"));
        var other = await ManagerAsync();
        var (mine, minePerson) = await PhoneContactAsync(PrivacyKit.Phone(), channel: "Phone", managerId: manager.Id);
        var (foreign, _) = await PhoneContactAsync(PrivacyKit.Phone(), channel: "Phone");
        var (smsOnly, _) = await PhoneContactAsync(PrivacyKit.Phone(), channel: "Sms");
        var campaign = await ChannelCampaignAsync(await GroupAsync(mine, foreign, smsOnly), "Call", "Спросить {{ contact.name }}, всё ли устроило в {{ client.name }}.");
        var launched = await LaunchAsync(campaign);
        Assert.Equal((2, 1), (launched.GetProperty("sendNow").GetInt32(), launched.GetProperty("excluded").GetInt32()));

        var row = await App.ReadAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.CampaignId == campaign && m.ClientId == mine));
        var task = await App.ReadAsync(db => db.Tasks.SingleAsync(t => t.Id == row.TaskId));
        var personName = await App.ReadAsync(db => db.ContactPersons.Where(p => p.Id == minePerson).Select(p => p.Name).SingleAsync());
        Assert.Equal((manager.Id, false), (task.AssigneeId, task.Done));
        Assert.StartsWith($"Спросить {personName}, всё ли устроило в ", task.Details);
        Assert.Contains(personName, TaskTexts.Show(task.Title));

        // The manager sees the call of their own client only; another manager can neither see nor record it.
        var listed = await JsonAsync(await managerHttp.GetAsync($"/api/v1/campaign-calls/{campaign}"));
        Assert.Equal(row.Id, Assert.Single(listed.EnumerateArray()).GetProperty("outboxId").GetInt64());
        Assert.Empty((await JsonAsync(await other.GetAsync($"/api/v1/campaign-calls/{campaign}"))).EnumerateArray());
        var before = await DbSnapshot.TakeAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/campaign-calls/{row.Id}/result", PrivacyKit.Json(new { result = "Reached" }))).StatusCode);
        await AssertInvalidAsync(await managerHttp.PostAsync($"/api/v1/campaign-calls/{row.Id}/result", PrivacyKit.Json(new { note = new string('x', 2001) })), "result");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        Assert.Equal(HttpStatusCode.NoContent, (await managerHttp.PostAsync($"/api/v1/campaign-calls/{row.Id}/result", PrivacyKit.Json(new { result = "CallBack", note = "Перезвонить в пятницу" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await managerHttp.PostAsync($"/api/v1/campaign-calls/{row.Id}/result", PrivacyKit.Json(new { result = "Reached" }))).StatusCode);
        var call = await App.ReadAsync(db => db.Interactions.SingleAsync(i => i.ClientId == mine && i.Source == "campaign"));
        Assert.Equal((InteractionKind.Call, Direction.Outbound, minePerson, manager.Id, "Перезвонить в пятницу"), (call.Kind, call.Direction, call.ContactPersonId!.Value, call.EmployeeId!.Value, call.Text));
        Assert.True(await App.ReadAsync(db => db.Tasks.Where(t => t.Id == row.TaskId).Select(t => t.Done).SingleAsync()));
        var report = await GetJsonAsync($"/api/v1/campaigns/{campaign}/report");
        Assert.Equal(1, report.GetProperty("calls").GetProperty("CallBack").GetInt32());
    }
}
