namespace Clientele.Analytics.Structure;

public enum RfmSegment
{
    Champions, Loyal, PotentialLoyalists, New, Promising, NeedAttention, AboutToSleep, AtRisk, CantLose, Hibernating, Lost,
}

/// <summary>One client's recency, frequency and monetary scores (1 worst … 5 best) and segment.</summary>
public readonly record struct RfmScore(int R, int F, int M, RfmSegment Segment);

/// <summary>
/// RFM by quintiles of the base: recency in days since the last purchase (fewer is better), frequency in purchases,
/// monetary in revenue. Equal values always get the same score. Segments from the R × F grid:
/// <code>
///          F=1            F=2–3                F=4          F=5
/// R=5      New            Potential loyalists  Champions    Champions
/// R=4      Promising      Potential loyalists  Loyal        Loyal
/// R=3      About to sleep About to sleep (F2)  Loyal        Loyal
///                         Need attention (F3)
/// R=1–2    Lost (R1 F1)   Hibernating (F2)     At risk      Can't lose
///          Hibernating    At risk (F3)
/// </code>
/// </summary>
public static class Rfm
{
    public static RfmScore[] Score(ReadOnlySpan<int> recencyDays, ReadOnlySpan<int> frequency, ReadOnlySpan<decimal> monetary)
    {
        var n = recencyDays.Length;
        if (frequency.Length != n || monetary.Length != n) throw new ArgumentException("The three columns must have one value per client.");
        var r = Quintiles(recencyDays.ToArray().Select(d => -(double)d).ToArray());
        var f = Quintiles(frequency.ToArray().Select(x => (double)x).ToArray());
        var m = Quintiles(monetary.ToArray().Select(x => (double)x).ToArray());
        var scores = new RfmScore[n];
        for (var i = 0; i < n; i++) scores[i] = new RfmScore(r[i], f[i], m[i], Segment(r[i], f[i]));
        return scores;
    }

    public static RfmSegment Segment(int r, int f) => (r, f) switch
    {
        (5, >= 4) => RfmSegment.Champions,
        (3 or 4, >= 4) => RfmSegment.Loyal,
        (4 or 5, 2 or 3) => RfmSegment.PotentialLoyalists,
        (5, 1) => RfmSegment.New,
        (4, 1) => RfmSegment.Promising,
        (3, 3) => RfmSegment.NeedAttention,
        (3, <= 2) => RfmSegment.AboutToSleep,
        (<= 2, 5) => RfmSegment.CantLose,
        (<= 2, 3 or 4) => RfmSegment.AtRisk,
        (1, 1) => RfmSegment.Lost,
        _ => RfmSegment.Hibernating,
    };

    /// <summary>
    /// Score 1–5 by the value's position in the sorted base: 1 + ⌊5 × (clients with a smaller value) / n⌋, so ties share
    /// a score and the top fifth gets 5.
    /// </summary>
    public static int[] Quintiles(double[] values)
    {
        var n = values.Length;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var scores = new int[n];
        for (var i = 0; i < n; i++)
        {
            var below = LowerBound(sorted, values[i]);
            scores[i] = Math.Min(5, 1 + 5 * below / n);
        }
        return scores;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
