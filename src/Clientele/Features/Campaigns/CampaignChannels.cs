using Clientele.Features.Contacts;
using Clientele.Features.Privacy;

namespace Clientele.Features.Campaigns;

/// <summary>How a campaign reaches its recipients: an e-mail, an SMS through the gateway, or a call by the client's manager.</summary>
public enum CampaignChannel { Email = 0, Sms = 1, Call = 2 }

/// <summary>What came of a call of a call-list campaign.</summary>
public enum CallResult { Reached = 0, NoAnswer = 1, CallBack = 2, NotInterested = 3 }

/// <summary>
/// What differs between the channels where the planner, the sender and the unsubscribe page meet: which consent
/// counts, which address a contact person is reached at, and how an exclusion is worded. The consents are those of
/// Features/Privacy, per channel: an SMS campaign needs an SMS marketing consent, a call list a phone one.
/// </summary>
public static class CampaignChannels
{
    /// <summary>The consent channel a campaign's messages need.</summary>
    public static ContactChannel ConsentOf(CampaignChannel channel) => channel switch
    {
        CampaignChannel.Sms => ContactChannel.Sms,
        CampaignChannel.Call => ContactChannel.Phone,
        _ => ContactChannel.Email,
    };

    /// <summary>The same on the contact person's own per-channel list.</summary>
    public static ConsentChannel PersonalOf(CampaignChannel channel) => channel switch
    {
        CampaignChannel.Sms => ConsentChannel.Sms,
        CampaignChannel.Call => ConsentChannel.Phone,
        _ => ConsentChannel.Email,
    };

    /// <summary>The current marketing consents for the channel (for e-mail, the double opt-in rule of the policy).</summary>
    public static IQueryable<PersonalDataConsent> Consented(CampaignChannel channel, IQueryable<PersonalDataConsent> consents, bool confirmedOnlyEmail)
    {
        if (channel == CampaignChannel.Email) return ConsentQueries.EmailMarketing(consents, confirmedOnlyEmail);
        var wanted = ConsentOf(channel);
        return ConsentQueries.Granted(consents).Where(c => c.Channel == wanted && c.Purpose == ConsentPurpose.Marketing);
    }

    /// <summary>The first e-mail address, or the first phone number for SMS and calls.</summary>
    public static string? AddressOf(CampaignChannel channel, IReadOnlyList<string> emails, IReadOnlyList<string> phones) =>
        channel == CampaignChannel.Email ? emails.FirstOrDefault() : phones.FirstOrDefault();

    /// <summary>
    /// Why a contact person gets nothing: one line per reason, worded for the channel where the channel makes a difference
    /// (a consent, an address, a refusal are the channel's own); the contact policy's reasons read the same on every channel.
    /// </summary>
    public static Message Why(ExclusionReason reason, CampaignChannel channel) => reason switch
    {
        ExclusionReason.NoConsent => channel switch
        {
            CampaignChannel.Sms => Message.Of<ChannelText>("no current consent to marketing SMS"),
            CampaignChannel.Call => Message.Of<ChannelText>("no current consent to marketing calls"),
            _ => Message.Of<CampaignText>("no current consent to marketing e-mail"),
        },
        ExclusionReason.NoAddress => channel == CampaignChannel.Email ? Message.Of<CampaignText>("no e-mail address") : Message.Of<ChannelText>("no phone number"),
        ExclusionReason.Bounced => channel == CampaignChannel.Email ? Message.Of<CampaignText>("the address bounced") : Message.Of<ChannelText>("the number was refused for good"),
        ExclusionReason.OpenComplaint => Message.Of<CampaignText>("an open complaint: an unhappy answer nobody has called about yet"),
        ExclusionReason.RecentLostDeal => Message.Of<CampaignText>("a deal with the client was lost recently"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "an exclusion reason without words"),
    };

    /// <summary>The parts of a template the channel uses: all three for e-mail, the plain text (the SMS, the talking points) otherwise.</summary>
    public static bool UsesPart(CampaignChannel channel, string part) => channel == CampaignChannel.Email || part == "text";
}
