namespace Clientele.Analytics.Structure;

/// <summary>How concentrated a value (revenue or contribution) is over the clients, largest first.</summary>
/// <param name="Order">Client indexes, largest value first (ties by index, so the result is deterministic).</param>
/// <param name="CumulativeShare">Share of the total reached by the first k+1 clients of <see cref="Order"/>;
/// with loss-making clients it rises above 1 before falling back to 1 (the "whale curve").</param>
/// <param name="ShareOfClientsFor80">Share of clients whose values first reach 80% of the total; null when the total is not positive.</param>
/// <param name="TopShares">Share of the total from the top 5%, 10% and 20% of clients (at least one client each).</param>
public sealed record ParetoResult(int[] Order, double[] CumulativeShare, double? ShareOfClientsFor80, (double Top5, double Top10, double Top20) TopShares);

public static class Pareto
{
    public static ParetoResult Compute(ReadOnlySpan<decimal> values)
    {
        var n = values.Length;
        var copy = values.ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => copy[b] != copy[a] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
        var total = copy.Sum();
        var cumulative = new double[n];
        decimal running = 0;
        int? reach80 = null;
        for (var k = 0; k < n; k++)
        {
            running += copy[order[k]];
            cumulative[k] = total == 0 ? 0 : (double)(running / total);
            if (reach80 is null && total > 0 && running >= 0.8m * total) reach80 = k + 1;
        }
        return new ParetoResult(order, cumulative,
            reach80 is { } count ? (double)count / n : null,
            (Top(0.05), Top(0.10), Top(0.20)));

        double Top(double share)
        {
            if (n == 0 || total == 0) return 0;
            var count = Math.Max(1, (int)Math.Ceiling(share * n));
            return cumulative[count - 1];
        }
    }
}
