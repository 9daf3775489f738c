using Clientele.Analytics.Pivot;

namespace Clientele.Analytics.Tests.Pivot;

public sealed class PivotTableTests
{
    private const int Manager = 0, Channel = 1, Month = 2;

    // Client 1 buys from Ann in January and March, client 2 from Ann in January, client 3 from Bob in March by phone.
    private static readonly PivotFact[] Facts =
    [
        new(1, ["Ann", "web", "2025-01"], Revenue: 100m, Margin: 40m, Contribution: 30m, Purchases: 2),
        new(1, ["Ann", "web", "2025-03"], Revenue: 50m, Margin: 20m, Contribution: 10m, Purchases: 1),
        new(2, ["Ann", "web", "2025-01"], Revenue: 70m, Margin: 7m, Contribution: -3m, Purchases: 1),
        new(3, ["Bob", "phone", "2025-03"], Revenue: 200m, Margin: 80m, Contribution: 60m, Purchases: 4),
    ];

    [Fact]
    public void Revenue_by_manager_and_month_hand_computed()
    {
        var pivot = PivotTable.Compute(Facts, [Manager], [Month], PivotMeasure.Revenue);

        Assert.Equal([["Ann"], ["Bob"]], pivot.RowKeys);
        Assert.Equal([["2025-01"], ["2025-03"]], pivot.ColumnKeys);
        Assert.Equal(new decimal[,] { { 170m, 50m }, { 0m, 200m } }, pivot.Cells);
        Assert.Equal(new[,] { { 2, 1 }, { 0, 1 } }, pivot.FactCounts);
        Assert.Equal([220m, 200m], pivot.RowTotals);
        Assert.Equal([170m, 250m], pivot.ColumnTotals);
        Assert.Equal(420m, pivot.GrandTotal);
    }

    [Fact]
    public void Distinct_clients_are_counted_once_in_every_total_though_they_appear_in_several_cells()
    {
        var pivot = PivotTable.Compute(Facts, [Manager], [Month], PivotMeasure.Clients);

        // Ann: clients 1, 2 in January and client 1 again in March; her row total is 2, not 3.
        Assert.Equal(new decimal[,] { { 2m, 1m }, { 0m, 1m } }, pivot.Cells);
        Assert.Equal([2m, 1m], pivot.RowTotals);
        // March has client 1 (Ann) and client 3 (Bob).
        Assert.Equal([2m, 2m], pivot.ColumnTotals);
        Assert.Equal(3m, pivot.GrandTotal);
    }

    [Fact]
    public void The_same_client_in_two_rows_is_one_client_of_the_column_and_of_the_grand_total()
    {
        PivotFact[] facts =
        [
            new(7, ["Ann", "2025-01"], 10m, 0m, 0m, 1),
            new(7, ["Bob", "2025-01"], 10m, 0m, 0m, 1),
        ];

        var pivot = PivotTable.Compute(facts, [0], [1], PivotMeasure.Clients);

        Assert.Equal([1m, 1m], pivot.RowTotals);
        Assert.Equal([1m], pivot.ColumnTotals);
        Assert.Equal(1m, pivot.GrandTotal);
    }

    [Fact]
    public void Margin_contribution_and_purchases_take_their_own_field()
    {
        Assert.Equal(147m, PivotTable.Compute(Facts, [], [], PivotMeasure.Margin).GrandTotal);
        Assert.Equal(97m, PivotTable.Compute(Facts, [], [], PivotMeasure.Contribution).GrandTotal);
        Assert.Equal(8m, PivotTable.Compute(Facts, [], [], PivotMeasure.Purchases).GrandTotal);
    }

    [Fact]
    public void No_dimensions_gives_one_cell_holding_everything()
    {
        var pivot = PivotTable.Compute(Facts, [], [], PivotMeasure.Revenue);

        Assert.Equal([[]], pivot.RowKeys);
        Assert.Equal([[]], pivot.ColumnKeys);
        Assert.Equal(new decimal[,] { { 420m } }, pivot.Cells);
        Assert.Equal([420m], pivot.RowTotals);
        Assert.Equal([420m], pivot.ColumnTotals);
        Assert.Equal(420m, pivot.GrandTotal);
    }

    [Fact]
    public void Rows_only_has_one_column_of_everything()
    {
        var pivot = PivotTable.Compute(Facts, [Channel], [], PivotMeasure.Clients);

        Assert.Equal([["phone"], ["web"]], pivot.RowKeys);
        Assert.Equal(new decimal[,] { { 1m }, { 2m } }, pivot.Cells);
        Assert.Equal([3m], pivot.ColumnTotals);
    }

    [Fact]
    public void Several_dimensions_on_an_axis_make_tuples_sorted_by_each_in_turn()
    {
        var pivot = PivotTable.Compute(Facts, [Manager, Month], [Channel], PivotMeasure.Purchases);

        Assert.Equal([["Ann", "2025-01"], ["Ann", "2025-03"], ["Bob", "2025-03"]], pivot.RowKeys);
        Assert.Equal([["phone"], ["web"]], pivot.ColumnKeys);
        Assert.Equal(new decimal[,] { { 0m, 3m }, { 0m, 1m }, { 4m, 0m } }, pivot.Cells);
        Assert.Equal([3m, 1m, 4m], pivot.RowTotals);
        Assert.Equal([4m, 4m], pivot.ColumnTotals);
    }

    [Fact]
    public void Nothing_to_pivot_gives_no_keys_on_a_dimensioned_axis_and_zero_totals()
    {
        var pivot = PivotTable.Compute([], [Manager], [], PivotMeasure.Clients);

        Assert.Empty(pivot.RowKeys);
        Assert.Equal([[]], pivot.ColumnKeys);
        Assert.Equal(0, pivot.Cells.GetLength(0));
        Assert.Equal([0m], pivot.ColumnTotals);
        Assert.Equal(0m, pivot.GrandTotal);
    }

    [Fact]
    public void A_missing_key_is_the_empty_label_and_sorts_first()
    {
        PivotFact[] facts = [new(1, ["Ann"], 1m, 0m, 0m, 1), new(2, [null!], 2m, 0m, 0m, 1)];

        var pivot = PivotTable.Compute(facts, [0], [], PivotMeasure.Revenue);

        Assert.Equal([[""], ["Ann"]], pivot.RowKeys);
        Assert.Equal(new decimal[,] { { 2m }, { 1m } }, pivot.Cells);
    }

    [Fact]
    public void A_dimension_the_facts_do_not_have_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PivotTable.Compute(Facts, [3], [], PivotMeasure.Revenue));
        Assert.Throws<ArgumentOutOfRangeException>(() => PivotTable.Compute(Facts, [], [-1], PivotMeasure.Revenue));
    }
}
