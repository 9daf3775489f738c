using System.Text;
using Clientele.Features.Imports.Reading;
using static Clientele.Tests.Imports.Reading.ReadingCorpus;

namespace Clientele.Tests.Imports.Reading;

/// <summary>CSV as Excel, 1C and LibreOffice write it in Russia, Germany and elsewhere, and as it arrives broken.</summary>
public sealed class CsvReadingTests : IDisposable
{
    private readonly ReadingCorpus corpus = new();

    public void Dispose() => corpus.Dispose();

    [Fact]
    public void Utf8_with_and_without_BOM_semicolon_comma_tab_and_embedded_newlines()
    {
        const string text = "Название;Телефон;Город\r\nООО \"Ромашка\";+7 495 123-45-67;Москва\r\n\"Иванов; Пётр\";\"8 (916)\r\n111-22-33\";\"Санкт-\"\"Петербург\"\"\"\r\n\r\nАО Берёза;;Тверь\r\n";
        var withBom = ReadAll(corpus.Write("bom.csv", text, new UTF8Encoding(false), bom: true));
        Assert.Equal("CSV, UTF-8 with BOM, ';'", withBom.Description);
        Assert.Equal(["Название", "Телефон", "Город"], withBom.Header);
        Assert.Equal([2L, 3, 6], withBom.Rows.Select(r => r.Line));
        Assert.Equal(["Иванов; Пётр", "8 (916)\r\n111-22-33", "Санкт-\"Петербург\""], withBom.Rows[1].Values);
        Assert.Equal(["АО Берёза", "", "Тверь"], withBom.Rows[2].Values);
        Assert.All(withBom.Rows, r => Assert.Null(r.Error));

        var comma = ReadAll(corpus.Write("comma.csv", "name,phone,city\nAcme,\"1,5\",Berlin\nBeta GmbH,2,\"Köln\nDeutz\"\nGamma,3,Bonn\n", new UTF8Encoding(false)));
        Assert.Equal("CSV, UTF-8, ','", comma.Description);
        Assert.Equal([2L, 3, 5], comma.Rows.Select(r => r.Line));
        Assert.Equal("1,5", comma.Rows[0].Values[1]);

        var tab = ReadAll(corpus.Write("tab.tsv", "name\tphone\nA\t1\nB\t2\n", new UTF8Encoding(false)));
        Assert.Equal("CSV, UTF-8, tab", tab.Description);
        Assert.Equal(["B", "2"], tab.Rows[1].Values);

        var pipe = ReadAll(corpus.Write("pipe.csv", "name|phone\nA|1\n", new UTF8Encoding(false)), new TabularOptions(Delimiter: '|'));
        Assert.Equal(["A", "1"], pipe.Rows[0].Values);
    }

    [Fact]
    public void Windows_1251_and_1252_are_told_apart_by_their_letters()
    {
        var russian = ReadAll(corpus.Write("1c.csv", "Контрагент;ИНН;Город\r\nООО Ромашка;7707083893;Москва\r\nИП Сидоров;500100732259;Тверь\r\n", Cp(1251)));
        Assert.Equal("CSV, Windows-1251, ';'", russian.Description);
        Assert.Equal(["Контрагент", "ИНН", "Город"], russian.Header);
        Assert.Equal(["ИП Сидоров", "500100732259", "Тверь"], russian.Rows[1].Values);

        var german = ReadAll(corpus.Write("excel-de.csv", "Firma;Straße;Ort\r\nMüller & Söhne GmbH;Hauptstraße 5;Köln\r\nBäckerei Groß;Am Wäldchen 1;München\r\n", Cp(1252)));
        Assert.Equal("CSV, Windows-1252, ';'", german.Description);
        Assert.Equal(["Firma", "Straße", "Ort"], german.Header);
        Assert.Equal(["Bäckerei Groß", "Am Wäldchen 1", "München"], german.Rows[1].Values);

        // The user can say which encoding it is; then it is used as said.
        var forced = ReadAll(corpus.Path_("1c.csv"), new TabularOptions(Encoding: "windows-1251"));
        Assert.Equal("Москва", forced.Rows[0].Values[2]);
    }

    [Fact]
    public void Wrong_encoding_is_a_located_error_not_mojibake()
    {
        // Forced UTF-8 over 1251 bytes: the header is ASCII, the first Cyrillic byte is on line 3.
        var path = corpus.Write("forced.csv", "name;city\r\nAcme;Berlin\r\nРомашка;Москва\r\n", Cp(1251));
        Fails(path, "bytes not valid UTF-8; save the file as UTF-8 or pick windows-1251", 3, new TabularOptions(Encoding: "utf-8"));

        // Valid UTF-8 for the first 64 KB, then a 1251 line far below: detection chose UTF-8, the reader still stops there.
        var text = new StringBuilder("name;city\n");
        for (var i = 0; i < 3000; i++) text.Append("Клиент ").Append(i).Append(";Москва\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(Cp(1251).GetBytes("Ромашка;Тверь\n")).ToArray();
        Fails(corpus.Write("late.csv", bytes), "bytes not valid UTF-8", 3002);

        Assert.Contains("unknown encoding 'klingon'", Assert.Throws<ImportFileException>(() => TabularFiles.Open(path, new TabularOptions(Encoding: "klingon"))).Message);
    }

    [Fact]
    public void Header_is_trimmed_named_and_unique_and_rows_are_checked_against_it()
    {
        var read = ReadAll(corpus.Write("header.csv", " name ;;name;phone\nA;x;B;1\nC;y;D;2;extra\nE\n;;;\n", new UTF8Encoding(false)));
        Assert.Equal(["name", "Column 2", "name (2)", "phone"], read.Header);
        Assert.Equal([2L, 3, 4], read.Rows.Select(r => r.Line)); // the ";;;" row is empty and skipped
        Assert.Null(read.Rows[0].Error);
        Assert.Equal("5 fields where the header has 4", read.Rows[1].Error);
        Assert.Equal(["E", "", "", ""], read.Rows[2].Values);
        Assert.Null(read.Rows[2].Error);
        // '#' is a house number here, not a comment.
        Assert.Equal("#5", ReadAll(corpus.Write("hash.csv", "name;street\n#5;x\n", new UTF8Encoding(false))).Rows[0].Values[0]);
    }

    [Fact]
    public void Mixed_delimiters_unterminated_quotes_and_truncation_are_located()
    {
        Fails(corpus.Write("mixed.csv", "name;phone;city\nA;1;X\nB,2,Y\n", new UTF8Encoding(false)),
            "the file mixes delimiters: line 1 uses ';', this line uses ','", 3);

        // A quote opened on line 3 and never closed: the error points there, not at the end of the file.
        Fails(corpus.Write("unterminated.csv", "name;note\nA;ok\nB;\"never closed\nC;x\nD;y\n", new UTF8Encoding(false)),
            "a quote opened here is not closed properly", 3);
        // Closed by a stray quote further down: still reported at the line where it opened.
        Fails(corpus.Write("stray.csv", "name;note\nA;\"open\nB;x\nC;\"y\"\n", new UTF8Encoding(false)),
            "a quote opened here is not closed properly", 2);

        // A file cut off in the middle of a quoted field.
        var whole = Encoding.UTF8.GetBytes("name;note\nA;\"first\nsecond\"\nB;\"third line that was cut");
        Fails(corpus.Write("truncated.csv", whole), "a quote opened here is not closed properly", 4);
    }

    [Fact]
    public void Empty_binary_and_ten_thousand_column_files_are_refused()
    {
        Fails(corpus.Write("empty.csv", []), "the file is empty", null);
        Fails(corpus.Write("blank.csv", "\r\n\r\n  \r\n", Encoding.ASCII), "the file has no header line", 1);
        var garbage = new byte[200_000];
        new Random(7).NextBytes(garbage);
        Fails(corpus.Write("garbage.csv", garbage), "binary file, not CSV, XLSX or vCard", null);
        // No NUL at all, but full of control bytes as images and executables are.
        Fails(corpus.Write("image.csv", [0x89, .. "PNG\r\n\x1a\n"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i % 30 + 1))]),
            "binary file", null);

        var wide = string.Join(';', Enumerable.Range(1, 10_000).Select(i => $"c{i}")) + "\n" + string.Join(';', Enumerable.Range(1, 10_000)) + "\n";
        Fails(corpus.Write("wide.csv", wide, Encoding.ASCII), "10000 columns, at most 1000", 1);
    }

    [Fact]
    public void A_100_MB_field_is_refused_at_its_line_in_bounded_memory_and_time()
    {
        var path = corpus.Path_("huge-field.csv");
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.Write("name;note\nA;short\nB;\""u8);
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'x');
            for (var i = 0; i < 100; i++) file.Write(chunk);
            file.Write("\"\nC;after\n"u8);
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Fails(path, "this record runs past 1 MB", 3);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(allocated < 150L << 20, $"allocated {allocated >> 20} MB reading a 100 MB field");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
        Assert.Equal("line 3: this record runs past 1 MB: a field larger than 1 MB, or a quote opened here that is never closed", error.Located);

        // Just over the field limit but inside the record buffer: named by its column.
        var big = corpus.Write("big-field.csv", "name;note\nA;" + new string('y', CsvTabularReader.MaxFieldChars + 10) + "\n", Encoding.ASCII);
        Assert.Equal("line 2, column 2: the field holds more than 1 MB; a field may hold at most 1 MB", Fails(big, "more than 1 MB", 2).Located);
    }
}
