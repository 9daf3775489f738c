namespace Clientele.Analytics.Pivot;

/// <summary>
/// Orders labels as a person expects: runs of digits by their value ("Q2" before "Q10", "9" before "10"), text without
/// regard to case and independent of the machine's culture, so the same data gives the same pivot everywhere.
/// </summary>
public sealed class NaturalOrder : IComparer<string?>, IComparer<string[]>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string[]? x, string[]? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    public int Compare(string? x, string? y)
    {
        x ??= "";
        y ??= "";
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var iEnd = RunEnd(x, i);
            var jEnd = RunEnd(y, j);
            var c = char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j])
                ? CompareNumbers(x.AsSpan(i, iEnd - i), y.AsSpan(j, jEnd - j))
                : x.AsSpan(i, iEnd - i).CompareTo(y.AsSpan(j, jEnd - j), StringComparison.InvariantCultureIgnoreCase);
            if (c != 0) return c;
            i = iEnd;
            j = jEnd;
        }
        var byLength = (x.Length - i).CompareTo(y.Length - j);
        // Equal but for case or leading zeros: fall back to ordinal so the order is total and stable.
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static int RunEnd(string s, int start)
    {
        var digits = char.IsAsciiDigit(s[start]);
        var k = start + 1;
        while (k < s.Length && char.IsAsciiDigit(s[k]) == digits) k++;
        return k;
    }

    // By value without parsing, so runs longer than any integer type still compare correctly.
    private static int CompareNumbers(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }
}
