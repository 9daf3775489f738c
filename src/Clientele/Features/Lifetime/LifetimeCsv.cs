using System.Globalization;
using System.Text;
using Clientele.Analytics.Lifetime;
using Clientele.Infrastructure.Cli;
using Sylvan.Data.Csv;

namespace Clientele.Features.Lifetime;

/// <summary>
/// Reads the two CSV inputs of <c>clientele clv fit</c>: comma-separated, a header line naming the columns (any order),
/// RFC 4180 quoting, invariant numbers. Every problem is a <see cref="CliException"/> naming the file, line and column.
/// </summary>
public static class LifetimeCsv
{
    public sealed record SummaryFile(LifetimeSummary[] Clients, bool HasMonetaryValue);

    /// <summary>customer_id, frequency, recency, T and optionally monetary_value.</summary>
    public static SummaryFile ReadSummary(string path)
    {
        var (header, rows) = Read(path);
        var id = Column(path, header, "customer_id");
        var frequency = Column(path, header, "frequency");
        var recency = Column(path, header, "recency");
        var age = Column(path, header, "T");
        var value = header.IndexOf("monetary_value");
        var clients = new List<LifetimeSummary>();
        foreach (var (line, fields) in rows)
        {
            _ = Field(path, line, fields, header, id);
            var x = Number(path, line, fields, header, frequency);
            var tx = Number(path, line, fields, header, recency);
            var t = Number(path, line, fields, header, age);
            var m = value < 0 ? 0 : Number(path, line, fields, header, value);
            if (x < 0 || tx < 0 || t < 0 || m < 0)
                throw new CliException($"{path} line {line}: frequency, recency, T and monetary_value must not be negative.");
            if (tx > t)
                throw new CliException($"{path} line {line}: recency {Format(tx)} is beyond T {Format(t)}.");
            clients.Add(new LifetimeSummary(x, tx, t, m));
        }
        return new SummaryFile([.. clients], value >= 0);
    }

    /// <summary>A transaction log: the customer, date and optional amount columns the user names.</summary>
    public static List<Transaction> ReadTransactions(string path, string customerColumn, string dateColumn, string? amountColumn)
    {
        var (header, rows) = Read(path);
        var customer = Column(path, header, customerColumn);
        var date = Column(path, header, dateColumn);
        var amount = amountColumn is null ? -1 : Column(path, header, amountColumn);
        var transactions = new List<Transaction>();
        foreach (var (line, fields) in rows)
        {
            var who = Field(path, line, fields, header, customer);
            if (who.Length == 0)
                throw new CliException($"{path} line {line}, column {header[customer]}: the customer is empty.");
            var day = ParseDate(Field(path, line, fields, header, date))
                      ?? throw new CliException($"{path} line {line}, column {header[date]}: '{fields[date]}' is not a date (yyyy-MM-dd or dd.MM.yyyy).");
            decimal? sum = null;
            if (amount >= 0)
            {
                var text = Field(path, line, fields, header, amount);
                if (text.Length > 0)
                    sum = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : throw new CliException($"{path} line {line}, column {header[amount]}: '{text}' is not a number.");
            }
            transactions.Add(new Transaction(who, day, sum));
        }
        return transactions;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "dd.MM.yyyy HH:mm:ss"];

    public static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;

    private static (List<string> Header, IEnumerable<(int Line, List<string> Fields)> Rows) Read(string path)
    {
        if (!File.Exists(path))
            throw new CliException($"{path}: no such file.");
        // The UTF-8 reader drops a BOM as spreadsheets write it, so it is not part of the first column's name.
        var csv = CsvDataReader.Create(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), new CsvDataReaderOptions
        {
            Delimiter = ',',
            HasHeaders = false,
            Comment = '\0', // '#' would start a comment by default; here it is data
        });
        var next = 1;
        if (!TryRead(path, csv, ref next, out _) || csv.GetRawRecordSpan().Trim().Length == 0)
        {
            csv.Dispose();
            throw new CliException($"{path}: empty; a header line naming the columns is required.");
        }
        var header = Fields(csv).Select(name => name.Trim()).ToList();
        return (header, Rows(path, csv, next));

        static IEnumerable<(int, List<string>)> Rows(string path, CsvDataReader csv, int next)
        {
            using (csv)
            {
                while (TryRead(path, csv, ref next, out var line))
                    if (csv.GetRawRecordSpan().Trim().Length > 0)
                        yield return (line, Fields(csv));
            }
        }
    }

    /// <summary>The next record and the physical line it starts on (quoted fields may hold newlines).</summary>
    private static bool TryRead(string path, CsvDataReader csv, ref int next, out int line)
    {
        line = next;
        try
        {
            if (!csv.Read()) return false;
        }
        catch (CsvFormatException e)
        {
            throw new CliException($"{path} line {line}: not readable as CSV ({e.Message}).");
        }
        next += Math.Max(1, csv.GetRawRecordSpan().Count('\n'));
        return true;
    }

    private static List<string> Fields(CsvDataReader csv)
    {
        var fields = new List<string>(csv.RowFieldCount);
        for (var i = 0; i < csv.RowFieldCount; i++) fields.Add(csv.GetString(i));
        return fields;
    }

    private static int Column(string path, List<string> header, string name)
    {
        var index = header.IndexOf(name);
        return index >= 0 ? index : throw new CliException($"{path}: no column '{name}' in the header (it has: {string.Join(", ", header)}).");
    }

    private static string Field(string path, int line, List<string> fields, List<string> header, int column) =>
        column < fields.Count ? fields[column].Trim() : throw new CliException($"{path} line {line}: no value in column {header[column]} (the line has {fields.Count} fields).");

    private static double Number(string path, int line, List<string> fields, List<string> header, int column)
    {
        var text = Field(path, line, fields, header, column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliException($"{path} line {line}, column {header[column]}: '{text}' is not a number.");
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
