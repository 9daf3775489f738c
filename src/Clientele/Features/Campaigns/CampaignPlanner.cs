using Clientele.Features.Analytics;
using Clientele.Features.Company;
using Clientele.Features.Groups;
using Clientele.Features.Lifetime;
using Clientele.Features.Loyalty;
using Clientele.Features.Pipeline;
using Clientele.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Campaigns;

/// <summary>Why a contact person of the audience gets nothing.</summary>
/// <remarks>The contact policy's reasons are numbered apart from the channel's, so a channel's own reasons can be added below them.</remarks>
public enum ExclusionReason { NoConsent = 0, NoAddress = 1, Bounced = 2, OpenComplaint = 10, RecentLostDeal = 11 }

public sealed record Exclusion(long ClientId, long ContactPersonId, string ContactName, ExclusionReason Reason);

/// <summary>One message of a plan: queued (now or postponed), in the control group, or skipped by the caps.</summary>
public sealed record PlannedMessage(long ClientId, long ContactPersonId, string Address, string Language, OutboxStatus Status, bool Postponed, DateTime NotBefore, Message? Reason);

public sealed record CampaignPlan(int AudienceClients, IReadOnlyList<PlannedMessage> Messages, IReadOnlyList<Exclusion> Excluded)
{
    public int Recipients => Messages.Count;
    public int Count(OutboxStatus status) => Messages.Count(m => m.Status == status);
    public int Postponed => Messages.Count(m => m.Postponed && m.Status == OutboxStatus.Queued);
}

/// <summary>
/// Who a campaign reaches and when, as the reader sees the base: the audience's clients, their contact persons with a
/// current e-mail marketing consent (the consents of Features/Privacy: the latest record per person, channel and
/// purpose, and the person's own per-channel list not saying no), less bounced addresses; the control group; and the
/// contact policy's caps and quiet hours against what each person already got. The preview and the launch use the same plan.
/// </summary>
public sealed class CampaignPlanner(ClienteleDb db, AnalyticsService analytics)
{
    public async Task<CampaignPlan> PlanAsync(Campaign campaign, CancellationToken ct)
    {
        var now = db.UtcNow;
        var clientIds = await AudienceAsync(campaign.Audience, ct);
        var policy = await db.Set<ContactPolicy>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new ContactPolicy();
        var held = await ClientExclusionsAsync(clientIds, policy, now, ct);
        var companyZone = (await CompanyDays.OfAsync(db, ct)).Zone;
        var zones = await ZonesAsync(clientIds, CapRules.Of(policy, companyZone), ct);
        var contacts = await db.ContactPersons.AsNoTracking()
            .Where(p => clientIds.Contains(p.ClientId))
            .Select(p => new { p.Id, p.ClientId, p.Name, p.Emails, p.Phones, p.PreferredLanguage, p.Consents })
            .ToListAsync(ct);
        var consented = (await CampaignChannels.Consented(campaign.Channel, db.Set<PersonalDataConsent>(), policy.DoubleOptInEmail)
            .Where(c => c.ContactPersonId != null)
            .Select(c => c.ContactPersonId!.Value).ToListAsync(ct)).ToHashSet();
        var bounced = (await db.Set<BouncedAddress>().AsNoTracking().Select(b => b.Address).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var companyRules = CapRules.Of(policy, companyZone);
        var since = now - CapRules.Month;
        var taken = (await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Kind == OutboxKind.Marketing && m.NotBefore > since
                    && (m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending || m.Status == OutboxStatus.Sent))
                .Select(m => new { m.ContactPersonId, m.NotBefore }).ToListAsync(ct))
            .GroupBy(m => m.ContactPersonId).ToDictionary(g => g.Key, g => g.Select(m => m.NotBefore).ToList());
        var languages = campaign.Templates.Select(t => t.Language).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var excluded = new List<Exclusion>();
        var messages = new List<PlannedMessage>();
        foreach (var person in contacts.OrderBy(p => p.ClientId).ThenBy(p => p.Id))
        {
            // The person's own list saying no is a refusal too, whatever an older record says.
            var personal = CampaignChannels.PersonalOf(campaign.Channel);
            var saysNo = person.Consents.Where(c => c.Channel == personal).OrderBy(c => c.RecordedAt).LastOrDefault() is { Granted: false };
            var address = CampaignChannels.AddressOf(campaign.Channel, person.Emails, person.Phones);
            ExclusionReason? reason = held.TryGetValue(person.ClientId, out var policyReason) ? policyReason
                : !consented.Contains(person.Id) || saysNo ? ExclusionReason.NoConsent
                : string.IsNullOrWhiteSpace(address) ? ExclusionReason.NoAddress
                : bounced.Contains(address) ? ExclusionReason.Bounced
                : null;
            if (reason is { } r)
            {
                excluded.Add(new Exclusion(person.ClientId, person.Id, person.Name, r));
                continue;
            }
            var language = person.PreferredLanguage is { } own && languages.Contains(own) ? own.ToLowerInvariant() : campaign.DefaultLanguage;
            if (InHoldout(campaign.Id, person.ClientId, campaign.HoldoutPercent))
            {
                messages.Add(new PlannedMessage(person.ClientId, person.Id, address!, language, OutboxStatus.Holdout, false, now, null));
                continue;
            }
            var mine = taken.GetValueOrDefault(person.Id) ?? [];
            var rules = zones.GetValueOrDefault(person.ClientId) ?? companyRules;
            var at = ContactCaps.Place(now, mine, rules, campaign.OverCap == OverCapRule.Postpone);
            if (at is { } time)
            {
                mine.Add(time);
                taken[person.Id] = mine;
                messages.Add(new PlannedMessage(person.ClientId, person.Id, address!, language, OutboxStatus.Queued, time > now, time, null));
            }
            else
                messages.Add(new PlannedMessage(person.ClientId, person.Id, address!, language, OutboxStatus.SkippedByCap, false, now,
                    Message.Of<CampaignText>("over the contact policy: at most {0} marketing messages in 7 days and {1} in 30 days.", companyRules.PerWeek, companyRules.PerMonth)));
        }
        return new CampaignPlan(clientIds.Count, messages, excluded);
    }

    /// <summary>
    /// The audience's clients the contact policy holds back whatever their consents say: an open complaint (an answer
    /// to the three questions below <see cref="FollowUp.MyDay.CallBelow"/> in the last <see cref="FollowUp.MyDay.AnswerDays"/>
    /// days that nobody has called the client about since, the "unhappy, waiting for a call" of My day), or a deal with
    /// the client lost within the policy's days. A complaint outranks a lost deal.
    /// </summary>
    private async Task<Dictionary<long, ExclusionReason>> ClientExclusionsAsync(List<long> clientIds, ContactPolicy policy, DateTime now, CancellationToken ct)
    {
        var held = new Dictionary<long, ExclusionReason>();
        if (clientIds.Count == 0) return held;
        if (policy.LostDealDays > 0)
        {
            var lostSince = now.AddDays(-policy.LostDealDays);
            foreach (var id in await db.Deals.AsNoTracking()
                         .Where(d => d.Stage!.Outcome == StageOutcome.Lost && d.StageEnteredAt > lostSince && clientIds.Contains(d.ClientId))
                         .Select(d => d.ClientId).Distinct().ToListAsync(ct))
                held[id] = ExclusionReason.RecentLostDeal;
        }
        var answeredSince = now.AddDays(-FollowUp.MyDay.AnswerDays);
        foreach (var id in await db.SurveyAnswers.AsNoTracking()
                     .Where(a => a.Satisfaction < FollowUp.MyDay.CallBelow && a.AnsweredAt >= answeredSince && clientIds.Contains(a.ClientId)
                         && !db.Interactions.Any(i => i.ClientId == a.ClientId && i.Kind == Interactions.InteractionKind.Call && i.OccurredAt > a.AnsweredAt && i.Source != "survey"))
                     .Select(a => a.ClientId).Distinct().ToListAsync(ct))
            held[id] = ExclusionReason.OpenComplaint;
        return held;
    }

    /// <summary>The caps with the client's own time zone, for the audience's clients that have one (the others keep the company's).</summary>
    private async Task<Dictionary<long, CapRules>> ZonesAsync(List<long> clientIds, CapRules company, CancellationToken ct)
    {
        var own = await db.Clients.AsNoTracking().Where(c => c.TimeZone != null && clientIds.Contains(c.Id)).Select(c => new { c.Id, c.TimeZone }).ToListAsync(ct);
        var byZone = new Dictionary<string, CapRules>();
        var result = new Dictionary<long, CapRules>();
        foreach (var client in own)
        {
            if (!byZone.TryGetValue(client.TimeZone!, out var rules))
                byZone[client.TimeZone!] = rules = CompanyDays.Find(client.TimeZone) is { } zone ? company with { Zone = zone } : company;
            result[client.Id] = rules;
        }
        return result;
    }

    /// <summary>
    /// The control group, by client (its purchases are the comparison): a hash of campaign and client, so the preview
    /// and the launch agree and a client's contacts share their side.
    /// </summary>
    public static bool InHoldout(long campaignId, long clientId, int percent)
    {
        if (percent <= 0) return false;
        var hash = unchecked(((ulong)campaignId * 0x9E3779B97F4A7C15UL) ^ (ulong)clientId);
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return (int)(hash % 100) < percent;
    }

    /// <summary>The ids of the clients the reader sees that meet every filter of the audience.</summary>
    private async Task<List<long>> AudienceAsync(CampaignAudience audience, CancellationToken ct)
    {
        var clients = db.Clients.AsNoTracking().Select(c => c.Id);
        if (audience.AbcClass is { } abc)
            clients = clients.Where(id => db.Set<ClientLifetime>().Any(l => l.ClientId == id && l.AbcClass == abc));
        if (audience.AtRiskOnly)
            clients = clients.Where(id => db.Set<ClientLifetime>().Any(l => l.ClientId == id && l.Reason != RiskReason.None));
        if (audience.LoyaltyStage is { } stage)
            clients = clients.Where(id => db.Set<ClientLoyalty>().Any(l => l.ClientId == id && l.Stage == stage));
        var ids = await clients.ToListAsync(ct);
        if (audience.RfmSegment is { } segment)
        {
            // The segment the analytics pages show today: read from the reader's report, as a group's rule is.
            var report = await analytics.ReportAsync(null, ct);
            var inSegment = new HashSet<long>();
            for (var i = 0; i < report.Base.Count; i++)
                if (report.Rfm[i] is { } score && score.Segment == segment) inSegment.Add(report.Base.Clients[i].Id);
            ids = [.. ids.Where(inSegment.Contains)];
        }
        if (audience.GroupId is not { } groupId) return ids;

        var members = (await db.ClientGroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).Select(m => m.ClientId).ToListAsync(ct)).ToHashSet();
        var group = await db.ClientGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is not null && GroupSpec.RuleOf(group) is { } rule)
        {
            var report = await analytics.ReportAsync(null, ct);
            for (var i = 0; i < report.Base.Count; i++)
                if (rule.Matches(report.Base.Clients[i], report.Revenue12Months[i])) members.Add(report.Base.Clients[i].Id);
        }
        return [.. ids.Where(members.Contains)];
    }
}
