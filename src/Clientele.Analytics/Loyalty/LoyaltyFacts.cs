namespace Clientele.Analytics.Loyalty;

/// <summary>A score (0–10) a client gave on an interaction, with its day.</summary>
public readonly record struct ScoreOn(DateOnly Date, int Score);

/// <summary>
/// What the ladder rules read about one client. Lists need not be sorted or distinct; facts after the day the path is
/// computed to are ignored.
/// </summary>
/// <param name="Created">The day the client entered the base.</param>
/// <param name="Contacts">Days of logged interactions: any touch counts as contacted.</param>
/// <param name="Purchases">Days of purchases; several on one day count once.</param>
/// <param name="Referrals">Creation days of clients this client referred.</param>
/// <param name="Scores">Satisfaction or recommendation scores given on interactions.</param>
/// <param name="MarkedAdvocateOn">The day a manager marked the client an advocate.</param>
/// <param name="MarkedLostOn">The day a manager marked the client lost; a purchase after it brings the client back.</param>
/// <param name="ModelLostFrom">The day a churn model (e.g. BG/NBD) judges the client lost from; a purchase after it
/// brings the client back, like a manager's mark.</param>
public sealed record LoyaltyFacts(
    DateOnly Created,
    IReadOnlyList<DateOnly> Contacts,
    IReadOnlyList<DateOnly> Purchases,
    IReadOnlyList<DateOnly> Referrals,
    IReadOnlyList<ScoreOn> Scores,
    DateOnly? MarkedAdvocateOn = null,
    DateOnly? MarkedLostOn = null,
    DateOnly? ModelLostFrom = null);
