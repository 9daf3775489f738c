using System.Linq.Expressions;

namespace Clientele.Features.Privacy;

/// <summary>
/// "May we contact this client?" as EF-translatable queries over <see cref="PersonalDataConsent"/>, for masking and
/// for campaigns. A (subject, channel, purpose) is consented when its latest record (highest id) is not withdrawn.
/// </summary>
public static class ConsentQueries
{
    /// <summary>The records that are the current state of their (subject, channel, purpose): no later record exists.</summary>
    public static IQueryable<PersonalDataConsent> Current(IQueryable<PersonalDataConsent> consents) =>
        consents.Where(c => !consents.Any(later => later.ClientId == c.ClientId && later.ContactPersonId == c.ContactPersonId
            && later.Channel == c.Channel && later.Purpose == c.Purpose && later.Id > c.Id));

    /// <summary>The current records that grant consent.</summary>
    public static IQueryable<PersonalDataConsent> Granted(IQueryable<PersonalDataConsent> consents) =>
        Current(consents).Where(c => c.WithdrawnAt == null);

    /// <summary>
    /// The current e-mail marketing consents campaigns may use: with <paramref name="confirmedOnly"/> (the contact
    /// policy's double opt-in) only those the person confirmed through a confirmation link.
    /// </summary>
    public static IQueryable<PersonalDataConsent> EmailMarketing(IQueryable<PersonalDataConsent> consents, bool confirmedOnly) =>
        Granted(consents).Where(c => c.Channel == ContactChannel.Email && c.Purpose == ConsentPurpose.Marketing
            && (!confirmedOnly || c.Source == ConsentSource.ConfirmationLink));

    /// <summary>
    /// A predicate on a client id: true when the client itself or one of its contact persons currently consents to be
    /// contacted for <paramref name="purpose"/> (through <paramref name="channel"/>, or any channel when null).
    /// Compose it into a query filter or a projection; for a plain <c>Where</c> over clients
    /// <see cref="ClientsWithContactConsent"/> is simpler.
    /// </summary>
    public static Expression<Func<long, bool>> HasContactConsent(IQueryable<PersonalDataConsent> consents,
        ConsentPurpose purpose = ConsentPurpose.Marketing, ContactChannel? channel = null) =>
        clientId => consents.Any(c => c.ClientId == clientId && c.Purpose == purpose && (channel == null || c.Channel == channel)
            && c.WithdrawnAt == null
            && !consents.Any(later => later.ClientId == c.ClientId && later.ContactPersonId == c.ContactPersonId
                && later.Channel == c.Channel && later.Purpose == c.Purpose && later.Id > c.Id));

    /// <summary>The ids of clients who may be contacted for <paramref name="purpose"/>, for <c>Where(c => ids.Contains(c.Id))</c>.</summary>
    public static IQueryable<long> ClientsWithContactConsent(IQueryable<PersonalDataConsent> consents,
        ConsentPurpose purpose = ConsentPurpose.Marketing, ContactChannel? channel = null) =>
        Granted(consents).Where(c => c.Purpose == purpose && (channel == null || c.Channel == channel)).Select(c => c.ClientId).Distinct();
}
