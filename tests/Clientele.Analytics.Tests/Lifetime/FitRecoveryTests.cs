using Clientele.Analytics.Lifetime;
using Xunit.Abstractions;

namespace Clientele.Analytics.Tests.Lifetime;

public sealed class FitRecoveryTests(ITestOutputHelper output)
{
    private static readonly BgNbdParameters TruePurchases = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters TrueValues = new(6.25, 3.74, 15.44);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Bg_nbd_recovers_known_parameters_from_50000_simulated_clients(int seed)
    {
        var clients = LifetimeSimulation.Summaries(TruePurchases, null, 50_000, 52, 104, new Random(seed));
        var fit = BgNbd.Fit(clients);
        output.WriteLine($"seed {seed}: {fit}");
        var p = fit.Parameters;
        AssertWithin(TruePurchases.R, p.R);
        AssertWithin(TruePurchases.Alpha, p.Alpha);
        AssertWithin(TruePurchases.A, p.A);
        AssertWithin(TruePurchases.B, p.B);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Gamma_gamma_recovers_known_parameters_from_50000_simulated_clients(int seed)
    {
        var clients = LifetimeSimulation.Summaries(TruePurchases, TrueValues, 50_000, 52, 104, new Random(seed));
        var fit = GammaGamma.Fit(clients);
        output.WriteLine($"seed {seed}: {fit}");
        AssertWithin(TrueValues.P, fit.Parameters.P);
        AssertWithin(TrueValues.Q, fit.Parameters.Q);
        AssertWithin(TrueValues.Gamma, fit.Parameters.Gamma);
    }

    private static void AssertWithin(double expected, double actual) =>
        Assert.True(Math.Abs(actual / expected - 1) <= 0.05, $"{actual} is not within 5% of {expected}");
}
