using Clientele.Analytics.Lifetime;

namespace Clientele.Analytics.Tests.Lifetime;

public sealed class SummaryTests
{
    private static readonly DateOnly CalibrationEnd = new(2025, 3, 30); // a Sunday

    private static readonly Transaction[] Log =
    [
        // Anna: first on Monday 6 January; Wednesday 8 January is the same week; then 20 January and 3 March.
        new("anna", new DateOnly(2025, 1, 6), 10m),
        new("anna", new DateOnly(2025, 1, 8), 5m),
        new("anna", new DateOnly(2025, 1, 20), 30m),
        new("bert", new DateOnly(2025, 3, 29), 99m),
        new("anna", new DateOnly(2025, 3, 3), 20m),
        new("anna", new DateOnly(2025, 3, 3), 4m),
        // After the calibration end: ignored, and Carl appears only then.
        new("anna", new DateOnly(2025, 3, 31), 1000m),
        new("carl", new DateOnly(2025, 4, 2), 7m),
    ];

    [Fact]
    public void Weekly_summary_counts_a_week_once_and_averages_the_repeat_weeks()
    {
        var summaries = TransactionSummary.Build(Log, CalibrationEnd, LifetimePeriod.Week);
        Assert.Equal(["anna", "bert"], summaries.Select(s => s.CustomerId));
        // Weeks from 6 January: 20 January is week 2, 3 March week 8, the calibration end (30 March, Sunday) week 11.
        // Repeat weeks: 2 (30) and 8 (20 + 4 = 24): frequency 2, mean 27.
        Assert.Equal(new LifetimeSummary(2, 8, 11, 27), summaries[0].Summary);
        // Bert's only purchase, Saturday 29 March, is in the calibration end's week.
        Assert.Equal(new LifetimeSummary(0, 0, 0, 0), summaries[1].Summary);
    }

    [Fact]
    public void Daily_summary_counts_days()
    {
        var anna = TransactionSummary.Build(Log, CalibrationEnd, LifetimePeriod.Day)[0].Summary;
        // Days 6, 8, 20 January and 3 March: 3 repeat days (5, 30, 24); last at day 56, the end at day 83.
        Assert.Equal(3, anna.Frequency);
        Assert.Equal(56, anna.Recency);
        Assert.Equal(83, anna.T);
        Assert.Equal(59.0 / 3, anna.MonetaryValue, 12);
    }

    [Fact]
    public void Weeks_run_monday_to_sunday()
    {
        Assert.Equal(TransactionSummary.PeriodOf(new DateOnly(2025, 1, 6), LifetimePeriod.Week), TransactionSummary.PeriodOf(new DateOnly(2025, 1, 12), LifetimePeriod.Week));
        Assert.Equal(TransactionSummary.PeriodOf(new DateOnly(2025, 1, 12), LifetimePeriod.Week) + 1, TransactionSummary.PeriodOf(new DateOnly(2025, 1, 13), LifetimePeriod.Week));
    }

    [Fact]
    public void A_simulated_client_summarised_by_periods_merges_purchases_within_a_period()
    {
        var client = new SimulatedClient(10.5, [0, 0.4, 1.2, 1.9, 6.0], [5, 7, 10, 20, 3]);
        // Periods of length 1: 0 (first; 0.4 joins it), 1 (1.2 and 1.9: 30), 6 (3): 2 repeat periods, mean 16.5.
        Assert.Equal(new LifetimeSummary(2, 6, 10, 16.5), client.Summary(1));
        Assert.Equal(new LifetimeSummary(4, 6.0, 10.5, 10), client.Summary());
    }

    [Fact]
    public void The_simulator_repeats_itself_for_a_seed_and_follows_the_models_mean()
    {
        var purchases = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        var first = LifetimeSimulation.Summaries(purchases, null, 100, 39, 39, new Random(5));
        Assert.Equal(first, LifetimeSimulation.Summaries(purchases, null, 100, 39, 39, new Random(5)));
        // The mean number of repeat purchases in 39 weeks is E[X(39)] of a new client, within four standard errors.
        var many = LifetimeSimulation.Summaries(purchases, null, 1_000_000, 39, 39, new Random(6));
        var mean = many.Average(c => c.Frequency);
        var standardError = Math.Sqrt(many.Average(c => (c.Frequency - mean) * (c.Frequency - mean)) / many.Length);
        var expected = purchases.ExpectedPurchasesOfNewClient(39);
        Assert.True(Math.Abs(mean - expected) < 4 * standardError, $"simulated {mean}, model {expected}, standard error {standardError}");
    }
}
