using Clientele.Analytics.Pivot;

namespace Clientele.Analytics.Tests.Pivot;

public sealed class PivotPropertyTests
{
    private static readonly string[] Managers = ["Ann", "Bob", "Cem", "Dana"];
    private static readonly string[] Channels = ["web", "phone", "shop"];

    private static PivotFact[] RandomFacts(Random random) =>
    [
        .. Enumerable.Range(0, random.Next(0, 400)).Select(_ => new PivotFact(
            random.Next(1, 60),
            [Managers[random.Next(Managers.Length)], Channels[random.Next(Channels.Length)], $"2025-{random.Next(1, 13):00}"],
            Math.Round((decimal)random.NextDouble() * 1000m, 2),
            Math.Round((decimal)random.NextDouble() * 400m - 100m, 2),
            Math.Round((decimal)random.NextDouble() * 300m - 150m, 2),
            random.Next(0, 5))),
    ];

    private static int[] RandomDimensions(Random random) => [.. Enumerable.Range(0, 3).Where(_ => random.Next(3) == 0).OrderBy(_ => random.Next())];

    [Theory]
    [InlineData(PivotMeasure.Revenue)]
    [InlineData(PivotMeasure.Margin)]
    [InlineData(PivotMeasure.Contribution)]
    [InlineData(PivotMeasure.Purchases)]
    public void Additive_measures_add_up_across_cells_rows_and_columns(PivotMeasure measure)
    {
        var random = new Random(4);
        for (var run = 0; run < 200; run++)
        {
            var facts = RandomFacts(random);
            var pivot = PivotTable.Compute(facts, RandomDimensions(random), RandomDimensions(random), measure);
            var (rows, columns) = (pivot.RowKeys.Length, pivot.ColumnKeys.Length);

            Assert.Equal(Total(facts, measure), pivot.GrandTotal);
            Assert.Equal(pivot.GrandTotal, pivot.Cells.Cast<decimal>().Sum());
            Assert.Equal(pivot.GrandTotal, pivot.RowTotals.Sum());
            Assert.Equal(pivot.GrandTotal, pivot.ColumnTotals.Sum());
            for (var r = 0; r < rows; r++) Assert.Equal(pivot.RowTotals[r], Enumerable.Range(0, columns).Sum(c => pivot.Cells[r, c]));
            for (var c = 0; c < columns; c++) Assert.Equal(pivot.ColumnTotals[c], Enumerable.Range(0, rows).Sum(r => pivot.Cells[r, c]));
            Assert.Equal(facts.Length, pivot.FactCounts.Cast<int>().Sum());
        }
    }

    [Fact]
    public void Distinct_clients_never_exceed_the_sums_and_the_grand_total_is_the_base()
    {
        var random = new Random(5);
        for (var run = 0; run < 200; run++)
        {
            var facts = RandomFacts(random);
            var pivot = PivotTable.Compute(facts, RandomDimensions(random), RandomDimensions(random), PivotMeasure.Clients);
            var (rows, columns) = (pivot.RowKeys.Length, pivot.ColumnKeys.Length);

            Assert.Equal(facts.Select(f => f.ClientId).Distinct().Count(), pivot.GrandTotal);
            for (var r = 0; r < rows; r++)
            {
                var cells = Enumerable.Range(0, columns).Select(c => pivot.Cells[r, c]).ToArray();
                Assert.InRange(pivot.RowTotals[r], cells.DefaultIfEmpty().Max(), cells.Sum());
            }
            for (var c = 0; c < columns; c++)
            {
                var cells = Enumerable.Range(0, rows).Select(r => pivot.Cells[r, c]).ToArray();
                Assert.InRange(pivot.ColumnTotals[c], cells.DefaultIfEmpty().Max(), cells.Sum());
            }
            Assert.True(pivot.GrandTotal <= pivot.RowTotals.Sum() && pivot.GrandTotal <= pivot.ColumnTotals.Sum());
        }
    }

    [Fact]
    public void The_order_of_the_facts_does_not_change_the_pivot()
    {
        var random = new Random(6);
        for (var run = 0; run < 50; run++)
        {
            var facts = RandomFacts(random);
            var shuffled = facts.OrderBy(_ => random.Next()).ToArray();
            int[] rowDimensions = [0, 2], columnDimensions = [1];

            var a = PivotTable.Compute(facts, rowDimensions, columnDimensions, PivotMeasure.Clients);
            var b = PivotTable.Compute(shuffled, rowDimensions, columnDimensions, PivotMeasure.Clients);

            Assert.Equal(a.RowKeys, b.RowKeys);
            Assert.Equal(a.ColumnKeys, b.ColumnKeys);
            Assert.Equal(a.Cells, b.Cells);
            Assert.Equal(a.RowTotals, b.RowTotals);
        }
    }

    private static decimal Total(IEnumerable<PivotFact> facts, PivotMeasure measure) => measure switch
    {
        PivotMeasure.Revenue => facts.Sum(f => f.Revenue),
        PivotMeasure.Margin => facts.Sum(f => f.Margin),
        PivotMeasure.Contribution => facts.Sum(f => f.Contribution),
        PivotMeasure.Purchases => facts.Sum(f => f.Purchases),
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };
}
