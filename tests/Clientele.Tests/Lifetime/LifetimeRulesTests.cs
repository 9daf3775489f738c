using System.Globalization;
using Clientele.Analytics.Lifetime;
using Clientele.Features.Lifetime;

namespace Clientele.Tests.Lifetime;

/// <summary>The at-risk rules and the nightly summary of a client's purchases, without a database.</summary>
public sealed class LifetimeRulesTests
{
    [Theory]
    [InlineData(0.49, null, 100, RiskReason.LowAliveProbability)]
    [InlineData(0.50, null, 100, RiskReason.None)]
    [InlineData(0.90, 10.0, 21, RiskReason.OverdueInterval)]
    [InlineData(0.90, 10.0, 20, RiskReason.None)]
    [InlineData(0.10, 10.0, 30, RiskReason.LowAliveProbability | RiskReason.OverdueInterval)]
    [InlineData(null, 10.0, 30, RiskReason.OverdueInterval)]
    [InlineData(null, null, 999, RiskReason.None)]
    public void At_risk_below_the_threshold_or_beyond_the_interval_times_the_factor(double? alive, double? interval, int days, RiskReason expected) =>
        Assert.Equal(expected, ChurnRules.Judge(alive, interval, days, aliveThreshold: 0.5, intervalFactor: 2));

    [Theory]
    [InlineData(3.0, 10, 29, RiskReason.None)]
    [InlineData(3.0, 30, 30, RiskReason.OverdueInterval)]
    [InlineData(20.0, 40, 30, RiskReason.None)]
    [InlineData(20.0, 41, 30, RiskReason.OverdueInterval)]
    public void A_frequent_buyer_is_overdue_only_after_the_minimum_silence(double interval, int days, int minSilence, RiskReason expected) =>
        Assert.Equal(expected, ChurnRules.Judge(0.9, interval, days, aliveThreshold: 0.5, intervalFactor: 2, minSilenceDays: minSilence));

    [Theory]
    [InlineData("A", RiskReason.OverdueInterval, SuggestedAction.CallPersonally)]
    [InlineData("A", RiskReason.LowAliveProbability, SuggestedAction.CallPersonally)]
    [InlineData("B", RiskReason.OverdueInterval, SuggestedAction.OfferRepeatOrder)]
    [InlineData("B", RiskReason.LowAliveProbability | RiskReason.OverdueInterval, SuggestedAction.AskWhy)]
    [InlineData("C", RiskReason.OverdueInterval, SuggestedAction.SendReminder)]
    [InlineData("A", RiskReason.None, SuggestedAction.None)]
    public void The_advice_follows_class_and_reason(string abc, RiskReason reason, SuggestedAction expected) =>
        Assert.Equal(expected, ChurnRules.Suggest(abc, reason));

    [Fact]
    public void An_episode_keeps_its_first_day_and_ends_when_the_client_recovers()
    {
        var today = new DateOnly(2026, 11, 25);
        Assert.Equal(today, ChurnRules.EpisodeStart(RiskReason.OverdueInterval, null, today));
        Assert.Equal(today.AddDays(-9), ChurnRules.EpisodeStart(RiskReason.LowAliveProbability, today.AddDays(-9), today));
        Assert.Null(ChurnRules.EpisodeStart(RiskReason.None, today.AddDays(-9), today));
    }

    [Theory]
    [InlineData(LifetimePeriod.Week)]
    [InlineData(LifetimePeriod.Day)]
    public void The_nightly_summary_equals_the_transaction_summary_of_the_same_purchases(LifetimePeriod period)
    {
        var random = new Random(3);
        var asOf = new DateOnly(2026, 11, 25);
        for (var client = 0; client < 200; client++)
        {
            var first = asOf.AddDays(-random.Next(0, 400));
            var days = new SortedDictionary<DateOnly, decimal>();
            for (var k = random.Next(1, 12); k > 0; k--)
            {
                var day = first.AddDays(k == 1 ? 0 : random.Next(0, asOf.DayNumber - first.DayNumber + 1));
                days[day] = days.GetValueOrDefault(day) + Math.Round((decimal)(random.NextDouble() * 1000), 2);
            }
            var expected = TransactionSummary.Build(days.Select(d => new Transaction("c", d.Key, d.Value)), asOf, period).Single().Summary;

            var actual = PurchaseHistory.Summarise(client, [.. days.Select(d => (d.Key, d.Value))], asOf, period);

            Assert.Equal(expected.Frequency, actual.Summary.Frequency);
            Assert.Equal(expected.Recency, actual.Summary.Recency);
            Assert.Equal(expected.T, actual.Summary.T);
            Assert.Equal(expected.MonetaryValue, actual.Summary.MonetaryValue, 9);
            Assert.Equal(days.Count, actual.PurchaseDays);
            var interval = days.Count < 2 ? (double?)null : (double)(days.Keys.Last().DayNumber - days.Keys.First().DayNumber) / (days.Count - 1);
            Assert.Equal(interval?.ToString(CultureInfo.InvariantCulture), actual.UsualIntervalDays?.ToString(CultureInfo.InvariantCulture));
        }
    }
}
