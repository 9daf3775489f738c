using Clientele.Analytics.Lifetime;

namespace Clientele.Analytics.Tests.Lifetime;

public sealed class FitPropertyTests
{
    private static readonly BgNbdParameters TruePurchases = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters TrueValues = new(6.25, 3.74, 15.44);

    [Fact]
    public void Bg_nbd_log_likelihood_at_the_fit_is_the_clientwise_sum_and_beats_every_nearby_point()
    {
        // Whole weeks, as a transaction log gives them: many clients share (x, t_x, T).
        var clients = LifetimeSimulation.Summaries(TruePurchases, null, 5_000, 30, 80, new Random(11), periodLength: 1);
        var fit = BgNbd.Fit(clients);
        Assert.True(fit.DistinctRows < clients.Length / 2, $"{fit.DistinctRows} distinct rows of {clients.Length}");
        Assert.Equal(clients.Length, fit.Clients);

        var atFit = BgNbd.LogLikelihood(fit.Parameters, clients);
        Assert.Equal(atFit, fit.LogLikelihood, 6);
        var p = fit.Parameters;
        foreach (var factor in new[] { 0.99, 1.01 })
        {
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { R = p.R * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { Alpha = p.Alpha * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { A = p.A * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { B = p.B * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(new BgNbdParameters(p.R * factor, p.Alpha * factor, p.A / factor, p.B * factor), clients));
        }
    }

    [Fact]
    public void Gamma_gamma_log_likelihood_at_the_fit_is_the_clientwise_sum_and_beats_every_nearby_point()
    {
        var clients = LifetimeSimulation.Summaries(TruePurchases, TrueValues, 5_000, 30, 80, new Random(12));
        var fit = GammaGamma.Fit(clients);
        var atFit = GammaGamma.LogLikelihood(fit.Parameters, clients);
        Assert.Equal(atFit, fit.LogLikelihood, 6);
        Assert.Equal(clients.Count(c => c.Frequency > 0), fit.Clients);
        var p = fit.Parameters;
        foreach (var factor in new[] { 0.99, 1.01 })
        {
            Assert.True(atFit >= GammaGamma.LogLikelihood(p with { P = p.P * factor }, clients));
            Assert.True(atFit >= GammaGamma.LogLikelihood(p with { Q = p.Q * factor }, clients));
            Assert.True(atFit >= GammaGamma.LogLikelihood(p with { Gamma = p.Gamma * factor }, clients));
        }
    }

    [Fact]
    public void A_fit_on_many_clients_started_from_a_sample_still_ends_at_the_full_datas_optimum()
    {
        // Over 100,000 (repeat) clients both fits first solve a sample, then finish on all the data.
        var clients = LifetimeSimulation.Summaries(TruePurchases, TrueValues, 260_000, 30, 80, new Random(15), periodLength: 1);
        var purchases = BgNbd.Fit(clients);
        var values = GammaGamma.Fit(clients);
        Assert.True(values.Clients > 100_000, $"{values.Clients} repeat clients");
        var p = purchases.Parameters;
        var g = values.Parameters;
        var atFit = BgNbd.LogLikelihood(p, clients);
        var valuesAtFit = GammaGamma.LogLikelihood(g, clients);
        foreach (var factor in new[] { 0.999, 1.001 })
        {
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { R = p.R * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { Alpha = p.Alpha * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { A = p.A * factor }, clients));
            Assert.True(atFit >= BgNbd.LogLikelihood(p with { B = p.B * factor }, clients));
            Assert.True(valuesAtFit >= GammaGamma.LogLikelihood(g with { P = g.P * factor }, clients));
            Assert.True(valuesAtFit >= GammaGamma.LogLikelihood(g with { Q = g.Q * factor }, clients));
            Assert.True(valuesAtFit >= GammaGamma.LogLikelihood(g with { Gamma = g.Gamma * factor }, clients));
        }
    }

    [Fact]
    public void With_exact_times_every_client_is_a_row_and_the_likelihood_is_still_the_clientwise_sum()
    {
        var clients = LifetimeSimulation.Summaries(TruePurchases, null, 5_000, 30, 80, new Random(16));
        var fit = BgNbd.Fit(clients);
        Assert.Equal(clients.Length, fit.DistinctRows);
        Assert.Equal(BgNbd.LogLikelihood(fit.Parameters, clients), fit.LogLikelihood, 6);
        // The same clients rounded to whole weeks go through the compressed path and end near the same parameters.
        var rounded = clients.Select(c => c with { Recency = Math.Floor(c.Recency), T = Math.Floor(c.T) }).ToArray();
        var compressed = BgNbd.Fit(rounded);
        Assert.True(compressed.DistinctRows < clients.Length / 2);
        Assert.Equal(BgNbd.LogLikelihood(compressed.Parameters, rounded), compressed.LogLikelihood, 6);
    }

    [Fact]
    public void The_fit_does_not_depend_on_the_order_of_the_clients()
    {
        var clients = LifetimeSimulation.Summaries(TruePurchases, null, 3_000, 30, 80, new Random(13), periodLength: 1);
        var forward = BgNbd.Fit(clients);
        var backward = BgNbd.Fit(clients.Reverse().ToArray());
        Assert.Equal(forward.Parameters.R, backward.Parameters.R, 5);
        Assert.Equal(forward.Parameters.B, backward.Parameters.B, 4);
        Assert.Equal(forward.LogLikelihood, backward.LogLikelihood, 5);
    }

    [Fact]
    public void Correlation_between_frequency_and_value_is_reported()
    {
        // Values made to grow with frequency break the model's assumption; the fit must say so.
        var clients = LifetimeSimulation.Summaries(TruePurchases, TrueValues, 5_000, 30, 80, new Random(14))
            .Select(c => c with { MonetaryValue = c.Frequency > 0 ? c.MonetaryValue + 10 * c.Frequency : 0 }).ToArray();
        Assert.True(GammaGamma.Fit(clients).FrequencyValueCorrelation > 0.3);
    }

    public static TheoryData<string, LifetimeSummary[]> BadBgNbdData => new()
    {
        { "no clients", [] },
        { "no client has a repeat purchase", [new(0, 0, 10), new(0, 0, 20)] },
        { "not a finite number", [new(1, 2, 10), new(double.NaN, 2, 10)] },
        { "beyond its age", [new(1, 12, 10), new(0, 0, 10)] },
        { "negative", [new(-1, 0, 10), new(1, 1, 10)] },
    };

    [Theory]
    [MemberData(nameof(BadBgNbdData))]
    public void Bg_nbd_refuses_data_it_cannot_fit_with_a_clear_error(string expectedMessage, LifetimeSummary[] clients)
    {
        var error = Assert.Throws<ModelFitException>(() => BgNbd.Fit(clients));
        Assert.Contains(expectedMessage, error.Message);
    }

    [Fact]
    public void Bg_nbd_refuses_data_the_model_cannot_describe_instead_of_returning_parameters()
    {
        // Every client buys exactly once a week and never stops: no Gamma spread of rates, no drop-out; the likelihood
        // keeps rising as r, α → ∞ and b → ∞, so there is no optimum to return.
        var clients = Enumerable.Range(0, 500).Select(i => new LifetimeSummary(50, 50, 50)).ToArray();
        var error = Assert.Throws<ModelFitException>(() => BgNbd.Fit(clients));
        Assert.Contains("BG/NBD", error.Message);
    }

    [Fact]
    public void Gamma_gamma_refuses_data_it_cannot_fit_with_a_clear_error()
    {
        Assert.Contains("at least two clients with repeat purchases",
            Assert.Throws<ModelFitException>(() => GammaGamma.Fit([new(0, 0, 10), new(1, 3, 10, 20)])).Message);
        Assert.Contains("client 2 has repeat purchases but a mean value of 0",
            Assert.Throws<ModelFitException>(() => GammaGamma.Fit([new(1, 3, 10, 20), new(2, 4, 10, 0), new(1, 2, 5, 10)])).Message);
        Assert.Contains("no clients", Assert.Throws<ModelFitException>(() => GammaGamma.Fit([])).Message);
    }
}
