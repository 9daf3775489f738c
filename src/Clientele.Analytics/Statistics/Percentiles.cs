namespace Clientele.Analytics.Statistics;

/// <summary>Order statistics of a sample, as benchmarks and reports use them (p50, p95, p99).</summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="p"/>-th percentile (0–100) by linear interpolation between closest ranks
    /// (the "R-7" definition spreadsheets use), so the figures match what a user computes in Excel.
    /// </summary>
    public static double Of(ReadOnlySpan<double> sample, double p)
    {
        if (sample.IsEmpty) throw new ArgumentException("The sample is empty.", nameof(sample));
        if (p is < 0 or > 100 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile lies between 0 and 100.");
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var rank = p / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>Several percentiles of one sample, sorting it once.</summary>
    public static double[] Of(ReadOnlySpan<double> sample, params ReadOnlySpan<double> ps)
    {
        if (sample.IsEmpty) throw new ArgumentException("The sample is empty.", nameof(sample));
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var result = new double[ps.Length];
        for (var i = 0; i < ps.Length; i++) result[i] = Of(sorted, ps[i]);
        return result;
    }
}
