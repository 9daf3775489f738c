using Clientele.Analytics.Pivot;

namespace Clientele.Features.Exports.Formats;

/// <summary>Lays a pivot out as a sheet: the row keys down the left, one column per column key, totals last.</summary>
public static class PivotExport
{
    /// <param name="rowHeaders">The row dimensions' names, in the user's language, one per row dimension.</param>
    /// <param name="measureHeader">The measure's name: the corner cell when there are no row dimensions, the value
    /// column's header when there are no column dimensions.</param>
    /// <param name="totalLabel">"Total" in the user's language.</param>
    /// <remarks>
    /// A cell without facts is left empty, as spreadsheet pivots show it, so "no sales" reads differently from sales
    /// that net to zero. A total that would only repeat the single row or column (no dimensions on that axis) is left out.
    /// </remarks>
    public static ExportTable ToExportTable(this PivotResult pivot, string title, IReadOnlyList<string> rowHeaders, string measureHeader, string totalLabel)
    {
        if (rowHeaders.Count != pivot.RowDimensions.Length)
            throw new ArgumentException($"The pivot has {pivot.RowDimensions.Length} row dimensions but {rowHeaders.Count} headers.", nameof(rowHeaders));
        var valueType = pivot.Measure is PivotMeasure.Clients or PivotMeasure.Purchases ? ExportType.Integer : ExportType.Money;
        var byRows = pivot.RowDimensions.Length > 0;
        var byColumns = pivot.ColumnDimensions.Length > 0;

        var columns = new List<ExportColumn>();
        if (byRows) columns.AddRange(rowHeaders.Select(h => new ExportColumn(h, ExportType.Text)));
        else columns.Add(new ExportColumn(measureHeader, ExportType.Text));
        columns.AddRange(pivot.ColumnKeys.Select(key => new ExportColumn(byColumns ? string.Join(" / ", key) : measureHeader, valueType)));
        if (byColumns) columns.Add(new ExportColumn(totalLabel, valueType));

        return new ExportTable(title, columns, Rows(pivot, byRows, byColumns, totalLabel, columns.Count)) { LastRowIsTotal = byRows };
    }

    private static IEnumerable<object?[]> Rows(PivotResult pivot, bool byRows, bool byColumns, string totalLabel, int width)
    {
        var labels = byRows ? pivot.RowDimensions.Length : 1;
        var columnCount = pivot.ColumnKeys.Length;
        for (var r = 0; r < pivot.RowKeys.Length; r++)
        {
            var row = new object?[width];
            if (byRows) pivot.RowKeys[r].CopyTo(row, 0);
            else row[0] = totalLabel;
            for (var c = 0; c < columnCount; c++)
                row[labels + c] = pivot.FactCounts[r, c] > 0 ? pivot.Cells[r, c] : null;
            if (byColumns) row[labels + columnCount] = pivot.RowTotals[r];
            yield return row;
        }
        if (!byRows) yield break;

        var totals = new object?[width];
        totals[0] = totalLabel;
        for (var c = 0; c < columnCount; c++) totals[labels + c] = pivot.ColumnTotals[c];
        if (byColumns) totals[labels + columnCount] = pivot.GrandTotal;
        yield return totals;
    }
}
