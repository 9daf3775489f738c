namespace Clientele.Analytics.Structure;

public enum AbcClass { A, B, C }

public enum XyzClass { X, Y, Z }

/// <summary>Cut-offs of the ABC (cumulative share of contribution) and XYZ (coefficient of variation) classes.</summary>
public sealed record AbcXyzThresholds(double A = 0.80, double B = 0.95, double X = 0.10, double Y = 0.25)
{
    public static readonly AbcXyzThresholds Default = new();
}

public static class AbcXyz
{
    /// <summary>
    /// ABC by contribution: clients sorted largest first; a client is A while the share reached before it is below
    /// <see cref="AbcXyzThresholds.A"/> (so the client that crosses 80% is still A), B below <see cref="AbcXyzThresholds.B"/>,
    /// else C. A client that brings nothing or a loss is C whatever its rank.
    /// </summary>
    public static AbcClass[] Abc(ReadOnlySpan<decimal> contribution, AbcXyzThresholds? thresholds = null)
    {
        var t = thresholds ?? AbcXyzThresholds.Default;
        var values = contribution.ToArray();
        var classes = new AbcClass[values.Length];
        Array.Fill(classes, AbcClass.C);
        var positive = values.Where(v => v > 0).Sum();
        if (positive <= 0) return classes;
        var order = Enumerable.Range(0, values.Length).Where(i => values[i] > 0).ToArray();
        Array.Sort(order, (a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        decimal before = 0;
        foreach (var i in order)
        {
            var share = (double)(before / positive);
            classes[i] = share < t.A ? AbcClass.A : share < t.B ? AbcClass.B : AbcClass.C;
            before += values[i];
        }
        return classes;
    }

    /// <summary>
    /// Coefficient of variation (population standard deviation / mean) of one client's monthly revenue, months with
    /// no purchase counted as zero; null when the mean is zero (nothing to be stable about).
    /// </summary>
    public static double? CoefficientOfVariation(ReadOnlySpan<decimal> monthlyRevenue)
    {
        if (monthlyRevenue.IsEmpty) return null;
        double sum = 0;
        foreach (var v in monthlyRevenue) sum += (double)v;
        var mean = sum / monthlyRevenue.Length;
        if (mean == 0) return null;
        double squares = 0;
        foreach (var v in monthlyRevenue) squares += ((double)v - mean) * ((double)v - mean);
        return Math.Sqrt(squares / monthlyRevenue.Length) / Math.Abs(mean);
    }

    /// <summary>X when the coefficient of variation is at most 10%, Y at most 25%, Z above or when there is no revenue.</summary>
    public static XyzClass Xyz(double? coefficientOfVariation, AbcXyzThresholds? thresholds = null)
    {
        var t = thresholds ?? AbcXyzThresholds.Default;
        return coefficientOfVariation switch
        {
            null => XyzClass.Z,
            var cv when cv <= t.X => XyzClass.X,
            var cv when cv <= t.Y => XyzClass.Y,
            _ => XyzClass.Z,
        };
    }
}
