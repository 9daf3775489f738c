using System.IO.Compression;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Imports;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// A company's Excel list with Russian headers goes in through the import page: the columns are matched by header,
/// the dry run names the look-alike of a client already in the base, the import runs in the background, the look-alike
/// is reviewed and merged on the duplicates page, and the client list exported to Excel holds the merged result.
/// </summary>
public sealed class ImportJourneyTests : IAsyncLifetime
{
    private RunningApp _app = default!;
    private BrowserLease _browser = default!;
    private readonly string _work = Directory.CreateTempSubdirectory("clientele-import-browser-").FullName;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(ImportUploads.FolderVariable, Path.Combine(_work, "uploads"));
        _app = await RunningApp.StartAsync();
        _browser = await Browser.LeaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private string WriteXlsx()
    {
        var path = Path.Combine(_work, "клиенты.xlsx");
        var columns = new[] { "Наименование", "Телефон", "Эл. почта", "Город", "Контактное лицо" }.Select(h => new ExportColumn(h, ExportType.Text)).ToList();
        object?[][] rows =
        [
            ["ООО Сибирьпром", "+7 913 555-12-12", "info@sibprom.ru", "г. Казань", "Иван Петров"],
            ["Новая Волна", "8 (921) 000-11-22", "wave@volna.ru", "Санкт-Петербург", "Анна Смирнова"],
            ["ТехноЛюкс", "+7 916 123-45-67", "tech@luxe.ru", "Москва", ""],
        ];
        using var file = File.Create(path);
        XlsxExport.Write(file, new ExportTable("Клиенты", columns, rows));
        return path;
    }

    [Fact]
    public async Task An_xlsx_with_russian_headers_is_imported_its_look_alike_merged_and_the_result_exported()
    {
        var existing = await CreateClientAsync("Сибирьпром", "Казань");
        var page = await (await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ru-RU", AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1300, Height = 1000 },
        })).NewPageAsync();
        await Browser.SignInAsync(page, _app.BaseUrl, "/import");

        // No native select or file input in sight (issue 20): the choices are Radzen dropdowns bound to their labels, the
        // file input is the app's picker, whose button-like label names it.
        await Expect(page.GetByLabel("Выбрать файл для импорта")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Что", new PageGetByLabelOptions { Exact = true })).ToHaveCountAsync(1);
        await Expect(page.Locator("#import-choose select, #import-choose input[type=file]:not(.file-picker-input)")).ToHaveCountAsync(0);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("import-choose-1300-ru.png") });
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the import's first step scrolls sideways on a phone");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("import-choose-390-ru.png"), FullPage = true });
        await page.SetViewportSizeAsync(1300, 1000);
        await page.SetInputFilesAsync("#import-file", WriteXlsx());
        await Expect(page.Locator("#import-report")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Every column was matched by its Russian header, and the look-alike of the base's client is named before anything is written.
        await Expect(page.Locator("#map-0-choice")).ToHaveAttributeAsync("data-field", "name");
        await Expect(page.Locator("#map-1-choice")).ToHaveAttributeAsync("data-field", "phone");
        await Expect(page.Locator("#map-2-choice")).ToHaveAttributeAsync("data-field", "email");
        await Expect(page.Locator("#map-3-choice")).ToHaveAttributeAsync("data-field", "city");
        await Expect(page.Locator("#map-4-choice")).ToHaveAttributeAsync("data-field", "contact_name");
        await Expect(page.Locator("#count-create b")).ToHaveTextAsync("2");
        await Expect(page.Locator("#count-review b")).ToHaveTextAsync("1");
        await Expect(page.Locator("#count-reject b")).ToHaveTextAsync("0");
        await Expect(page.Locator("#import-rows tr.row-review")).ToHaveAttributeAsync("data-line", "2");
        // The look-alike row names the client in the base it resembles, and links to it.
        var resembled = page.Locator("#import-rows tr.row-review a.import-client-link");
        await Expect(resembled).ToHaveTextAsync("Сибирьпром");
        await Expect(resembled).ToHaveAttributeAsync("href", $"/clients/{existing}");
        await Expect(page.Locator("#import-rows tr.row-review")).ToContainTextAsync("похож на клиента из того же города");
        Assert.Equal(1, await CountClientsAsync());
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("import-checked-ru.png"), FullPage = true });

        await page.ClickAsync("#import-run");
        await Expect(page.Locator("#import-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#import-status")).ToHaveTextAsync("Импортирован");
        Assert.Equal(4, await CountClientsAsync());

        await page.ClickAsync("#review-duplicates");
        await page.WaitForURLAsync("**/duplicates?import=*");
        await Browser.WaitUntilInteractiveAsync(page);
        var pair = page.Locator(".duplicate-pair");
        await Expect(pair).ToHaveCountAsync(1);
        await Expect(pair).ToContainTextAsync("ООО Сибирьпром");
        var pairId = await pair.GetAttributeAsync("data-id");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("import-duplicate-review-ru.png"), FullPage = true });
        var keepsExisting = await page.Locator($"#merge-keep-left-{pairId}").Locator("xpath=ancestor::table").Locator("thead th").Nth(1).InnerTextAsync() == "Сибирьпром";
        var keepButton = keepsExisting ? $"#merge-keep-left-{pairId}" : $"#merge-keep-right-{pairId}";
        // The first click asks: the preview says which value each field keeps, and nothing is written before "merge".
        await page.ClickAsync(keepButton);
        var preview = page.Locator("#merge-preview");
        await Expect(preview.Locator("h3")).ToHaveTextAsync("Объединить «ООО Сибирьпром» с «Сибирьпром»?");
        await Expect(preview.Locator("tr[data-field=Phone] td.merge-result")).ToContainTextAsync("+79135551212 из «ООО Сибирьпром»");
        await Expect(preview.Locator("tr[data-field=Name] td.merge-result")).ToHaveTextAsync("Сибирьпром остаётся");
        await Expect(page.Locator("#merge-moving")).ToContainTextAsync("контактных лиц — 1");
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("merge-preview-ru.png"), FullPage = true });
        Assert.Equal(4, await CountClientsAsync());
        await page.ClickAsync("#merge-confirm");
        await Expect(page.Locator("#dup-message")).ToContainTextAsync("Сибирьпром");
        await Expect(page.Locator(".duplicate-pair")).ToHaveCountAsync(0);

        // The kept client took the imported phone, e-mail and contact person; the imported copy is gone.
        var kept = await ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == existing));
        Assert.Equal(("+79135551212", "info@sibprom.ru"), (kept.Phone, kept.Email));
        Assert.Equal(3, await CountClientsAsync());
        Assert.Equal(1, await ReadAsync(db => db.ContactPersons.CountAsync(p => p.ClientId == existing && p.Name == "Иван Петров")));

        await page.GotoAsync(_app.BaseUrl + "/clients");
        await Browser.WaitUntilInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#clients-xlsx"));
        var exported = Path.Combine(_work, "export.xlsx");
        await download.SaveAsAsync(exported);
        var text = SheetText(exported);
        Assert.Contains("Сибирьпром", text);
        Assert.Contains("info@sibprom.ru", text);
        Assert.Contains("Новая Волна", text);
        Assert.Contains("ТехноЛюкс", text);
        Assert.DoesNotContain("ООО Сибирьпром", text);

        // The merge is undone from the list of recent merges: the imported copy is back with its contact person.
        await page.GotoAsync(_app.BaseUrl + "/duplicates");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.Locator("#recent-merges button[id^=undo-merge-]").First.ClickAsync();
        await Expect(page.Locator("#dup-message")).ToHaveTextAsync("Объединение «ООО Сибирьпром» с «Сибирьпром» отменено.");
        Assert.Equal(4, await CountClientsAsync());
        Assert.Equal(1, await ReadAsync(db => db.ContactPersons.CountAsync(p => p.Name == "Иван Петров" && p.ClientId != existing)));
    }

    /// <summary>All text of the workbook's sheets and shared strings, to look for values without caring how they were stored.</summary>
    private static string SheetText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return string.Join('\n', zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || e.FullName == "xl/sharedStrings.xml")
            .Select(e => { using var reader = new StreamReader(e.Open()); return reader.ReadToEnd(); }));
    }

    private Task<int> CountClientsAsync() => ReadAsync(db => db.Clients.CountAsync());

    private async Task<T> ReadAsync<T>(Func<ClienteleDb, Task<T>> read)
    {
        await using var scope = _app.Services.CreateSystemScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
    }

    private async Task<long> CreateClientAsync(string name, string city)
    {
        await using var scope = _app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var outcome = await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = name, City = city, Status = ClientStatus.Active }, CancellationToken.None);
        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        return outcome.Value!.Id;
    }
}
