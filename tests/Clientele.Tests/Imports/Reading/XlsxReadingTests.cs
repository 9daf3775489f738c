using System.IO.Compression;
using Clientele.Features.Imports.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Clientele.Tests.Imports.Reading.ReadingCorpus;

namespace Clientele.Tests.Imports.Reading;

/// <summary>Workbooks as Excel writes them (shared and inline strings, date styles, gaps), and ZIPs that are no workbook.</summary>
public sealed class XlsxReadingTests : IDisposable
{
    private readonly ReadingCorpus corpus = new();

    public void Dispose() => corpus.Dispose();

    [Fact]
    public void A_chosen_sheet_with_Russian_headers_dates_numbers_and_gaps()
    {
        var path = WriteWorkbook(corpus.Path_("clients.bin"));

        var chosen = ReadAll(path, new TabularOptions(Sheet: "клиенты"));
        Assert.Equal("XLSX, sheet 'Клиенты'", chosen.Description);
        Assert.Equal(["Название", "Телефон", "Дата", "Сумма", "Column 5", "Город"], chosen.Header);
        Assert.Equal([2L, 4, 5], chosen.Rows.Select(r => r.Line));
        Assert.Equal(["ООО Ромашка", "+7 495 1234567", "2025-03-05", "1234.5", "", "Москва"], chosen.Rows[0].Values);
        Assert.Equal(["ИП Сидоров", "TRUE", "2025-03-05 18:00:00", "0.001", "", ""], chosen.Rows[1].Values);
        Assert.Equal("31.12.2024", chosen.Rows[2].Values[2]); // text that looks like a date stays as typed
        Assert.Equal("2024-12-31", chosen.Rows[2].Values[3]); // a custom dd.mm.yyyy format is a date
        Assert.Null(chosen.Rows[0].Error);
        Assert.Equal("a value in column G, right of the header's last column F", chosen.Rows[2].Error);

        Assert.Equal("XLSX, sheet 'Клиенты'", ReadAll(path, new TabularOptions(Sheet: "2")).Description);
        var first = ReadAll(path);
        Assert.Equal("XLSX, sheet 'Справка'", first.Description);
        Assert.Equal(["Примечание"], first.Header);
        Assert.Empty(first.Rows);

        Assert.Equal("no sheet 'Sheet9' in the workbook; it has: 'Справка', 'Клиенты'",
            Assert.Throws<ImportFileException>(() => TabularFiles.Open(path, new TabularOptions(Sheet: "Sheet9"))).Message);
    }

    [Fact]
    public void Truncated_renamed_and_bomb_archives_are_refused_clearly()
    {
        var good = File.ReadAllBytes(WriteWorkbook(corpus.Path_("good.xlsx")));
        Fails(corpus.Write("half.xlsx", good[..(good.Length / 2)]), "the file is a damaged or truncated ZIP archive", null);

        var notWorkbook = corpus.Path_("photos.xlsx");
        using (var zip = ZipFile.Open(notWorkbook, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            writer.Write("holiday photos");
        Fails(notWorkbook, "a ZIP archive, but not an Excel workbook", null);

        // 1 GB of zeros compresses to about 1 MB; written streaming, so the test itself stays small.
        var bomb = corpus.Path_("bomb.csv");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++) entry.Write(zeros);
        }
        Assert.True(new FileInfo(bomb).Length < 10 << 20);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Fails(bomb, "the workbook would unpack to 1024 MB; refused as a possible ZIP bomb", null);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");

        // Declared sizes can lie, so the bytes actually inflated are counted too: with the limit at exactly the declared
        // total, reading every part a second time runs past it.
        var goodPath = corpus.Path_("good.xlsx");
        List<string> parts;
        long declared;
        using (var zip = ZipFile.OpenRead(goodPath))
            (parts, declared) = (zip.Entries.Select(e => e.FullName).ToList(), zip.Entries.Sum(e => e.Length));
        using var package = XlsxPackage.Open(goodPath, unpackLimit: declared);
        var overrun = Assert.Throws<ImportFileException>(() =>
        {
            for (var pass = 0; pass < 2; pass++)
                foreach (var part in parts)
                    using (var stream = package.OpenPart(part)!)
                        stream.CopyTo(Stream.Null);
        });
        Assert.Equal($"the workbook unpacks to more than {declared >> 20} MB; refused as a possible ZIP bomb", overrun.Message);
        Assert.InRange(package.UnpackedBytes, declared + 1, 2 * declared);
    }

    /// <summary>Two sheets: "Справка" (a note) and "Клиенты" with the cells the reading test expects.</summary>
    private static string WriteWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd\\.mm\\.yyyy" }),
            new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
            new CellStyleFormats(new CellFormat { NumberFormatId = 14 }), // a date in cellStyleXfs must not shift the cellXfs
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }));

        AddSheet(document, "Справка", new Row(Text(shared, "A1", "Примечание")) { RowIndex = 1 });
        AddSheet(document, "Клиенты",
            new Row(Text(shared, "A1", "Название"), Inline("B1", "Телефон"), Text(shared, "C1", "Дата"), Text(shared, "D1", "Сумма"),
                Text(shared, "F1", "Город")) { RowIndex = 1 },
            new Row(Text(shared, "A2", "ООО Ромашка"), Inline("B2", "+7 495 1234567"), Number("C2", "45721", 1), Number("D2", "1234.5"),
                Text(shared, "F2", "Москва")) { RowIndex = 2 },
            new Row() { RowIndex = 3 },
            new Row(Text(shared, "A4", "ИП Сидоров"), new Cell { CellReference = "B4", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                Number("C4", "45721.75", 2), Number("D4", "1E-3")) { RowIndex = 4 },
            new Row(Text(shared, "A5", "Z"), Text(shared, "C5", "31.12.2024"), Number("D5", "45657", 3), Text(shared, "G5", "beyond")) { RowIndex = 5 });
        return path;
    }

    private static void AddSheet(SpreadsheetDocument document, string name, params Row[] rows)
    {
        var workbook = document.WorkbookPart!;
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData(rows));
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.Count() + 1, Id = workbook.GetIdOfPart(part) });
    }

    private static Cell Text(SharedStringTablePart shared, string reference, string text)
    {
        shared.SharedStringTable.Append(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(shared.SharedStringTable.Count() - 1) };
    }

    private static Cell Inline(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(string reference, string value, uint style = 0) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };
}
