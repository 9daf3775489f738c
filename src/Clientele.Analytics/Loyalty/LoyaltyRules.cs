namespace Clientele.Analytics.Loyalty;

/// <summary>
/// The owner-adjustable thresholds of the loyalty ladder. The defaults follow the ladder of the seeds: three purchases
/// make a regular, a 9 or 10 of 10 makes a promoter (the NPS convention), and a client is judged lost when it has been
/// silent for three of its own usual intervals and at least a quarter of a year.
/// </summary>
/// <param name="RegularPurchases">Purchase days (distinct days) that make a client regular; at least 2. Default 3.</param>
/// <param name="PromoterScore">A satisfaction or recommendation score (0–10) on an interaction at or above this is
/// evidence of advocacy. Default 9.</param>
/// <param name="LapseFactor">A client is judged lost when the days since its last purchase exceed its usual interval
/// (the median of the days between its purchase days; the base's median for a client with one purchase) times this
/// factor... Default 3.</param>
/// <param name="MinimumLapseDays">...and also exceed this many days, so a client who buys weekly is not lost after
/// three silent weeks. Default 90.</param>
/// <param name="TrendWindowDays">The monthly conversion trend counts a client who reached step k in a month as
/// converted when it reached step k + 1 within this many days (and by the as-of date). Default 90.</param>
public sealed record LoyaltyRules(
    int RegularPurchases = 3,
    int PromoterScore = 9,
    double LapseFactor = 3,
    int MinimumLapseDays = 90,
    int TrendWindowDays = 90)
{
    public static readonly LoyaltyRules Default = new();

    /// <summary>What is wrong with the thresholds, by field name (camelCase, as the API names them); empty when they are fine.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (RegularPurchases is < 2 or > 100) problems.Add(("regularPurchases", "must be between 2 and 100."));
        if (PromoterScore is < 0 or > 10) problems.Add(("promoterScore", "must be between 0 and 10."));
        if (!(LapseFactor >= 1 && LapseFactor <= 20)) problems.Add(("lapseFactor", "must be between 1 and 20."));
        if (MinimumLapseDays is < 1 or > 3650) problems.Add(("minimumLapseDays", "must be between 1 and 3650."));
        if (TrendWindowDays is < 1 or > 3650) problems.Add(("trendWindowDays", "must be between 1 and 3650."));
        return problems;
    }
}
