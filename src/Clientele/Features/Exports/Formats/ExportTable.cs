namespace Clientele.Features.Exports.Formats;

/// <summary>How a column's values are written: the cell type and number format in XLSX, the number style in CSV.</summary>
public enum ExportType { Text, Integer, Decimal, Money, Percent, Date, DateTime }

/// <summary>The file written: a spreadsheet, or (for client lists only) an address book of vCard 4.0 or 3.0.</summary>
public enum ExportFormat { Xlsx, Csv, VCard, VCard3 }

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

    /// <summary>
    /// Set when each row is a client: the export is then counted against the owner's limit and carries canary rows.
    /// Null for aggregate reports, which carry the watermark in the file's metadata only.
    /// </summary>
    public ClientRows? Clients { get; init; }
}

/// <summary>
/// Which columns of a client list hold what a canary row must replace. Every other value of a canary row is copied from
/// the real row above it, so the fictitious client looks like its neighbours.
/// </summary>
/// <param name="IdColumn">The client id (a long); distinct values are the clients counted.</param>
/// <param name="Count">
/// Counts the clients without enumerating <see cref="ExportTable.Rows"/>, for a list streamed from the database; when
/// null the rows are read into memory once to count them (fine for the analytics lists, which already are).
/// </param>
/// <param name="BlankColumns">Columns a canary must not copy from its neighbour: a number (a tax id) is drawn anew in the same shape, anything else left empty.</param>
public sealed record ClientRows(int IdColumn, int NameColumn, int? EmailColumn = null, int? PhoneColumn = null,
    Func<CancellationToken, Task<int>>? Count = null, int[]? BlankColumns = null);
