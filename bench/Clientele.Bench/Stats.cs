namespace Clientele.Bench;

/// <summary>Latency percentiles of one series, in milliseconds.</summary>
public sealed record Summary(int N, double P50, double P95, double P99, double Mean, double Max)
{
    public static Summary? Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) return null;
        var sorted = samples.Order().ToArray();
        return new Summary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Average(), sorted[^1]);
    }

    /// <summary>Linear interpolation between the closest ranks (the "R-7" definition spreadsheets use).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var rank = p / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
