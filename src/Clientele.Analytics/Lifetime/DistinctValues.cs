namespace Clientele.Analytics.Lifetime;

/// <summary>Numbers each distinct value in order of first appearance, so per-value work is done once per value.</summary>
internal sealed class DistinctValues
{
    private readonly Dictionary<double, int> indexes = [];
    private readonly List<double> values = [];

    public int IndexOf(double value)
    {
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
