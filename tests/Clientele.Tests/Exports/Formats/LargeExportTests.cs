using System.Globalization;
using Clientele.Features.Exports.Formats;

namespace Clientele.Tests.Exports.Formats;

/// <summary>Alone, so that other tests' allocations do not blur the memory this one measures.</summary>
[CollectionDefinition(nameof(LargeExportTests), DisableParallelization = true)]
public sealed class LargeExportCollection;

[Collection(nameof(LargeExportTests))]
public sealed class LargeExportTests
{
    private const int Rows = 100_000;

    private static readonly ExportColumn[] Columns =
    [
        new("Клиент", ExportType.Text), new("Менеджер", ExportType.Text), new("Покупок", ExportType.Integer),
        new("Выручка", ExportType.Money), new("Доля", ExportType.Percent), new("Первая покупка", ExportType.Date),
        new("Изменён", ExportType.DateTime), new("Комментарий", ExportType.Text),
    ];

    /// <summary>Rows made on the fly, noting the live heap (after a full collection) at two points of the export.</summary>
    private static IEnumerable<object?[]> Generate(long[] heapAt)
    {
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i < Rows; i++)
        {
            if (i == 20_000) heapAt[0] = GC.GetTotalMemory(forceFullCollection: true);
            if (i == Rows - 1) heapAt[1] = GC.GetTotalMemory(forceFullCollection: true);
            yield return
            [
                $"ООО «Клиент {i}»", $"Менеджер {i % 40}", i % 97, i * 10.25m, (i % 1000) / 1000.0,
                start.AddDays(i % 2000), new DateTime(2025, 1, 1).AddMinutes(i), i % 3 == 0 ? "Позвонить в понедельник; уточнить \"скидку\"" : null,
            ];
        }
    }

    [Fact]
    public void A_hundred_thousand_rows_stream_to_xlsx_without_holding_them()
    {
        var heapAt = new long[2];
        var output = new WriteOnlyStream(keep: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        XlsxExport.Write(output, new ExportTable("Клиенты", Columns, Generate(heapAt)));

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var grown = heapAt[1] - heapAt[0];
        // Eighty thousand rows are some 35 MB of sheet XML: holding that, or a cell tree of them, grows the heap by
        // tens of megabytes; streaming keeps only the zip's and writer's buffers.
        Assert.True(grown < 8_000_000, $"The live heap grew by {grown / 1e6:F1} MB over 80,000 rows.");
        Assert.True(allocated < 200_000_000, $"Writing allocated {allocated / 1e6:F0} MB.");
        Assert.InRange(output.Written, 1_000_000, 20_000_000);
    }

    [Fact]
    public void A_hundred_thousand_rows_stream_to_csv_without_holding_them()
    {
        var heapAt = new long[2];
        var output = new WriteOnlyStream(keep: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        CsvExport.Write(output, new ExportTable("Клиенты", Columns, Generate(heapAt)), CultureInfo.GetCultureInfo("ru"));

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var grown = heapAt[1] - heapAt[0];
        Assert.True(grown < 4_000_000, $"The live heap grew by {grown / 1e6:F1} MB over 80,000 rows.");
        Assert.True(allocated < 200_000_000, $"Writing allocated {allocated / 1e6:F0} MB.");
        Assert.True(output.Written > 10_000_000, $"Only {output.Written} bytes were written.");
    }
}
