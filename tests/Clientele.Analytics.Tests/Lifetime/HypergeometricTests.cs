using Clientele.Analytics.Lifetime;

namespace Clientele.Analytics.Tests.Lifetime;

public sealed class HypergeometricTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Matches_closed_forms(double z)
    {
        // ₂F₁(1, 1; 2; z) = −ln(1−z)/z and ₂F₁(a, b; b; z) = (1−z)^(−a).
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.Gauss2F1(1, 1, 2, z), 10);
        Assert.Equal(1.0, Hypergeometric.Gauss2F1(2.5, 1.7, 1.7, z) / Math.Pow(1 - z, -2.5), 12);
    }

    [Fact]
    public void Refuses_what_it_cannot_sum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss2F1(1, 1, 2, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss2F1(-1, 1, 2, 0.5));
        Assert.Throws<ArithmeticException>(() => Hypergeometric.Gauss2F1(1, 1, 2, 1 - 1e-9));
    }
}
