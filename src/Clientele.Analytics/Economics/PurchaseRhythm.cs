namespace Clientele.Analytics.Economics;

public static class PurchaseRhythm
{
    /// <summary>Mean days between consecutive purchases: (last − first) / (count − 1); null with fewer than two purchases.</summary>
    public static double? AverageIntervalDays(DateOnly first, DateOnly last, int purchaseCount)
    {
        if (last < first) throw new ArgumentException("The last purchase cannot precede the first.", nameof(last));
        return purchaseCount < 2 ? null : (double)(last.DayNumber - first.DayNumber) / (purchaseCount - 1);
    }

    /// <summary>
    /// How many of its usual intervals the client has been silent since the last purchase on <paramref name="asOf"/>:
    /// above 1 the client is later than its own rhythm, a sign to call before it is lost. Null without a rhythm
    /// (fewer than two purchases, or all on one day).
    /// </summary>
    public static double? IntervalsSinceLast(DateOnly last, double? averageIntervalDays, DateOnly asOf) =>
        averageIntervalDays is { } interval && interval > 0 ? (asOf.DayNumber - last.DayNumber) / interval : null;
}
