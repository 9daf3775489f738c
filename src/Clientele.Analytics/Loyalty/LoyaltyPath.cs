namespace Clientele.Analytics.Loyalty;

/// <summary>
/// A client's path on the loyalty ladder from its facts. The stage on a day d follows from the facts dated on or
/// before d alone:
/// <list type="number">
/// <item><b>Lost</b> when a manager marked the client lost on or before d and it has not bought since the mark (a
/// purchase on a later day brings it back); the same for the model's "lost from" day; or when it has bought and the
/// days from its last purchase to d exceed its lapse: max(<see cref="LoyaltyRules.MinimumLapseDays"/>,
/// <see cref="LoyaltyRules.LapseFactor"/> × its usual interval), the usual interval being the median of the days
/// between its purchase days so far, or the base's median interval while it has bought on one day only.</item>
/// <item>Otherwise by purchase days n: n ≥ <see cref="LoyaltyRules.RegularPurchases"/> → <b>Regular</b>, or
/// <b>Advocate</b> when there is evidence of advocacy dated on or before d (a referred client created, a score of
/// at least <see cref="LoyaltyRules.PromoterScore"/>, the manager's mark); n = 2 → <b>Repeat</b>; n = 1 →
/// <b>First purchase</b>; n = 0 → <b>Aware</b> when contacted, else <b>Prospect</b>.</item>
/// </list>
/// The stage can change only on a day some fact is dated or a lapse runs out, so the path evaluates the rule on those
/// days alone and keeps each day whose stage differs from the one before.
/// </summary>
public static class LoyaltyPath
{
    /// <param name="baseMedianIntervalDays">The base's median days between purchase days (see <see cref="MedianInterval"/>);
    /// null when nobody has bought twice, and then one-purchase clients lapse after the minimum alone.</param>
    /// <param name="until">The last day to follow the path to (today): later facts and lapses are left out.</param>
    public static IReadOnlyList<StageChange> Compute(LoyaltyFacts facts, LoyaltyRules rules, double? baseMedianIntervalDays, DateOnly until)
    {
        var purchases = facts.Purchases.Where(d => d <= until).Distinct().Order().ToArray();
        var lapses = Lapses(purchases, rules, baseMedianIntervalDays);
        var contacted = Earliest(facts.Contacts.Where(d => d <= until));
        var advocacy = Earliest(facts.Referrals
            .Concat(facts.Scores.Where(s => s.Score >= rules.PromoterScore).Select(s => s.Date))
            .Concat(facts.MarkedAdvocateOn is { } marked ? [marked] : [])
            .Where(d => d <= until));
        var markedLost = facts.MarkedLostOn is { } l && l <= until ? l : (DateOnly?)null;
        var modelLost = facts.ModelLostFrom is { } m && m <= until ? m : (DateOnly?)null;

        // The client is in the base from its creation, or from an older fact when its history was brought in later.
        var start = new[] { (DateOnly?)facts.Created, contacted, purchases.Length > 0 ? purchases[0] : null, markedLost }
            .Where(d => d is not null).Min()!.Value;
        if (start > until) return [];

        var days = new SortedSet<DateOnly> { start };
        void Add(DateOnly? day)
        {
            if (day is { } d && d >= start && d <= until) days.Add(d);
        }
        Add(contacted);
        Add(advocacy);
        Add(markedLost);
        Add(modelLost);
        for (var i = 0; i < purchases.Length; i++)
        {
            Add(purchases[i]);
            // The first day the lapse is exceeded, if no purchase comes before it.
            var lapsedOn = purchases[i].AddDays((int)Math.Min(Math.Floor(lapses[i]), 36_500) + 1);
            if (i + 1 == purchases.Length || purchases[i + 1] > lapsedOn) Add(lapsedOn);
        }

        var path = new List<StageChange>();
        foreach (var day in days)
        {
            var stage = StageOn(day, purchases, lapses, contacted, advocacy, markedLost, modelLost, rules);
            var previous = path.Count == 0 ? (LoyaltyStage?)null : path[^1].Stage;
            if (stage != previous) path.Add(new StageChange(day, stage, previous));
        }
        return path;
    }

    private static LoyaltyStage StageOn(DateOnly day, DateOnly[] purchases, double[] lapses, DateOnly? contacted, DateOnly? advocacy,
        DateOnly? markedLost, DateOnly? modelLost, LoyaltyRules rules)
    {
        var bought = CountOnOrBefore(purchases, day);
        DateOnly? last = bought > 0 ? purchases[bought - 1] : null;
        if (last is { } lastDay && day.DayNumber - lastDay.DayNumber > lapses[bought - 1]) return LoyaltyStage.Lost;
        if (IsMarked(markedLost, last, day) || IsMarked(modelLost, last, day)) return LoyaltyStage.Lost;
        if (bought >= rules.RegularPurchases) return advocacy <= day ? LoyaltyStage.Advocate : LoyaltyStage.Regular;
        if (bought >= 2) return LoyaltyStage.Repeat;
        if (bought == 1) return LoyaltyStage.FirstPurchase;
        return contacted <= day ? LoyaltyStage.Aware : LoyaltyStage.Prospect;
    }

    /// <summary>A mark holds from its day on until a purchase on a later day.</summary>
    private static bool IsMarked(DateOnly? mark, DateOnly? lastPurchase, DateOnly day) =>
        mark is { } m && m <= day && (lastPurchase is not { } last || last <= m);

    /// <summary>The lapse, in days, after each purchase day while it is the last one: from the intervals up to it.</summary>
    private static double[] Lapses(DateOnly[] purchases, LoyaltyRules rules, double? baseMedian)
    {
        var lapses = new double[purchases.Length];
        var intervals = new List<int>(purchases.Length);
        for (var i = 0; i < purchases.Length; i++)
        {
            if (i > 0)
            {
                var gap = purchases[i].DayNumber - purchases[i - 1].DayNumber;
                var at = intervals.BinarySearch(gap);
                intervals.Insert(at < 0 ? ~at : at, gap);
            }
            double? usual = intervals.Count > 0 ? MedianOfSorted(intervals) : baseMedian;
            lapses[i] = Math.Max(rules.MinimumLapseDays, rules.LapseFactor * (usual ?? 0));
        }
        return lapses;
    }

    /// <summary>The median of the days between consecutive purchase days, over all clients' intervals; null when there are none.</summary>
    /// <param name="purchaseDaysByClient">Each client's purchase days, any order, duplicates allowed.</param>
    public static double? MedianInterval(IEnumerable<IEnumerable<DateOnly>> purchaseDaysByClient)
    {
        var intervals = new List<int>();
        foreach (var client in purchaseDaysByClient)
        {
            var days = client.Distinct().Order().ToArray();
            for (var i = 1; i < days.Length; i++) intervals.Add(days[i].DayNumber - days[i - 1].DayNumber);
        }
        if (intervals.Count == 0) return null;
        intervals.Sort();
        return MedianOfSorted(intervals);
    }

    private static double MedianOfSorted(List<int> sorted)
    {
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static int CountOnOrBefore(DateOnly[] sorted, DateOnly day)
    {
        var at = Array.BinarySearch(sorted, day);
        return at >= 0 ? at + 1 : ~at;
    }

    private static DateOnly? Earliest(IEnumerable<DateOnly> days)
    {
        DateOnly? earliest = null;
        foreach (var day in days)
            if (earliest is null || day < earliest) earliest = day;
        return earliest;
    }
}
