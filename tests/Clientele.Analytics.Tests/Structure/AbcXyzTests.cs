using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class AbcXyzTests
{
    [Fact]
    public void Abc_by_share_reached_before_each_client_with_losses_in_c()
    {
        // 50 (0% before) A, 30 (50%) A, 10 (80%) B, 6 (90%) B, 4 (96%) C; the loss-maker is C.
        Assert.Equal([AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C],
            AbcXyz.Abc([50m, 30m, 10m, 6m, 4m, -5m]));
    }

    [Fact]
    public void Owner_thresholds_move_the_classes()
    {
        Assert.Equal([AbcClass.A, AbcClass.B, AbcClass.C, AbcClass.C],
            AbcXyz.Abc([50m, 30m, 10m, 10m], new AbcXyzThresholds(A: 0.5, B: 0.8)));
    }

    [Fact]
    public void A_larger_contribution_never_gets_a_worse_class()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 500).Select(_ => (decimal)Math.Round(random.NextDouble() * 2000 - 300, 2)).ToArray();
        var classes = AbcXyz.Abc(values);
        var byValue = values.Select((v, i) => (v, c: classes[i])).OrderByDescending(x => x.v).ToArray();
        for (var k = 1; k < byValue.Length; k++) Assert.True(byValue[k].c >= byValue[k - 1].c);
        var positive = values.Where(v => v > 0).Sum();
        var shareOfA = values.Where((v, i) => classes[i] == AbcClass.A).Sum() / positive;
        Assert.InRange((double)shareOfA, 0.80, 0.80 + (double)(values.Max() / positive));
    }

    [Theory]
    // Hand-computed: mean 100; deviations 0, 20, −20 → σ = √(800/3) = 16.33 → CV 0.163 (Y).
    [InlineData(new double[] { 100, 120, 80 }, 0.16329931618554522, XyzClass.Y)]
    [InlineData(new double[] { 100, 100, 100 }, 0.0, XyzClass.X)]
    [InlineData(new double[] { 100, 105, 95, 100 }, 0.035355339059327376, XyzClass.X)]
    // A month with no purchase counts as zero: 0, 0, 300 → σ = √20000 = 141.4 → CV 1.414 (Z).
    [InlineData(new double[] { 0, 0, 300 }, 1.4142135623730951, XyzClass.Z)]
    public void Xyz_by_coefficient_of_variation_of_monthly_revenue(double[] months, double cv, XyzClass expected)
    {
        var actual = AbcXyz.CoefficientOfVariation(months.Select(m => (decimal)m).ToArray());
        Assert.Equal(cv, actual!.Value, 12);
        Assert.Equal(expected, AbcXyz.Xyz(actual));
    }

    [Fact]
    public void No_revenue_is_z()
    {
        Assert.Null(AbcXyz.CoefficientOfVariation([0m, 0m]));
        Assert.Equal(XyzClass.Z, AbcXyz.Xyz(null));
    }
}
