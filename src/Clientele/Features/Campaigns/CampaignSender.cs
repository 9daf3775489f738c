using System.Globalization;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.Retry;

namespace Clientele.Features.Campaigns;

/// <summary>The sender's tuning (Clientele:Campaigns:*); the tests make the waits short.</summary>
public sealed record SenderOptions(TimeSpan RetryDelay, int TriesPerRun, int MaxTries, int BatchSize, TimeSpan SmsTimeout)
{
    public static SenderOptions From(IConfiguration? configuration) => new(
        TimeSpan.FromMilliseconds(configuration?.GetValue<int?>("Clientele:Campaigns:RetryDelayMs") ?? 2000),
        configuration?.GetValue<int?>("Clientele:Campaigns:TriesPerRun") ?? 3,
        configuration?.GetValue<int?>("Clientele:Campaigns:MaxTries") ?? 9,
        200,
        TimeSpan.FromMilliseconds(configuration?.GetValue<int?>("Clientele:Campaigns:SmsTimeoutMs") ?? 15_000));
}

/// <summary>
/// Test hooks: called at the points where a kill of the process would hurt most. A hook that throws stops the sender
/// there as a kill would, with nothing written after it. Null (the default) outside tests.
/// </summary>
public sealed class SenderHooks
{
    public Func<string, long, Task>? At { get; set; }

    public const string Claimed = "claimed", Accepted = "accepted";

    internal Task RunAsync(string point, long outboxId) => At?.Invoke(point, outboxId) ?? Task.CompletedTask;
}

/// <param name="NotConfigured">No SMTP server is set up, so nothing was tried.</param>
public sealed record SendSummary(int Sent, int Bounced, int Failed, int Retried, int Skipped, bool NotConfigured = false);

/// <summary>
/// Sends the outbox's due messages (ADR 026). Each message is first claimed (status Sending, committed), then handed
/// to the server with retries and exponential backoff (Polly) for passing failures, each try recorded with the
/// server's answer; then marked sent, bounced (the address is marked too) or put back with a later time. A message
/// found still claimed — its sender died — is sent again with the same Message-ID. At send time the consent and the
/// caps are checked once more, so a withdrawal or another campaign's launch since this one's are honoured.
/// </summary>
public sealed class CampaignSender(ClienteleDb db, TimeProvider clock, SenderHooks hooks, IConfiguration configuration, ILogger<CampaignSender> log)
{
    /// <summary>A launched campaign's templates do not change, so a run reads each campaign once.</summary>
    private readonly Dictionary<long, Campaign> campaignsThisRun = [];

    public async Task<SendSummary> SendDueAsync(CancellationToken ct)
    {
        campaignsThisRun.Clear();
        var settings = await db.Set<MailSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        var sms = await db.Set<SmsGatewaySettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        if (settings is not { IsConfigured: true } && sms is not { IsConfigured: true }) return new SendSummary(0, 0, 0, 0, 0, NotConfigured: true);
        var options = SenderOptions.From(configuration);
        var secrets = MailSecrets.Of(db);
        var policy = await db.Set<ContactPolicy>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new ContactPolicy();
        var tally = new Tally();
        if (settings is { IsConfigured: true })
        {
            var password = settings.ProtectedPassword is { } stored ? secrets.Unprotect(stored) : null;
            await using var transport = new MailTransport(settings, password);
            await SendChannelAsync(CampaignChannel.Email, settings.MessagesPerSecond, options, policy, tally, async (message, token) =>
            {
                var mime = await ComposeAsync(message, settings, secrets, token);
                return t => transport.SendAsync(mime, t);
            }, ct);
        }
        if (sms is { IsConfigured: true })
        {
            using var transport = new SmsTransport(sms, sms.ProtectedSecret is { } stored ? secrets.Unprotect(stored) : null, options.SmsTimeout);
            await SendChannelAsync(CampaignChannel.Sms, sms.MessagesPerSecond, options, policy, tally, async (message, token) =>
            {
                var text = await SmsComposer.ComposeAsync(db, message, sms, secrets, token);
                return t => transport.SendAsync(message.Address, text, SmsRequest.Reference(message.Id), t);
            }, ct);
        }
        log.LogDebug("Campaign sender: {Sent} sent, {Bounced} bounced, {Failed} failed, {Retried} retries, {Skipped} skipped", tally.Sent, tally.Bounced, tally.Failed, tally.Retried, tally.Skipped);
        return new SendSummary(tally.Sent, tally.Bounced, tally.Failed, tally.Retried, tally.Skipped);
    }

    private sealed class Tally
    {
        public int Sent, Bounced, Failed, Retried, Skipped;
    }

    /// <summary>Turns an outbox row into its hand-over to the server (composed once; each try calls the result).</summary>
    private delegate Task<Func<CancellationToken, Task<DeliveryResult>>> Prepare(OutboxMessage message, CancellationToken ct);

    /// <summary>
    /// Sends the due messages of one channel: claim, compose, throttle, hand over with retries, record each try, then
    /// sent, refused for good (an e-mail address bounced; an SMS failed) or back to the queue with a longer pause.
    /// </summary>
    private async Task SendChannelAsync(CampaignChannel channel, double perSecond, SenderOptions options, ContactPolicy policy, Tally tally, Prepare prepare, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(1 / Math.Max(perSecond, 0.001));
        var pipeline = Pipeline(options);
        var lastSend = DateTimeOffset.MinValue;
        var afterId = 0L;
        while (!ct.IsCancellationRequested)
        {
            var now = db.UtcNow;
            var batch = await db.Set<OutboxMessage>()
                .Where(m => m.Id > afterId && m.Channel == channel && ((m.Status == OutboxStatus.Queued && m.NotBefore <= now) || m.Status == OutboxStatus.Sending))
                .OrderBy(m => m.Id).Take(options.BatchSize).AsNoTracking().ToListAsync(ct);
            if (batch.Count == 0) break;
            afterId = batch[^1].Id;
            foreach (var message in batch)
            {
                // Only this message (and what its outcome adds) is tracked: with the whole batch tracked, each of a
                // message's two saves compared every tracked row of the batch — most of the sender's CPU at 200 a batch.
                db.ChangeTracker.Clear();
                db.Attach(message);
                if (message.Kind == OutboxKind.Marketing && await RefusalAsync(message, policy, ct) is { } refusal)
                {
                    (message.Status, message.LastReply) = refusal;
                    await db.SaveChangesAsync(ct);
                    tally.Skipped++;
                    continue;
                }
                message.Status = OutboxStatus.Sending;
                await db.SaveChangesAsync(ct);
                await hooks.RunAsync(SenderHooks.Claimed, message.Id);

                var send = await prepare(message, ct);
                var wait = lastSend + interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
                lastSend = clock.GetUtcNow();

                var tries = new List<OutboxAttempt>();
                var result = await pipeline.ExecuteAsync(async token =>
                {
                    var r = await send(token);
                    tries.Add(new OutboxAttempt { OutboxMessageId = message.Id, At = db.UtcNow, Outcome = (AttemptOutcome)((int)r.Outcome + 1), Reply = r.Reply });
                    return r;
                }, ct);
                if (result.Outcome == Delivery.Accepted) await hooks.RunAsync(SenderHooks.Accepted, message.Id);

                tally.Retried += tries.Count - 1;
                message.Attempts += tries.Count;
                message.LastReply = result.Reply;
                db.AddRange(tries);
                switch (result.Outcome)
                {
                    case Delivery.Accepted:
                        (message.Status, message.SentAt) = (OutboxStatus.Sent, db.UtcNow);
                        tally.Sent++;
                        break;
                    case Delivery.Permanent when channel == CampaignChannel.Email:
                        message.Status = OutboxStatus.Bounced;
                        await MarkBouncedAsync(message, result.Reply, ct);
                        tally.Bounced++;
                        break;
                    case Delivery.Permanent:
                        // A gateway's refusal mixes the number's faults with the account's (balance, sender name): the
                        // message fails for good, the number is not marked.
                        message.Status = OutboxStatus.Failed;
                        tally.Failed++;
                        break;
                    default:
                        if (message.Attempts >= options.MaxTries)
                        {
                            message.Status = OutboxStatus.Failed;
                            tally.Failed++;
                        }
                        else
                            // Later runs try again, each after a longer pause.
                            (message.Status, message.NotBefore) = (OutboxStatus.Queued, db.UtcNow + options.RetryDelay * Math.Pow(2, message.Attempts));
                        break;
                }
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
    }

    private ResiliencePipeline<DeliveryResult> Pipeline(SenderOptions options) =>
        new ResiliencePipelineBuilder<DeliveryResult> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<DeliveryResult>
            {
                ShouldHandle = new PredicateBuilder<DeliveryResult>().HandleResult(r => r.Outcome == Delivery.Transient),
                MaxRetryAttempts = Math.Max(0, options.TriesPerRun - 1),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();

    /// <summary>Why a marketing message may not go now after all: the consent is gone, or the person already got their share.</summary>
    private async Task<(OutboxStatus, string)?> RefusalAsync(OutboxMessage message, ContactPolicy policy, CancellationToken ct)
    {
        var personId = (long?)message.ContactPersonId;
        var consented = await CampaignChannels.Consented(message.Channel, db.Set<PersonalDataConsent>(), policy.DoubleOptInEmail)
            .AnyAsync(c => c.ClientId == message.ClientId && c.ContactPersonId == personId, ct);
        if (!consented) return (OutboxStatus.ConsentWithdrawn, Message.Of<CampaignText>("the person withdrew the consent before the message went out.").Encode());
        var now = db.UtcNow;
        var monthAgo = now - CapRules.Month;
        var out_ = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ContactPersonId == message.ContactPersonId && m.Id != message.Id && m.Kind == OutboxKind.Marketing
                && (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Sending) && (m.SentAt ?? m.NotBefore) > monthAgo)
            .Select(m => m.SentAt ?? m.NotBefore).ToListAsync(ct);
        if (out_.Count(t => t > now - CapRules.Week) < policy.PerWeek && out_.Count < policy.PerMonth) return null;
        return (OutboxStatus.SkippedByCap, Message.Of<CampaignText>("over the contact policy: at most {0} marketing messages in 7 days and {1} in 30 days.",
            policy.PerWeek, policy.PerMonth).Encode());
    }

    private async Task MarkBouncedAsync(OutboxMessage message, string reply, CancellationToken ct)
    {
        var known = await db.Set<BouncedAddress>().SingleOrDefaultAsync(b => b.Address == message.Address, ct);
        if (known is null) db.Add(new BouncedAddress { Address = message.Address, At = db.UtcNow, Reply = reply, OutboxMessageId = message.Id });
        else (known.At, known.Reply, known.OutboxMessageId) = (db.UtcNow, reply, message.Id);
    }

    private async Task<MimeKit.MimeMessage> ComposeAsync(OutboxMessage message, MailSettings settings, MailSecrets secrets, CancellationToken ct)
    {
        if (message.CampaignId is null && Message.ParseAll(message.Notice) is { Count: > 0 } notice)
        {
            var (subject, lines) = (notice[0], notice.Skip(1).ToList());
            // A notice is a service message, not marketing: no unsubscribe link, worded in the recipient's language.
            var culture = CultureInfo.GetCultureInfo(message.Language);
            var text = string.Join("\n\n", lines.Select(l => l.Render(culture)));
            var html = string.Concat(lines.Select(l => "<p>" + System.Net.WebUtility.HtmlEncode(l.Render(culture)) + "</p>"));
            return MailComposer.Compose(settings, message.Address, new RenderedMail(subject.Render(culture), html, text), MailComposer.MessageId(message.Id, settings), null);
        }
        var campaignId = message.CampaignId!.Value;
        if (!campaignsThisRun.TryGetValue(campaignId, out var campaign))
            campaignsThisRun[campaignId] = campaign = await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        var template = campaign.Templates.FirstOrDefault(t => t.Language == message.Language) ?? campaign.Templates.First();
        var unsubscribe = MailComposer.UnsubscribeUrl(settings, secrets, message.Id);
        var model = await ModelAsync(db, message.ClientId, message.ContactPersonId, unsubscribe, CultureInfo.GetCultureInfo(template.Language), ct,
            CampaignTemplates.UsesNextProduct(template.Subject, template.Html, template.Text));
        var rendered = await CampaignTemplates.RenderAsync(template, model, CultureInfo.GetCultureInfo(template.Language));
        return MailComposer.Compose(settings, message.Address, rendered, MailComposer.MessageId(message.Id, settings), unsubscribe);
    }

    /// <summary>The placeholders' values for one contact person of one client, worded in <paramref name="culture"/>.</summary>
    /// <param name="withNextProduct">Read the client's next product category (the "spiral staircase", from the nightly counts).</param>
    public static async Task<TemplateModel> ModelAsync(ClienteleDb db, long clientId, long contactPersonId, string unsubscribeUrl, CultureInfo culture, CancellationToken ct,
        bool withNextProduct = false)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Name, c.City, c.ManagerId }).SingleAsync(ct);
        var person = await db.ContactPersons.AsNoTracking().Where(p => p.Id == contactPersonId).Select(p => new { p.Name, p.Position }).SingleAsync(ct);
        var manager = client.ManagerId is { } managerId
            ? await db.Set<Employee>().AsNoTracking().Where(e => e.Id == managerId).Select(e => new { e.DisplayName, e.Email }).SingleOrDefaultAsync(ct)
            : null;
        var last = await db.Purchases.AsNoTracking().Where(p => p.ClientId == clientId).OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Select(p => new { p.Date, p.Total, p.Currency }).FirstOrDefaultAsync(ct);
        var days = await CompanyDays.OfAsync(db, ct);
        var model = new TemplateModel(client.Name, client.City, person.Name, person.Position, manager?.DisplayName, manager?.Email,
            last is null ? null : days.DayOf(last.Date).ToString("d", culture),
            last is null ? null : string.Create(culture, $"{last.Total:N2} {last.Currency}"),
            unsubscribeUrl);
        if (!withNextProduct || await Products.NextCategories.ForClientAsync(db, clientId, ct) is not [var best, ..]) return model;
        return model with { NextCategory = best.Category, NextBecause = best.Because };
    }
}
