using Clientele.Analytics.Statistics;

namespace Clientele.Analytics.Tests.Statistics;

public sealed class PercentilesTests
{
    [Theory]
    // Hand-computed with the R-7 rule: rank = p/100 × (n − 1), interpolated between neighbours.
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 50, 35)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 40, 29)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 95, 48)]
    [InlineData(new double[] { 3, 1, 2 }, 0, 1)]
    [InlineData(new double[] { 3, 1, 2 }, 100, 3)]
    [InlineData(new double[] { 7 }, 95, 7)]
    public void Percentile_matches_the_spreadsheet_definition(double[] sample, double p, double expected) =>
        Assert.Equal(expected, Percentiles.Of(sample, p), 10);

    [Fact]
    public void Percentiles_never_decrease_with_p_and_stay_within_the_sample()
    {
        var random = new Random(5);
        var sample = Enumerable.Range(0, 1_000).Select(_ => random.NextDouble() * 100).ToArray();
        var ps = Enumerable.Range(0, 101).Select(p => (double)p).ToArray();
        var values = Percentiles.Of(sample, ps);
        for (var i = 1; i < values.Length; i++) Assert.True(values[i] >= values[i - 1]);
        Assert.Equal(sample.Min(), values[0]);
        Assert.Equal(sample.Max(), values[^1]);
    }

    [Fact]
    public void Empty_sample_or_out_of_range_p_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1.0, 2.0], 101));
    }
}
