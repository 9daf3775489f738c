namespace Clientele.Infrastructure.Export;

/// <summary>How a column's values are written: the cell type and number format in XLSX, the number style in CSV.</summary>
public enum ExportType { Text, Integer, Decimal, Money, Percent, Date, DateTime }

public enum ExportFormat { Xlsx, Csv }

/// <param name="Header">Already in the user's language.</param>
public sealed record ExportColumn(string Header, ExportType Type);

/// <summary>
/// A list or report to export. <see cref="Rows"/> is enumerated once, while writing, so a query can stream straight
/// into the file. Values are string, long, int, decimal, double, DateOnly, DateTime or null; a Percent value is a
/// fraction (0.25 is 25%). A value that does not fit its column's type is written as text.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<ExportColumn> Columns, IEnumerable<object?[]> Rows)
{
    /// <summary>The last row holds totals: set apart in bold in XLSX and kept out of the filter's range, so sorting
    /// the data does not sort the totals in among it.</summary>
    public bool LastRowIsTotal { get; init; }
}
