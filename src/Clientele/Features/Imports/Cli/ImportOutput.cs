using System.Globalization;
using System.Text;

namespace Clientele.Features.Imports.Cli;

/// <summary>What the import command prints: the counts, the first rows worth reading, and the full CSV report.</summary>
public static class ImportOutput
{
    public const int RowsShown = 50;

    public static void PrintReport(TextWriter output, ImportReport report)
    {
        output.WriteLine(Say("File: {0}; {1:N0} rows.", report.FileDescription, report.RowsTotal));
        if (report.Map.Count > 0) output.WriteLine(Say("Columns: {0}", string.Join("; ", report.Map.Select(p => $"{p.Key} → {p.Value}"))));
        output.WriteLine(Counts(report.Create, report.Update, report.Merge, report.Skip, report.Reject, report.Review));
        if (report.Warnings > 0) output.WriteLine(Say("warnings {0:N0} (kept, check them)", report.Warnings));
        foreach (var row in report.Rows.Take(RowsShown)) output.WriteLine("  " + Describe(row));
        var more = report.Rows.Count > RowsShown || report.RowsTruncated;
        if (more) output.WriteLine("  " + Say("… more rows not shown; --report FILE.csv lists every row."));
    }

    public static string Counts(long create, long update, long merge, long skip, long reject, long review) =>
        Say("create {0:N0}, update {1:N0}, merge {2:N0}, skip {3:N0}, reject {4:N0}, review {5:N0}", create, update, merge, skip, reject, review);

    /// <summary>A row's outcome in the command's language: its action, the field and reason (a stored kind worded anew), any warning.</summary>
    public static string Describe(ImportRowOutcome row)
    {
        var what = Message.Of<ImportCliText>(row.Action.ToString().ToLowerInvariant());
        var said = row.Reason is null ? Say("line {0}: {1}", row.Line, what)
            : row.Field is null ? Say("line {0}: {1} {2}", row.Line, what, ImportReasonText.Plain(row.Reason))
            : Say("line {0}: {1} {2}: {3}", row.Line, what, row.Field, ImportReasonText.Plain(row.Reason));
        return row.Warning is null ? said : said + Say(" (warning: {0})", ImportReasonText.Plain(row.Warning));
    }

    /// <summary>One of the command's texts in its language (<c>--culture</c>), its numbers formatted in it.</summary>
    internal static string Say(string key, params object?[] values) => Message.Of<ImportCliText>(key, values).Render();

    /// <summary>Keeps the first rows worth showing (all but plain creates) and writes every row to the CSV report, if asked.</summary>
    public sealed class RowCollector(string? csvPath) : IDisposable
    {
        private readonly CsvReport? _csv = csvPath is null ? null : new CsvReport(csvPath);
        private readonly List<ImportRowOutcome> _shown = [];
        private bool _more;

        public void Add(ImportRowOutcome row)
        {
            _csv?.Write(row);
            if (row.Action == ImportRowAction.Create && row.Warning is null) return;
            if (_shown.Count < RowsShown) _shown.Add(row);
            else _more = true;
        }

        public void Print(TextWriter output)
        {
            foreach (var row in _shown) output.WriteLine("  " + Describe(row));
            if (_more) output.WriteLine("  " + Say("… more rows not shown; --report FILE.csv lists every row."));
        }

        public void Dispose() => _csv?.Dispose();
    }

    /// <summary>Writes every row's outcome as CSV (UTF-8 with BOM, ';', as spreadsheets in ru/de locales open it).</summary>
    public sealed class CsvReport : IDisposable
    {
        private readonly StreamWriter _writer;

        public CsvReport(string path)
        {
            _writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            _writer.WriteLine("line;action;field;reason;client_id");
        }

        public void Write(ImportRowOutcome row) =>
            _writer.WriteLine(string.Join(';', row.Line.ToString(CultureInfo.InvariantCulture), row.Action.ToString().ToLowerInvariant(),
                Quote(row.Field), Quote(row.Reason is null ? row.Warning : ImportReasonText.Plain(row.Reason)), row.ClientId?.ToString(CultureInfo.InvariantCulture) ?? ""));

        // A field name or reason can carry the import file's own text, so it is guarded like every export's text.
        private static string Quote(string? text) => text is null ? "" : Exports.Formats.CsvExport.Field(text, ';');

        public void Dispose() => _writer.Dispose();
    }
}
