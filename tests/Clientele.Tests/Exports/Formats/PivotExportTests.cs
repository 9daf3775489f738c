using Clientele.Analytics.Pivot;
using Clientele.Features.Exports.Formats;

namespace Clientele.Tests.Exports.Formats;

public sealed class PivotExportTests
{
    private static readonly PivotFact[] Facts =
    [
        new(1, ["Анна", "2025-01"], 100m, 0m, 0m, 1),
        new(2, ["Анна", "2025-02"], 50m, 0m, 0m, 1),
        new(1, ["Борис", "2025-02"], 0m, 0m, 0m, 1),
    ];

    [Fact]
    public void Rows_and_columns_lay_out_with_totals_and_empty_cells_where_there_were_no_facts()
    {
        var pivot = PivotTable.Compute(Facts, [0], [1], PivotMeasure.Revenue);

        var table = pivot.ToExportTable("Выручка", ["Менеджер"], "Выручка", "Итого");

        Assert.Equal(["Менеджер", "2025-01", "2025-02", "Итого"], table.Columns.Select(c => c.Header));
        Assert.True(table.LastRowIsTotal);
        Assert.Equal([ExportType.Text, ExportType.Money, ExportType.Money, ExportType.Money], table.Columns.Select(c => c.Type));
        Assert.Equal(
            [
                ["Анна", 100m, 50m, 150m],
                // Boris sold for nothing in February, which is not the same as not selling in January.
                ["Борис", null, 0m, 0m],
                ["Итого", 100m, 50m, 150m],
            ],
            table.Rows.ToArray());
    }

    [Fact]
    public void Client_counts_are_integers_and_totals_are_distinct_counts()
    {
        var pivot = PivotTable.Compute(Facts, [1], [], PivotMeasure.Clients);

        var table = pivot.ToExportTable("Клиенты", ["Месяц"], "Клиенты", "Итого");

        Assert.Equal(["Месяц", "Клиенты"], table.Columns.Select(c => c.Header));
        Assert.Equal(ExportType.Integer, table.Columns[1].Type);
        Assert.Equal([["2025-01", 1m], ["2025-02", 2m], ["Итого", 2m]], table.Rows.ToArray());
    }

    [Fact]
    public void Several_row_dimensions_get_a_column_each_and_column_keys_are_joined()
    {
        PivotFact[] facts = [new(1, ["Анна", "web", "2025", "Q1"], 10m, 0m, 0m, 2)];
        var pivot = PivotTable.Compute(facts, [0, 1], [2, 3], PivotMeasure.Purchases);

        var table = pivot.ToExportTable("P", ["Менеджер", "Канал"], "Покупки", "Итого");

        Assert.Equal(["Менеджер", "Канал", "2025 / Q1", "Итого"], table.Columns.Select(c => c.Header));
        Assert.Equal([["Анна", "web", 2m, 2m], ["Итого", null, 2m, 2m]], table.Rows.ToArray());
    }

    [Fact]
    public void Without_row_dimensions_the_single_row_is_the_total_under_the_measure_name()
    {
        var pivot = PivotTable.Compute(Facts, [], [1], PivotMeasure.Revenue);

        var table = pivot.ToExportTable("P", [], "Выручка", "Итого");

        Assert.Equal(["Выручка", "2025-01", "2025-02", "Итого"], table.Columns.Select(c => c.Header));
        // The one row is data and total at once; a filter over one row does no harm.
        Assert.False(table.LastRowIsTotal);
        Assert.Equal([["Итого", 100m, 50m, 150m]], table.Rows.ToArray());
    }

    [Fact]
    public void Headers_must_match_the_row_dimensions() =>
        Assert.Throws<ArgumentException>(() => PivotTable.Compute(Facts, [0], [], PivotMeasure.Revenue).ToExportTable("P", [], "R", "T"));

    [Fact]
    public void A_pivot_table_writes_as_the_second_sheet()
    {
        var pivot = PivotTable.Compute(Facts, [0], [1], PivotMeasure.Revenue).ToExportTable("Сводная", ["Менеджер"], "Выручка", "Итого");
        var data = new ExportTable("Данные", [new("Менеджер", ExportType.Text)], [["Анна"]]);

        using var book = Workbook.Write(data, pivot);

        Assert.Equal(["Данные", "Сводная"], book.SheetNames);
        Assert.Equal("Итого", book.Text(1, "D1"));
        Assert.Equal("150", book.Text(1, "D4"));
        Assert.Equal("#,##0.00", book.NumberFormat(book.Cell(1, "D4")));
        Assert.True(book.IsBold(book.Cell(1, "A4")));
    }
}
