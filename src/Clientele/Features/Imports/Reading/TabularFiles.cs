using System.Text;
using Sylvan.Data.Csv;

namespace Clientele.Features.Imports.Reading;

/// <summary>Opens an import file by what its bytes are (XLSX, vCard, else CSV), not by its name.</summary>
public static class TabularFiles
{
    // SKELETON: plain UTF-8 CSV with a delimiter guessed from the first line. The files helper replaces this with
    // encoding and delimiter detection, XLSX and vCard readers and the limits that keep bad files bounded.
    public static ITabularReader Open(string path, TabularOptions? options = null)
    {
        options ??= new TabularOptions();
        var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = text.ReadLine() ?? "";
        text.BaseStream.Position = 0;
        text.DiscardBufferedData();
        var delimiter = options.Delimiter ?? new[] { ';', ',', '\t' }.MaxBy(d => first.Count(c => c == d));
        return new SimpleCsvReader(CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = true }), text.BaseStream);
    }

    private sealed class SimpleCsvReader(CsvDataReader csv, Stream stream) : ITabularReader
    {
        private long row = 1;
        public IReadOnlyList<string> Header { get; } = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
        public string Description => "CSV";
        public string this[int column] => column < csv.RowFieldCount ? csv.GetString(column) : "";
        public long Line => row;
        public string? RowError => csv.RowFieldCount > Header.Count ? $"{csv.RowFieldCount} fields where the header has {Header.Count}" : null;
        public double Progress => stream.Length == 0 ? 1 : (double)stream.Position / stream.Length;

        public bool Read()
        {
            row++;
            return csv.Read();
        }

        public void Dispose() => csv.Dispose();
    }
}
