namespace Clientele.Features.Campaigns;

public sealed record CampaignAudienceInput(long? GroupId, string? AbcClass, Clientele.Analytics.Loyalty.LoyaltyStage? LoyaltyStage, bool? AtRiskOnly,
    Clientele.Analytics.Structure.RfmSegment? RfmSegment = null);

public sealed record CampaignTemplateInput(string? Language, string? Subject,
    [property: Infrastructure.Security.MultiLineText] string? Html, [property: Infrastructure.Security.MultiLineText] string? Text);

public sealed record CampaignInput(string? Name, CampaignAudienceInput? Audience, string? DefaultLanguage, List<CampaignTemplateInput>? Templates,
    int? HoldoutPercent, OverCapRule? OverCap, int? RevenueWindowDays, CampaignChannel? Channel = null);

public sealed record CampaignResponse(long Id, string Name, CampaignStatus Status, CampaignAudience Audience, string DefaultLanguage,
    IReadOnlyList<CampaignTemplate> Templates, int HoldoutPercent, OverCapRule OverCap, int RevenueWindowDays, DateTime CreatedAt,
    DateTime? LaunchedAt, long Version, CampaignChannel Channel, int? ApprovalSize = null, DateTime? ApprovalRequestedAt = null, DateTime? ApprovedAt = null)
{
    public static CampaignResponse Of(Campaign c) => new(c.Id, c.Name, c.Status, c.Audience, c.DefaultLanguage, c.Templates, c.HoldoutPercent,
        c.OverCap, c.RevenueWindowDays, c.CreatedAt, c.LaunchedAt, c.Version, c.Channel, c.ApprovalSize, c.ApprovalRequestedAt, c.ApprovedAt);
}

/// <summary>A line of the campaigns page: the campaign and its messages by what became of them.</summary>
public sealed record CampaignSummary(long Id, string Name, CampaignStatus Status, DateTime CreatedAt, DateTime? LaunchedAt,
    int Recipients, int Waiting, int Sent, int Failed, int NotSent, int Holdout);

public sealed record ExclusionRow(long ClientId, long ContactPersonId, string ContactName, ExclusionReason Reason, string Why);

/// <summary>
/// What a launch would do now: the counts, and the excluded contact persons with the reason (the first 500);
/// <see cref="ApprovalAbove"/> is the owner's approval size (0: none), so a larger campaign says before the launch that it waits for the owner.
/// </summary>
public sealed record CampaignPreview(int AudienceClients, int Recipients, int SendNow, int Postponed, int SkippedByCap, int Holdout,
    int Excluded, IReadOnlyDictionary<ExclusionReason, int> ExcludedByReason, IReadOnlyList<ExclusionRow> ExcludedContacts, int ApprovalAbove = 0)
{
    /// <summary>The messages the launch hands to the sender (now or later): what the approval size is compared with.</summary>
    public int ToSend => SendNow + Postponed;
    public bool NeedsApproval => ApprovalAbove > 0 && ToSend > ApprovalAbove;
}

/// <summary>The owner's answer to a campaign awaiting approval.</summary>
public sealed record CampaignApprovalInput(bool? Approve);

public sealed record CampaignReport(long CampaignId, DateTime? LaunchedAt, int Queued, int Postponed, int Sent, int Failed, int Bounced,
    int SkippedByCap, int Holdout, int OptedOut, string? SkippedWhy, RevenueComparison Revenue, IReadOnlyDictionary<CallResult, int>? Calls = null);

/// <summary>Revenue of the recipients' clients and of the control group's within the window after the launch, per client.</summary>
public sealed record RevenueComparison(int WindowDays, int RecipientClients, decimal RecipientRevenue, decimal RecipientRevenuePerClient,
    int HoldoutClients, decimal HoldoutRevenue, decimal HoldoutRevenuePerClient, decimal UpliftPerClient);

public sealed record MailSettingsInput(string? Host, int? Port, MailTls? Tls, string? UserName, string? Password, string? FromAddress,
    string? FromName, string? PublicUrl, double? MessagesPerSecond);

/// <summary>The settings as shown: the password never, only whether one is stored.</summary>
public sealed record MailSettingsResponse(string Host, int Port, MailTls Tls, string? UserName, bool HasPassword, string FromAddress,
    string? FromName, string PublicUrl, double MessagesPerSecond, long Version);

/// <summary><see cref="DoubleOptInEmail"/> left out is off: a PUT states the whole policy.</summary>
/// <remarks><see cref="LostDealDays"/> left out keeps 30, <see cref="ApprovalAbove"/> left out is 0 (no approval).</remarks>
public sealed record ContactPolicyInput(int? PerWeek, int? PerMonth, int? QuietFromHour, int? QuietUntilHour, bool? DoubleOptInEmail = null,
    int? LostDealDays = null, int? ApprovalAbove = null);

public sealed record ContactPolicyResponse(int PerWeek, int PerMonth, int QuietFromHour, int QuietUntilHour, long Version, bool DoubleOptInEmail,
    int LostDealDays = 30, int ApprovalAbove = 0);

public sealed record TestSendResponse(string To, string Subject);

/// <summary>A campaign message on a client's card.</summary>
public sealed record ClientCampaignMessage(long Id, long? CampaignId, string? CampaignName, long ContactPersonId, OutboxStatus Status, DateTime NotBefore, DateTime? SentAt);
