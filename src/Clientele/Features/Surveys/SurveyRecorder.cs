using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Interactions;
using Clientele.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Surveys;

/// <summary>The answer to the three questions as typed on the card, sent to the API or posted through a link.</summary>
public sealed class SurveyInput
{
    public long ClientId { get; set; }
    /// <summary>0–10: how satisfied the client is.</summary>
    public int? Satisfaction { get; set; }
    /// <summary>What is missing for a 10; kept only below 10.</summary>
    public string? Missing { get; set; }
    /// <summary>A product or service that would make the client more successful or happier.</summary>
    public string? ProductWish { get; set; }
    /// <summary>Someone the client knows who might be interested (optional; a name and a phone or an e-mail).</summary>
    public string? ReferralName { get; set; }
    public string? ReferralPhone { get; set; }
    public string? ReferralEmail { get; set; }
}

public static class SurveyRules
{
    public const int MaxText = 2000;
    public const int MaxSatisfaction = 10;
    /// <summary>A link sent by mail or messenger is answered within days; a month leaves room for holidays.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    /// <summary>Checks and normalises the answer in place (texts trimmed, the referral's contact as a lead's).</summary>
    public static Errors Check(SurveyInput input, string phoneRegion)
    {
        var e = new Errors();
        if (input.Satisfaction is not { } score) e.Add("satisfaction", Message.Of("is required."));
        else if (score is < 0 or > MaxSatisfaction) e.Add("satisfaction", Message.Of("must be a whole number from 0 to 10."));
        input.Missing = e.Optional("missing", input.Missing, MaxText);
        if (input.Satisfaction == MaxSatisfaction) input.Missing = null; // nothing is missing at 10; the form does not ask
        input.ProductWish = e.Optional("productWish", input.ProductWish, MaxText);
        if (!string.IsNullOrWhiteSpace(input.ReferralName) || !string.IsNullOrWhiteSpace(input.ReferralPhone) || !string.IsNullOrWhiteSpace(input.ReferralEmail))
        {
            var referral = new LeadInput { Name = input.ReferralName, Phone = input.ReferralPhone, Email = input.ReferralEmail };
            var contact = new Errors();
            LeadsApi.CheckContact(contact, referral, phoneRegion);
            foreach (var (field, message) in contact.All) e.Add("referral" + char.ToUpperInvariant(field[0]) + field[1..], message);
            (input.ReferralName, input.ReferralPhone, input.ReferralEmail) = (referral.Name, referral.Phone, referral.Email);
        }
        else (input.ReferralName, input.ReferralPhone, input.ReferralEmail) = (null, null, null);
        return e;
    }
}

/// <summary>
/// Records an answer, whichever way it came: the answer row, an interaction on the client's timeline (its score is the
/// satisfaction, so a promoter's answer counts towards advocacy) through the refresh path, a referral lead linked to the
/// client, and — for a link — the link marked answered; all in one transaction, so a refused or repeated answer stores
/// nothing.
/// </summary>
public static class SurveyRecorder
{
    /// <param name="link">The link the client answered through; null when the manager records the call.</param>
    public static async Task<Outcome<SurveyAnswer>> RecordAsync(ClienteleDb db, SurveyInput input, long? employeeId, SurveyLink? link, CancellationToken ct)
    {
        var errors = SurveyRules.Check(input, (await new CompanySettingsReader(db).GetAsync(ct)).DefaultPhoneRegion);
        if (link is null && !await db.Clients.AnyAsync(c => c.Id == input.ClientId, ct)) errors.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        if (errors.Any) return Outcome<SurveyAnswer>.Invalid(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = db.UtcNow;
        Lead? lead = null;
        if (input.ReferralName is not null)
            db.Leads.Add(lead = new Lead
            {
                Name = input.ReferralName, Phone = input.ReferralPhone, Email = input.ReferralEmail,
                Source = LeadSource.Referral, ReferrerClientId = input.ClientId, Status = LeadStatus.Open,
            });
        var interaction = new Interaction
        {
            ClientId = input.ClientId, EmployeeId = employeeId, OccurredAt = now, Score = input.Satisfaction, Text = input.Missing, Source = "survey",
            Kind = link is null ? InteractionKind.Call : InteractionKind.Message,
            Direction = link is null ? Direction.Outbound : Direction.Inbound,
        };
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        var answer = new SurveyAnswer
        {
            ClientId = input.ClientId, Satisfaction = input.Satisfaction!.Value, Missing = input.Missing, ProductWish = input.ProductWish,
            ReferralName = input.ReferralName, ReferralPhone = input.ReferralPhone, ReferralEmail = input.ReferralEmail, ReferralLeadId = lead?.Id,
            Channel = link is null ? SurveyChannel.Call : SurveyChannel.Link, EmployeeId = employeeId, InteractionId = interaction.Id, AnsweredAt = now,
        };
        db.SurveyAnswers.Add(answer);
        if (answer.Satisfaction < SurveyRules.MaxSatisfaction) db.LoopItems.Add(await OpenItemAsync(db, answer, ct));
        await db.SaveChangesAsync(ct);
        // One answer per link, even for two posts at once: the second finds the link taken and stores nothing.
        if (link is not null && await db.SurveyLinks.Where(l => l.Id == link.Id && l.AnswerId == null).ExecuteUpdateAsync(u => u.SetProperty(l => l.AnswerId, answer.Id), ct) == 0)
            return Outcome<SurveyAnswer>.Conflict(0);
        // The client was asked again after a fix: that closes the loop, whatever the new score (below 10 it opened its own item).
        await db.LoopItems.Where(i => i.ClientId == input.ClientId && i.FixedAt != null && i.ClosedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ClosedAt, now).SetProperty(i => i.ClosedByAnswerId, answer.Id)
                .SetProperty(i => i.UpdatedAt, now).SetProperty(i => i.Version, i => i.Version + 1), ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Interactions, input.ClientId), ct);
        await db.SaveChangesAsync(ct);
        await AnalyticsCommit.StaleAsync(db);
        await transaction.CommitAsync(ct);
        return Outcome<SurveyAnswer>.Ok(answer);
    }

    /// <summary>The loop item an answer below 10 opens: the client's manager fixes it (else whoever took the answer), within two weeks.</summary>
    private static async Task<LoopItem> OpenItemAsync(ClienteleDb db, SurveyAnswer answer, CancellationToken ct)
    {
        var manager = await db.Clients.Where(c => c.Id == answer.ClientId).Select(c => c.ManagerId).SingleOrDefaultAsync(ct);
        var today = (await CompanyDays.OfAsync(db, ct)).DayOf(answer.AnsweredAt);
        return new LoopItem { ClientId = answer.ClientId, Answer = answer, OwnerId = manager ?? answer.EmployeeId, DueOn = today.AddDays(LoopRules.DueAfterDays) };
    }

    /// <summary>A new personal link for the client, valid for <see cref="SurveyRules.LinkLifetime"/>.</summary>
    public static async Task<SurveyLink> NewLinkAsync(ClienteleDb db, long clientId, long? createdBy, CancellationToken ct)
    {
        var link = new SurveyLink
        {
            ClientId = clientId, CreatedById = createdBy, CreatedAt = db.UtcNow, ExpiresAt = db.UtcNow + SurveyRules.LinkLifetime,
            // 256 random bits: the link's address is its only key.
            Token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        db.SurveyLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link;
    }
}
