using System.Runtime.InteropServices;

namespace Clientele.Analytics.Lifetime;

/// <summary>
/// Counts clients per distinct (x, t_x, T). Summaries built from dates hold whole periods, and then the three numbers
/// pack into one 64-bit key, which hashes several times faster than a tuple of doubles; other data take the tuple path.
/// </summary>
internal sealed class RowCounter
{
    private const int Bits = 21;
    private const long Limit = 1L << Bits;

    private readonly Dictionary<long, int>? packed;
    private readonly Dictionary<(double X, double Recency, double T), int>? general;

    public RowCounter(ReadOnlySpan<LifetimeSummary> clients)
    {
        var whole = true;
        foreach (var client in clients)
            whole &= IsSmallWhole(client.Frequency) && IsSmallWhole(client.Recency) && IsSmallWhole(client.T);
        if (whole)
            packed = [];
        else
            general = new(clients.Length);
    }

    /// <summary>
    /// Whole-period data always compress well; otherwise a probe of the first clients says whether enough of them share
    /// their (x, t_x, T) to pay for hashing them all.
    /// </summary>
    public static bool WorthCompressing(ReadOnlySpan<LifetimeSummary> clients)
    {
        var probe = clients[..Math.Min(clients.Length, 20_000)];
        var whole = true;
        var distinct = new HashSet<(double, double, double)>();
        foreach (var client in probe)
        {
            whole &= IsSmallWhole(client.Frequency) && IsSmallWhole(client.Recency) && IsSmallWhole(client.T);
            distinct.Add((client.Frequency, client.Recency, client.T));
        }
        return whole || distinct.Count <= probe.Length / 2;
    }

    public int Count => packed?.Count ?? general!.Count;

    public void Add(double x, double recency, double t)
    {
        if (packed is not null)
            CollectionsMarshal.GetValueRefOrAddDefault(packed, ((long)x << (2 * Bits)) | ((long)recency << Bits) | (long)t, out _)++;
        else
            CollectionsMarshal.GetValueRefOrAddDefault(general!, (x, recency, t), out _)++;
    }

    public IEnumerable<(double X, double Recency, double T, int Count)> Rows()
    {
        if (packed is not null)
        {
            foreach (var (key, count) in packed)
                yield return (key >> (2 * Bits), (key >> Bits) & (Limit - 1), key & (Limit - 1), count);
        }
        else
        {
            foreach (var ((x, recency, t), count) in general!)
                yield return (x, recency, t, count);
        }
    }

    private static bool IsSmallWhole(double value) => value >= 0 && value < Limit && value == Math.Floor(value);
}
