using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class RetentionTests
{
    private static readonly int Jan = MonthIndex.Of(2025, 1);

    /// <summary>
    /// Months bought, relative to January 2025: c1 0,1,2,3; c2 0,3; c3 1 (and a refund-only month 3); c4 2,3; c5 −1.
    /// Deliberately out of order, with a duplicate month for c1 and a month after the range.
    /// </summary>
    internal static ClientMonth[] Sample() =>
    [
        new(4, Jan + 3, 60m, 1), new(1, Jan + 2, 120m, 2), new(2, Jan, 200m, 1), new(1, Jan, 100m, 1),
        new(3, Jan + 3, -20m, 0), new(5, Jan - 1, 999m, 3), new(1, Jan + 3, 130m, 1), new(1, Jan + 1, 110m, 1),
        new(3, Jan + 1, 70m, 1), new(2, Jan + 3, 50m, 1), new(4, Jan + 2, 40m, 1), new(1, Jan + 2, 5m, 1),
        new(1, Jan + 4, 1000m, 1),
    ];

    [Fact]
    public void Hand_computed_months_with_a_two_month_window()
    {
        // In the base at the end of m = bought in m or m − 1: m0 {1,2,5}, m1 {1,2,3}, m2 {1,3,4}, m3 {1,2,4}.
        var periods = Retention.Monthly(Sample(), Jan + 1, Jan + 3, activeWindowMonths: 2);

        // February: c3 is new, so (3 − 1) / 3 kept; of January's buyers c1 and c2 only c1 bought again.
        Assert.Equal(new RetentionPeriod(Jan + 1, Jan + 1, 3, 3, 1, 2.0 / 3, 1 - 2.0 / 3, 1, 2, 0.5), periods[0]);
        // March: c4 is new; February's buyers c1, c3 — only c1 again.
        Assert.Equal(new RetentionPeriod(Jan + 2, Jan + 2, 3, 3, 1, 2.0 / 3, 1 - 2.0 / 3, 1, 2, 0.5), periods[1]);
        // April: c3 dropped out and c2 came back, so the base formula reads full retention; March's c1 and c4 both bought
        // again (c3's refund-only month is no purchase).
        Assert.Equal(new RetentionPeriod(Jan + 3, Jan + 3, 3, 3, 0, 1.0, 0.0, 2, 2, 1.0), periods[2]);
    }

    [Fact]
    public void Hand_computed_years()
    {
        static ClientMonth Bought(int client, int year, int month) => new(client, MonthIndex.Of(year, month), 10m, 1);
        ClientMonth[] rows =
        [
            Bought(1, 2023, 3), Bought(1, 2024, 5),
            Bought(2, 2023, 11), Bought(2, 2025, 2),
            Bought(3, 2024, 2), Bought(3, 2024, 12), Bought(3, 2025, 1),
            Bought(4, 2025, 6),
            Bought(5, 2022, 7),
        ];

        var years = Retention.Yearly(rows, 2024, 2025);

        // End of 2023: {1, 2}; end of 2024: {1, 3}; end of 2025: {2, 3, 4}.
        Assert.Equal(new RetentionPeriod(MonthIndex.Of(2024, 1), MonthIndex.Of(2024, 12), 2, 2, 1, 0.5, 0.5, 1, 2, 0.5), years[0]);
        Assert.Equal(new RetentionPeriod(MonthIndex.Of(2025, 1), MonthIndex.Of(2025, 12), 2, 3, 1, 1.0, 0.0, 1, 2, 0.5), years[1]);
    }

    [Fact]
    public void An_empty_base_has_no_rates()
    {
        var periods = Retention.Monthly([], Jan, Jan + 2);
        Assert.All(periods, p => Assert.Equal(new RetentionPeriod(p.Start, p.End, 0, 0, 0, null, null, 0, 0, null), p));
        Assert.Equal(3, periods.Length);
    }

    [Fact]
    public void Bad_ranges_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Retention.Monthly([], Jan, Jan - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Monthly([], Jan, Jan, activeWindowMonths: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Monthly([new ClientMonth(1, -1, 1m, 1)], Jan, Jan));
    }

    [Fact]
    public void Repeat_purchase_rate_counts_only_buyers()
    {
        Assert.Equal(0.5, Retention.RepeatPurchaseRate([0, 1, 2, 5, 1]));
        Assert.Null(Retention.RepeatPurchaseRate([0, 0]));
        Assert.Null(Retention.RepeatPurchaseRate([]));
    }

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public void Matches_the_definitions_on_random_bases_in_any_order(int seed, int window)
    {
        var rows = RandomBase.Rows(new Random(seed), clients: 3_000, rowsWanted: 20_000);
        var from = RandomBase.FirstMonth + 6;
        var to = RandomBase.LastMonth;
        var naive = Naive.Monthly(rows, from, to, window);

        Assert.Equal(naive, Retention.Monthly(rows, from, to, window));
        Assert.Equal(naive, Retention.Monthly(RandomBase.Sorted(rows), from, to, window));
        Assert.Equal(Naive.Yearly(rows, 2023, 2025, window), Retention.Yearly(rows, 2023, 2025, window));
    }

    [Fact]
    public void Two_hundred_thousand_rows_agree_with_the_naive_count_and_a_million_rows_complete()
    {
        var random = new Random(41);
        var rows = RandomBase.Rows(random, clients: 20_000, rowsWanted: 200_000);
        Assert.Equal(Naive.Monthly(rows, RandomBase.FirstMonth, RandomBase.LastMonth, 12),
            Retention.Monthly(rows, RandomBase.FirstMonth, RandomBase.LastMonth));

        var million = RandomBase.Rows(random, clients: 100_000, rowsWanted: 1_000_000);
        var months = Retention.Monthly(million, RandomBase.FirstMonth, RandomBase.LastMonth);
        var firstMonths = million.Where(r => r.Purchases > 0).GroupBy(r => r.Client).Select(g => g.Min(r => r.Month)).ToArray();
        Assert.Equal(firstMonths.Length, months.Sum(p => p.New));
        Assert.All(months, p => Assert.InRange(p.ActiveBoth, 0, p.ActivePrevious));
    }
}
