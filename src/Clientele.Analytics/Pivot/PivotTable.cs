namespace Clientele.Analytics.Pivot;

/// <summary>Cross-tabulates facts by the chosen row and column dimensions into one measure, with totals.</summary>
public static class PivotTable
{
    public static PivotResult Compute(IReadOnlyList<PivotFact> facts, int[] rowDimensions, int[] columnDimensions, PivotMeasure measure)
    {
        if (!Enum.IsDefined(measure)) throw new ArgumentOutOfRangeException(nameof(measure));
        var rows = new Axis(rowDimensions);
        var columns = new Axis(columnDimensions);
        foreach (var fact in facts)
        {
            rows.Add(fact);
            columns.Add(fact);
        }
        rows.Sort();
        columns.Sort();

        var sums = new Sums(rows.Count, columns.Count, measure == PivotMeasure.Clients);
        foreach (var fact in facts)
            sums.Add(rows.IndexOf(fact), columns.IndexOf(fact), fact.ClientId, Value(fact, measure));
        return sums.ToResult(measure, rowDimensions, columnDimensions, rows.Keys, columns.Keys);
    }

    private static decimal Value(in PivotFact fact, PivotMeasure measure) => measure switch
    {
        PivotMeasure.Revenue => fact.Revenue,
        PivotMeasure.Margin => fact.Margin,
        PivotMeasure.Contribution => fact.Contribution,
        PivotMeasure.Purchases => fact.Purchases,
        _ => 0,
    };

    /// <summary>The distinct key tuples of one axis, first in order of appearance, then sorted.</summary>
    private sealed class Axis(int[] dimensions)
    {
        private readonly Dictionary<string[], int> _index = new(KeyComparer.Instance);
        private readonly string[] _probe = new string[dimensions.Length];

        public string[][] Keys { get; private set; } = dimensions.Length == 0 ? [[]] : [];

        public int Count => Keys.Length;

        public void Add(in PivotFact fact)
        {
            if (dimensions.Length == 0 || _index.ContainsKey(Fill(fact))) return;
            _index.Add((string[])_probe.Clone(), _index.Count);
        }

        public void Sort()
        {
            if (dimensions.Length == 0) return;
            Keys = [.. _index.Keys.Order(NaturalOrder.Instance)];
            for (var i = 0; i < Keys.Length; i++) _index[Keys[i]] = i;
        }

        public int IndexOf(in PivotFact fact) => dimensions.Length == 0 ? 0 : _index[Fill(fact)];

        private string[] Fill(in PivotFact fact)
        {
            for (var d = 0; d < dimensions.Length; d++)
            {
                var at = dimensions[d];
                if ((uint)at >= (uint)fact.Keys.Length)
                    throw new ArgumentOutOfRangeException(nameof(dimensions), $"Dimension {at} does not exist: the fact has {fact.Keys.Length} keys.");
                _probe[d] = fact.Keys[at] ?? "";
            }
            return _probe;
        }
    }

    private sealed class KeyComparer : IEqualityComparer<string[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] key)
        {
            var hash = new HashCode();
            foreach (var part in key) hash.Add(part, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}
