namespace Clientele.Features.Lifetime;

/// <summary>The at-risk judgement and the advice that goes with it: plain rules, kept apart so they read as a table.</summary>
public static class ChurnRules
{
    /// <summary>
    /// At risk when the model says the client is probably gone (P(alive) below the threshold), or when the client is
    /// silent for longer than its own usual interval times the factor. Either alone is enough: the model misses a
    /// client with a very regular rhythm that stops, the interval misses a client with one purchase. The interval rule
    /// also waits for <paramref name="minSilenceDays"/>: a client who buys twice a week is not slipping away after eight
    /// quiet days — at that rate such gaps are ordinary chance, and they would crowd the top of the list with whales.
    /// </summary>
    public static RiskReason Judge(double? aliveProbability, double? usualIntervalDays, int daysSinceLast, double aliveThreshold, double intervalFactor,
        int minSilenceDays = 0)
    {
        var reason = RiskReason.None;
        if (aliveProbability is { } alive && alive < aliveThreshold) reason |= RiskReason.LowAliveProbability;
        if (usualIntervalDays is { } interval && interval > 0 && daysSinceLast > interval * intervalFactor && daysSinceLast >= minSilenceDays)
            reason |= RiskReason.OverdueInterval;
        return reason;
    }

    /// <summary>
    /// A key client (A) is worth a personal call whatever the reason. A B client that is only late against its own
    /// rhythm usually needs a nudge: offer a repeat of the usual order; one the model deems gone needs asking what went
    /// wrong (the three questions on satisfaction). The long tail (C) gets a reminder mailing.
    /// </summary>
    public static SuggestedAction Suggest(string abcClass, RiskReason reason) =>
        reason == RiskReason.None ? SuggestedAction.None
        : abcClass switch
        {
            "A" => SuggestedAction.CallPersonally,
            "B" => reason == RiskReason.OverdueInterval ? SuggestedAction.OfferRepeatOrder : SuggestedAction.AskWhy,
            _ => SuggestedAction.SendReminder,
        };

    /// <summary>The first day of the episode: kept while the client stays at risk, today when it starts, none once it ends.</summary>
    public static DateOnly? EpisodeStart(RiskReason reason, DateOnly? previousStart, DateOnly today) =>
        reason == RiskReason.None ? null : previousStart ?? today;
}
