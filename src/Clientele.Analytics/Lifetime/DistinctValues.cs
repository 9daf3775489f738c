namespace Clientele.Analytics.Lifetime;

/// <summary>
/// Numbers each distinct value in order of first appearance, so per-value work is done once per value. Small whole
/// numbers (ages in days or weeks) are looked up in an array instead of hashed.
/// </summary>
internal sealed class DistinctValues
{
    private const int SmallLimit = 1 << 21;

    private readonly Dictionary<double, int> indexes = [];
    private readonly List<double> values = [];
    private int[] small = [];

    public int IndexOf(double value)
    {
        if (value >= 0 && value < SmallLimit && value == Math.Floor(value))
        {
            var whole = (int)value;
            if (whole >= small.Length)
            {
                var grown = new int[Math.Min(SmallLimit, Math.Max(1024, Math.Max(whole + 1, small.Length * 2)))];
                Array.Fill(grown, -1);
                small.CopyTo(grown, 0);
                small = grown;
            }
            if (small[whole] < 0)
            {
                small[whole] = values.Count;
                values.Add(value);
            }
            return small[whole];
        }
        if (!indexes.TryGetValue(value, out var index))
        {
            index = values.Count;
            indexes.Add(value, index);
            values.Add(value);
        }
        return index;
    }

    public double[] ToArray() => [.. values];
}
