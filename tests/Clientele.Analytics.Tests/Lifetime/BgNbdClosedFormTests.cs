using Clientele.Analytics.Lifetime;

namespace Clientele.Analytics.Tests.Lifetime;

public sealed class BgNbdClosedFormTests
{
    // The CDNOW maximum-likelihood estimates of FHL 2005 (weeks), as the paper rounds them.
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    // The same estimates unrounded (as BTYD's CDNOW fit prints them): the published figures were computed with these,
    // and the rounding alone moves E[X(78)] by 0.003.
    private static readonly BgNbdParameters CdnowUnrounded = new(0.2425945, 4.4136019, 0.7929199, 2.4258974);

    [Theory]
    [InlineData(2, 30.43, 38.86)]
    [InlineData(1, 5, 40)]
    [InlineData(10, 35, 39)]
    [InlineData(23, 39, 39)]
    [InlineData(3, 0.5, 70)]
    public void Probability_alive_matches_the_two_likelihood_pieces(double x, double tx, double t)
    {
        var expected = PosteriorIntegrals.ProbabilityAlive(Cdnow.R, Cdnow.Alpha, Cdnow.A, Cdnow.B, x, tx, t);
        Assert.Equal(expected, Cdnow.ProbabilityAlive(x, tx, t), 12);
    }

    [Fact]
    public void Probability_alive_of_the_papers_example_client_by_hand()
    {
        // 1 / (1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) = 1 / (1 + 0.793/3.426·(43.274/34.844)^2.243) = 1 / (1 + 0.231465·1.625789).
        Assert.Equal(0.72658, Cdnow.ProbabilityAlive(2, 30.43, 38.86), 4);
    }

    [Fact]
    public void A_client_without_repeat_purchases_is_alive()
    {
        Assert.Equal(1.0, Cdnow.ProbabilityAlive(0, 0, 52));
    }

    [Fact]
    public void Expected_purchases_of_the_papers_example_client_are_the_published_1_226()
    {
        // FHL 2005 / Hardie's spreadsheet: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
        Assert.Equal(1.226, CdnowUnrounded.ExpectedPurchases(39, 2, 30.43, 38.86), 3);
    }

    [Theory]
    [InlineData(39, 2, 30.43, 38.86)]
    [InlineData(10, 0, 0, 30)]
    [InlineData(52, 5, 20, 60)]
    [InlineData(104, 12, 70, 72)]
    [InlineData(500, 1, 3, 10)]
    public void Expected_purchases_match_the_numerical_integral_over_the_posterior(double horizon, double x, double tx, double t)
    {
        var alive = PosteriorIntegrals.ProbabilityAlive(Cdnow.R, Cdnow.Alpha, Cdnow.A, Cdnow.B, x, tx, t);
        var expected = alive * PosteriorIntegrals.ExpectedPurchasesOfAliveClient(Cdnow.R + x, Cdnow.Alpha + t, Cdnow.A, Cdnow.B + x, horizon);
        Assert.Equal(expected, Cdnow.ExpectedPurchases(horizon, x, tx, t), 6);
    }

    [Theory]
    // Hardie's spreadsheet figures for CDNOW, as the lifetimes test suite quotes them.
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void Expected_purchases_of_a_new_client_match_the_published_table(double weeks, double expected)
    {
        Assert.Equal(expected, CdnowUnrounded.ExpectedPurchasesOfNewClient(weeks), 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(39)]
    [InlineData(400)]
    public void Expected_purchases_of_a_new_client_match_the_numerical_integral(double weeks)
    {
        var expected = PosteriorIntegrals.ExpectedPurchasesOfAliveClient(Cdnow.R, Cdnow.Alpha, Cdnow.A, Cdnow.B, weeks);
        Assert.Equal(expected, Cdnow.ExpectedPurchasesOfNewClient(weeks), 6);
    }

    [Fact]
    public void At_a_equal_to_one_the_expectation_is_continuous()
    {
        var atOne = Cdnow with { A = 1.0 };
        var expected = PosteriorIntegrals.ExpectedPurchasesOfAliveClient(atOne.R, atOne.Alpha, 1.0, atOne.B, 39);
        Assert.Equal(expected, atOne.ExpectedPurchasesOfNewClient(39), 5);
        Assert.True(double.IsFinite(atOne.ExpectedPurchases(39, 2, 30, 38)));
    }

    [Fact]
    public void Probability_alive_falls_with_age_and_rises_with_recency()
    {
        for (var x = 1; x <= 20; x += 3)
        {
            var previous = 1.0;
            for (var t = 20.0; t <= 200; t += 5)
            {
                var alive = Cdnow.ProbabilityAlive(x, 20, t);
                Assert.True(alive < previous, $"x={x}, T={t}");
                previous = alive;
            }
            previous = 0.0;
            for (var tx = 0.0; tx <= 60; tx += 5)
            {
                var alive = Cdnow.ProbabilityAlive(x, tx, 60);
                Assert.True(alive > previous, $"x={x}, t_x={tx}");
                previous = alive;
            }
        }
    }

    [Fact]
    public void Expected_purchases_rise_with_the_horizon()
    {
        var previousOld = 0.0;
        var previousNew = 0.0;
        foreach (var horizon in new[] { 1.0, 2, 5, 10, 20, 39, 52, 104, 260, 520 })
        {
            var old = Cdnow.ExpectedPurchases(horizon, 4, 30, 50);
            var fresh = Cdnow.ExpectedPurchasesOfNewClient(horizon);
            Assert.True(old > previousOld && fresh > previousNew, $"horizon {horizon}");
            (previousOld, previousNew) = (old, fresh);
        }
    }

    [Theory]
    [InlineData(0.5, 2, 30.43)]
    [InlineData(0.1, 5, 10)]
    [InlineData(0.7, 1, 1)]
    public void The_age_when_alive_probability_falls_gives_that_probability(double probability, double x, double tx)
    {
        var age = Cdnow.AgeWhenAliveProbabilityFallsTo(probability, x, tx);
        Assert.True(age > tx);
        Assert.Equal(probability, Cdnow.ProbabilityAlive(x, tx, age), 10);
    }

    [Fact]
    public void The_age_when_alive_probability_falls_is_infinite_without_repeat_purchases_and_the_recency_when_already_below()
    {
        Assert.Equal(double.PositiveInfinity, Cdnow.AgeWhenAliveProbabilityFallsTo(0.5, 0, 0));
        // Right at the last purchase P(alive) = 1/(1 + a/(b+x−1)) = 1/(1 + 0.793/2.426) ≈ 0.754 for x = 1.
        Assert.Equal(7.0, Cdnow.AgeWhenAliveProbabilityFallsTo(0.8, 1, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cdnow.AgeWhenAliveProbabilityFallsTo(1.0, 1, 7));
    }

    [Fact]
    public void Inputs_outside_the_model_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cdnow.ProbabilityAlive(2, 40, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cdnow.ProbabilityAlive(double.NaN, 1, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cdnow.ExpectedPurchases(-1, 2, 10, 30));
    }
}
