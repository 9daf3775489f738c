using System.Globalization;
using System.Text;

namespace Clientele.Features.Imports.Cli;

/// <summary>What the import command prints: the counts, the first rows worth reading, and the full CSV report.</summary>
public static class ImportOutput
{
    public const int RowsShown = 50;

    public static void PrintReport(TextWriter output, ImportReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"File: {report.FileDescription}; {report.RowsTotal.ToString("N0", c)} rows.");
        if (report.Map.Count > 0) output.WriteLine("Columns: " + string.Join("; ", report.Map.Select(p => $"{p.Key} → {p.Value}")));
        output.WriteLine(Counts(report.Create, report.Update, report.Merge, report.Skip, report.Reject, report.Review));
        if (report.Warnings > 0) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warnings {report.Warnings:N0} (kept, check them)"));
        foreach (var row in report.Rows.Take(RowsShown)) output.WriteLine("  " + Describe(row));
        var more = report.Rows.Count > RowsShown || report.RowsTruncated;
        if (more) output.WriteLine($"  … more rows not shown; --report FILE.csv lists every row.");
    }

    public static string Counts(long create, long update, long merge, long skip, long reject, long review) =>
        string.Create(CultureInfo.InvariantCulture,
            $"create {create:N0}, update {update:N0}, merge {merge:N0}, skip {skip:N0}, reject {reject:N0}, review {review:N0}");

    public static string Describe(ImportRowOutcome row)
    {
        var what = row.Action.ToString().ToLowerInvariant();
        var field = row.Field is null ? "" : $" {row.Field}:";
        var reason = row.Reason is null ? "" : $"{field} {ImportReasonText.Plain(row.Reason)}";
        var warning = row.Warning is null ? "" : $" (warning: {row.Warning})";
        return string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {what}{reason}{warning}");
    }

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
            if (_more) output.WriteLine("  … more rows not shown; --report FILE.csv lists every row.");
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
