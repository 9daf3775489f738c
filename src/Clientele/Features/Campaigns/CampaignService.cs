using System.Globalization;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Campaigns;

/// <summary>How a campaign write ended, for the API to answer.</summary>
public abstract record CampaignOutcome<T>
{
    public sealed record Done(T Value) : CampaignOutcome<T>;
    public sealed record Invalid(Errors Errors) : CampaignOutcome<T>;
    public sealed record NotFound : CampaignOutcome<T>;
    public sealed record Conflict(Message Why) : CampaignOutcome<T>;
    /// <summary>Taken, but it waits for someone else (the owner's approval).</summary>
    public sealed record Waiting(T Value, Message Why) : CampaignOutcome<T>;
}

/// <summary>Campaigns in the reader's scope: drafts, the preview, the launch (the outbox in one transaction), the report, a test send.</summary>
public sealed class CampaignService(ClienteleDb db, CampaignPlanner planner, AuditLog audit)
{
    public async Task<CampaignResponse[]> ListAsync(CancellationToken ct) =>
        [.. (await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.Id).Take(500).ToListAsync(ct)).Select(CampaignResponse.Of)];

    /// <summary>
    /// The campaigns page: every campaign with its messages counted by what became of them. The counts are of the
    /// outbox rows the reader may see (the row filter on the client), so a manager counts their own clients only.
    /// </summary>
    public async Task<CampaignSummary[]> SummariesAsync(CancellationToken ct)
    {
        var campaigns = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.Id).Take(500)
            .Select(c => new { c.Id, c.Name, c.Status, c.CreatedAt, c.LaunchedAt }).ToListAsync(ct);
        var ids = campaigns.Select(c => (long?)c.Id).ToList();
        var counts = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.CampaignId))
                .GroupBy(m => new { m.CampaignId, m.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(c => c.CampaignId!.Value);
        return [.. campaigns.Select(c =>
        {
            var of = counts[c.Id].ToDictionary(x => x.Status, x => x.Count);
            int Count(params OutboxStatus[] statuses) => statuses.Sum(s => of.GetValueOrDefault(s));
            return new CampaignSummary(c.Id, c.Name, c.Status, c.CreatedAt, c.LaunchedAt,
                of.Where(x => x.Key != OutboxStatus.Holdout).Sum(x => x.Value), Count(OutboxStatus.Queued, OutboxStatus.Sending), Count(OutboxStatus.Sent),
                Count(OutboxStatus.Failed, OutboxStatus.Bounced), Count(OutboxStatus.SkippedByCap, OutboxStatus.ConsentWithdrawn), Count(OutboxStatus.Holdout));
        })];
    }

    public async Task<Campaign?> FindAsync(long id, CancellationToken ct) => await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<CampaignOutcome<CampaignResponse>> SaveAsync(long? id, CampaignInput input, CancellationToken ct)
    {
        var errors = CampaignRules.Check(input);
        if (input.Audience?.GroupId is { } groupId && !await db.ClientGroups.AnyAsync(g => g.Id == groupId, ct))
            errors.Add("audience.groupId", Message.Of<CampaignText>("there is no group {0}.", groupId));
        if (errors.Any) return new CampaignOutcome<CampaignResponse>.Invalid(errors);
        Campaign campaign;
        if (id is { } existing)
        {
            if (await db.Set<Campaign>().SingleOrDefaultAsync(c => c.Id == existing, ct) is not { } found) return new CampaignOutcome<CampaignResponse>.NotFound();
            if (found.Status == CampaignStatus.Launched)
                return new CampaignOutcome<CampaignResponse>.Conflict(Message.Of<CampaignText>("The campaign was launched; a launched campaign is not changed."));
            campaign = found;
        }
        else
        {
            campaign = new Campaign { Name = "", CreatedAt = db.UtcNow, CreatedById = db.Access.ViewerId > 0 ? db.Access.ViewerId : null };
            db.Add(campaign);
        }
        var before = id is null ? null : Content(campaign);
        campaign.Name = input.Name!.Trim();
        var audience = input.Audience;
        campaign.Audience = new CampaignAudience
        {
            GroupId = audience?.GroupId, AbcClass = audience?.AbcClass, LoyaltyStage = audience?.LoyaltyStage, AtRiskOnly = audience?.AtRiskOnly ?? false,
            RfmSegment = audience?.RfmSegment,
        };
        campaign.Channel = input.Channel ?? CampaignChannel.Email;
        // An SMS or a call uses the plain-text part only; the others are kept empty.
        campaign.Templates = [.. input.Templates!.Select(t => new CampaignTemplate { Language = t.Language!, Subject = t.Subject ?? "", Html = t.Html ?? "", Text = t.Text! })];
        campaign.DefaultLanguage = input.DefaultLanguage ?? campaign.Templates[0].Language;
        campaign.HoldoutPercent = input.HoldoutPercent ?? 0;
        campaign.OverCap = input.OverCap ?? OverCapRule.Postpone;
        campaign.RevenueWindowDays = input.RevenueWindowDays ?? 30;
        // An approval (or a request for one) is of what the owner saw: a change makes it a draft that asks again; the
        // same content saved again (the builder saves before every preview and launch) keeps it.
        if (before is not null && before != Content(campaign))
            (campaign.Status, campaign.ApprovalSize, campaign.ApprovalRequestedAt, campaign.ApprovalRequestedById, campaign.ApprovedAt, campaign.ApprovedById) =
                (CampaignStatus.Draft, null, null, null, null, null);
        await db.SaveChangesAsync(ct);
        return new CampaignOutcome<CampaignResponse>.Done(CampaignResponse.Of(campaign));
    }

    /// <summary>What an approval is of: everything a save sets.</summary>
    private static string Content(Campaign c) => System.Text.Json.JsonSerializer.Serialize(new
    {
        c.Name, c.Audience.GroupId, c.Audience.AbcClass, c.Audience.LoyaltyStage, c.Audience.RfmSegment, c.Audience.AtRiskOnly, c.DefaultLanguage,
        Templates = c.Templates.Select(t => new { t.Language, t.Subject, t.Html, t.Text }), c.HoldoutPercent, c.OverCap, c.RevenueWindowDays,
    });

    public async Task<CampaignPreview?> PreviewAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } campaign) return null;
        return Preview(await planner.PlanAsync(campaign, ct), campaign.Channel, await ApprovalAboveAsync(ct));
    }

    private async Task<int> ApprovalAboveAsync(CancellationToken ct) =>
        await db.Set<ContactPolicy>().AsNoTracking().Select(p => p.ApprovalAbove).SingleOrDefaultAsync(ct);

    private static CampaignPreview Preview(CampaignPlan plan, CampaignChannel channel, int approvalAbove) => new(
        plan.AudienceClients, plan.Recipients, plan.Count(OutboxStatus.Queued) - plan.Postponed, plan.Postponed, plan.Count(OutboxStatus.SkippedByCap),
        plan.Count(OutboxStatus.Holdout), plan.Excluded.Count,
        plan.Excluded.GroupBy(e => e.Reason).ToDictionary(g => g.Key, g => g.Count()),
        [.. plan.Excluded.Take(500).Select(e => new ExclusionRow(e.ClientId, e.ContactPersonId, e.ContactName, e.Reason, CampaignChannels.Why(e.Reason, channel).Render()))], approvalAbove);

    /// <summary>
    /// Launches: plans again and writes every message of the plan into the outbox, the campaign's new status and the
    /// audit entry in one transaction, so a crash leaves either a draft or a launched campaign with all its messages.
    /// </summary>
    public async Task<CampaignOutcome<CampaignPreview>> LaunchAsync(long id, CancellationToken ct)
    {
        if (await db.Set<Campaign>().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } campaign) return new CampaignOutcome<CampaignPreview>.NotFound();
        if (campaign.Status == CampaignStatus.Launched)
            return new CampaignOutcome<CampaignPreview>.Conflict(Message.Of<CampaignText>("The campaign was launched already."));
        var plan = await planner.PlanAsync(campaign, ct);
        var approvalAbove = await ApprovalAboveAsync(ct);
        if (plan.Recipients == 0)
        {
            var errors = new Errors();
            errors.Add("audience", campaign.Channel == CampaignChannel.Email
                ? Message.Of<CampaignText>("The campaign would reach nobody: of {0} clients in the audience, no contact person has an e-mail address and a current consent to marketing e-mail ({1} excluded).",
                    plan.AudienceClients, plan.Excluded.Count)
                : Message.Of<ChannelText>("The campaign would reach nobody: of {0} clients in the audience, no contact person has a phone number and a current consent for this channel ({1} excluded).",
                    plan.AudienceClients, plan.Excluded.Count));
            return new CampaignOutcome<CampaignPreview>.Invalid(errors);
        }
        var preview = Preview(plan, campaign.Channel, approvalAbove);
        if (await ApprovalStepAsync(campaign, preview, ct) is { } stopped) return stopped;
        var now = db.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (campaign.Status, campaign.LaunchedAt, campaign.LaunchedById) = (CampaignStatus.Launched, now, db.Access.ViewerId > 0 ? db.Access.ViewerId : null);
        var rows = plan.Messages.Select(m => new OutboxMessage
        {
            CampaignId = campaign.Id, Channel = campaign.Channel, ClientId = m.ClientId, ContactPersonId = m.ContactPersonId, Kind = OutboxKind.Marketing, Address = m.Address,
            Language = m.Language, Status = m.Status, Postponed = m.Postponed, NotBefore = m.NotBefore, CreatedAt = now, LastReply = m.Reason?.Encode(),
        }).ToList();
        // A call list's tasks name their outbox rows, so its (few) rows are saved through EF to learn their ids; e-mail and
        // SMS rows go below EF, in the launch's transaction, after the campaign's own save (ADR 039).
        var callList = campaign.Channel == CampaignChannel.Call;
        if (callList) db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CampaignOutcome<CampaignPreview>.Conflict(Message.Of<CampaignText>("The campaign was launched already."));
        }
        // Below EF, in the launch's transaction (ADR 039): tracking 100,000 new rows was most of a large launch.
        if (!callList) await BulkRows.InsertAsync(db, rows, withKey: false, ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.Created, null, nameof(Campaign), campaign.Id, null,
            $"launched: {plan.Count(OutboxStatus.Queued)} queued, {plan.Count(OutboxStatus.SkippedByCap)} skipped by cap, {plan.Count(OutboxStatus.Holdout)} holdout")
        { RowCount = plan.Recipients }, ct);
        if (callList) await CallList.MakeTasksAsync(db, campaign, rows, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new CampaignOutcome<CampaignPreview>.Done(preview);
    }

    /// <summary>
    /// The owner's approval size: a campaign that would send more than it waits for the owner. The owner's own launch is
    /// the owner's decision; an approved campaign launches while it sends no more than the approved number (its audience
    /// may have grown since). The request is audited and the campaign stays unchanged otherwise. Null: go on.
    /// </summary>
    private async Task<CampaignOutcome<CampaignPreview>?> ApprovalStepAsync(Campaign campaign, CampaignPreview preview, CancellationToken ct)
    {
        if (!preview.NeedsApproval || db.Access.Role == EmployeeRole.Owner) return null;
        if (campaign.Status == CampaignStatus.Approved && preview.ToSend <= campaign.ApprovalSize) return null;
        if (campaign.Status == CampaignStatus.AwaitingApproval)
            return new CampaignOutcome<CampaignPreview>.Conflict(Message.Of<CampaignText>("The campaign is waiting for the owner's approval."));
        (campaign.Status, campaign.ApprovalSize, campaign.ApprovalRequestedAt, campaign.ApprovalRequestedById, campaign.ApprovedAt, campaign.ApprovedById) =
            (CampaignStatus.AwaitingApproval, preview.ToSend, db.UtcNow, db.Access.ViewerId > 0 ? db.Access.ViewerId : null, null, null);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CampaignOutcome<CampaignPreview>.Conflict(Message.Of<CampaignText>("The campaign was changed meanwhile; open it again."));
        }
        await audit.RecordAsync(new AuditEvent(AuditAction.Updated, null, nameof(Campaign), campaign.Id, null,
            $"approval requested: {preview.ToSend} messages, above the owner's {preview.ApprovalAbove}") { RowCount = preview.ToSend }, ct);
        await transaction.CommitAsync(ct);
        return new CampaignOutcome<CampaignPreview>.Waiting(preview,
            Message.Of<CampaignText>("The campaign would send {0} messages, more than the {1} the owner lets go without approval: it now waits for the owner's approval.",
                preview.ToSend, preview.ApprovalAbove));
    }

    /// <summary>
    /// The owner's yes or no on a campaign awaiting approval (the export approvals' pattern): the status changes only from
    /// "awaiting", so two owners cannot both decide; a no makes it a draft again. Audited either way.
    /// </summary>
    public async Task<CampaignOutcome<CampaignResponse>> DecideAsync(long id, CampaignApprovalInput input, CancellationToken ct)
    {
        if (input.Approve is not { } approve)
        {
            var errors = new Errors();
            errors.Add("approve", Message.Of("is required."));
            return new CampaignOutcome<CampaignResponse>.Invalid(errors);
        }
        var now = db.UtcNow;
        var owner = db.Access.ViewerId > 0 ? db.Access.ViewerId : (long?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = approve
            ? await db.Set<Campaign>().Where(c => c.Id == id && c.Status == CampaignStatus.AwaitingApproval)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Approved).SetProperty(c => c.ApprovedById, owner)
                    .SetProperty(c => c.ApprovedAt, now).SetProperty(c => c.Version, c => c.Version + 1), ct)
            : await db.Set<Campaign>().Where(c => c.Id == id && c.Status == CampaignStatus.AwaitingApproval)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Draft).SetProperty(c => c.ApprovedById, (long?)null)
                    .SetProperty(c => c.ApprovedAt, (DateTime?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (changed == 0)
            return await db.Set<Campaign>().AnyAsync(c => c.Id == id, ct)
                ? new CampaignOutcome<CampaignResponse>.Conflict(Message.Of<CampaignText>("The campaign is not waiting for an approval."))
                : new CampaignOutcome<CampaignResponse>.NotFound();
        var size = await db.Set<Campaign>().Where(c => c.Id == id).Select(c => c.ApprovalSize).SingleAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.Updated, null, nameof(Campaign), id, null,
            $"{(approve ? "approved" : "refused")}: {size} messages") { RowCount = size ?? 0 }, ct);
        await transaction.CommitAsync(ct);
        return new CampaignOutcome<CampaignResponse>.Done(CampaignResponse.Of((await FindAsync(id, ct))!));
    }

    public async Task<CampaignReport?> ReportAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } campaign) return null;
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CampaignId == id)
            .Select(m => new { m.ClientId, m.Status, m.Postponed, Opted = m.OptedOutAt != null }).ToListAsync(ct);
        int Count(OutboxStatus s) => rows.Count(r => r.Status == s);
        var skippedWhy = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CampaignId == id && m.Status == OutboxStatus.SkippedByCap)
            .Select(m => m.LastReply).FirstOrDefaultAsync(ct);
        var recipients = rows.Where(r => r.Status is not (OutboxStatus.Holdout or OutboxStatus.SkippedByCap)).Select(r => r.ClientId).ToHashSet();
        var holdout = rows.Where(r => r.Status == OutboxStatus.Holdout).Select(r => r.ClientId).ToHashSet();
        var revenue = await RevenueAsync(campaign, recipients, holdout, ct);
        return new CampaignReport(id, campaign.LaunchedAt, Count(OutboxStatus.Queued) + Count(OutboxStatus.Sending),
            rows.Count(r => r.Postponed && r.Status is not (OutboxStatus.Holdout or OutboxStatus.SkippedByCap)),
            Count(OutboxStatus.Sent), Count(OutboxStatus.Failed), Count(OutboxStatus.Bounced), Count(OutboxStatus.SkippedByCap),
            Count(OutboxStatus.Holdout), rows.Count(r => r.Opted), skippedWhy is null ? null : Message.Parse(skippedWhy)?.Render() ?? skippedWhy, revenue,
            campaign.Channel == CampaignChannel.Call ? await CallList.CountsAsync(db, id, ct) : null);
    }

    /// <summary>Revenue (base currency) within the window after the launch, recipients' clients against the control group's, per client.</summary>
    private async Task<RevenueComparison> RevenueAsync(Campaign campaign, HashSet<long> recipients, HashSet<long> holdout, CancellationToken ct)
    {
        var window = campaign.RevenueWindowDays;
        if (campaign.LaunchedAt is not { } from) return new RevenueComparison(window, recipients.Count, 0, 0, holdout.Count, 0, 0, 0);
        var until = from.AddDays(window);
        var all = recipients.Concat(holdout).ToList();
        var byClient = (await db.Purchases.AsNoTracking().Where(p => all.Contains(p.ClientId) && p.Date >= from && p.Date < until)
                .Select(p => new { p.ClientId, p.Total, p.RateToBase }).ToListAsync(ct))
            .GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.Sum(p => p.Total * p.RateToBase));
        decimal Sum(HashSet<long> ids) => ids.Sum(i => byClient.GetValueOrDefault(i));
        decimal Per(decimal total, int n) => n == 0 ? 0 : Math.Round(total / n, 2);
        var (r, h) = (Sum(recipients), Sum(holdout));
        return new RevenueComparison(window, recipients.Count, r, Per(r, recipients.Count), holdout.Count, h, Per(h, holdout.Count),
            holdout.Count == 0 ? 0 : Per(r, recipients.Count) - Per(h, holdout.Count));
    }

    /// <summary>The campaign in the caller's language (else its default) with example values, to the caller's own address at once.</summary>
    public async Task<CampaignOutcome<TestSendResponse>> TestSendAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } campaign) return new CampaignOutcome<TestSendResponse>.NotFound();
        if (campaign.Channel != CampaignChannel.Email)
            return new CampaignOutcome<TestSendResponse>.Conflict(Message.Of<ChannelText>("A test goes by e-mail only; the builder shows the text as it will go out, with its length."));
        var culture = CultureInfo.CurrentUICulture;
        var template = campaign.Templates.FirstOrDefault(t => t.Language == culture.TwoLetterISOLanguageName)
            ?? campaign.Templates.FirstOrDefault(t => t.Language == campaign.DefaultLanguage) ?? campaign.Templates[0];
        var language = CultureInfo.GetCultureInfo(template.Language);
        return await CampaignSettingsStore.SendToCallerAsync(db, (settings, to, name) =>
            CampaignTemplates.RenderAsync(template, Example(language, name, to, settings.PublicUrl, db.UtcNow), language), ct);
    }

    /// <summary>The values a test send and the builder's preview fill the placeholders with: the sender as contact and manager.</summary>
    public static TemplateModel Example(CultureInfo language, string senderName, string? senderEmail, string publicUrl, DateTime now) =>
        new(Message.Of<CampaignText>("Example client").Render(language), null, senderName, null, senderName, senderEmail,
            DateOnly.FromDateTime(now).ToString("d", language), string.Create(language, $"{1234.5m:N2}"), publicUrl.TrimEnd('/') + "/unsubscribe/example",
            Message.Of<CampaignText>("Example category").Render(language), Message.Of<CampaignText>("Example category bought").Render(language));

    /// <summary>The campaign messages of a client's contact persons, newest first, for the card.</summary>
    public async Task<ClientCampaignMessage[]?> OfClientAsync(long clientId, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return null;
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClientId == clientId && m.Status != OutboxStatus.Holdout)
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new ClientCampaignMessage(m.Id, m.CampaignId, db.Set<Campaign>().Where(c => c.Id == m.CampaignId).Select(c => c.Name).FirstOrDefault(),
                m.ContactPersonId, m.Status, m.NotBefore, m.SentAt))
            .ToArrayAsync(ct);
    }
}

/// <summary>
/// The recipient's side of a message: the signed unsubscribe link (RFC 8058 one-click POST, or the page's button).
/// Runs without a signed-in user, so it is handed a system scope (the link's signature is the authorisation).
/// </summary>
public static class Unsubscribe
{
    public enum Result { Done, AlreadyDone, Invalid }

    public static async Task<Result> RunAsync(ClienteleDb db, ConsentWriter consents, string token, CancellationToken ct)
    {
        if (MailSecrets.Of(db).Verify(MailComposer.UnsubscribePurpose, token) is not { } id) return Result.Invalid;
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return Result.Invalid;
        if (message.OptedOutAt is not null) return Result.AlreadyDone;
        var personId = (long?)message.ContactPersonId;
        // The link withdraws the consent of the channel the message came through (an SMS's opt-out, the SMS consent).
        var channel = CampaignChannels.ConsentOf(message.Channel);
        var current = await ConsentQueries.Granted(db.Set<PersonalDataConsent>())
            .Where(c => c.ClientId == message.ClientId && c.ContactPersonId == personId && c.Channel == channel && c.Purpose == ConsentPurpose.Marketing)
            .Select(c => c.Id).ToListAsync(ct);
        // The consent writer records the withdrawal (and mirrors it on the person's list) and audits it like any consent change.
        foreach (var consentId in current) await consents.WithdrawAsync(message.ClientId, consentId, ConsentSource.WebForm, null, ct);
        message.OptedOutAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return Result.Done;
    }
}
