using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Features.Imports;
using Clientele.Tests.Imports.Engine;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Imports;

/// <summary>
/// What the import says in the user's language (ADR 034): each file reader's refusal of a file it cannot read (CSV, vCard,
/// XLSX) through the API and the command line, with the database unchanged, and the command's summary of a purchase import.
/// </summary>
public abstract partial class ImportWordsTests(AppFixture fixture) : ApiTest(fixture)
{
    static ImportWordsTests() =>
        Environment.SetEnvironmentVariable(ImportUploads.FolderVariable, Path.Combine(Path.GetTempPath(), "clientele-test-uploads"));

    /// <summary>Uploads <paramref name="file"/> as a client import in <paramref name="language"/>; the answer's problem detail.</summary>
    private async Task<string> RefusedUploadAsync(byte[] file, string fileName, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports?kind=clients&fileName={fileName}&region=RU")
        {
            Content = new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var answer = await JsonAsync(await Http.SendAsync(request), HttpStatusCode.BadRequest);
        return answer.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_CSV_with_too_many_columns_is_refused_in_Russian_and_changes_nothing()
    {
        var header = string.Join(';', Enumerable.Range(1, 1_001).Select(i => $"c{i}"));
        var before = await ImportKit.SnapshotAsync(App);

        var detail = await RefusedUploadAsync(Encoding.UTF8.GetBytes(header + "\nA;B\n"), "wide.csv", "ru");

        Assert.Equal("строка 1: столбцов: 1001, допустимо не более 1000", detail);
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
    }

    [Fact]
    public async Task A_vCard_without_its_end_is_refused_in_German_and_changes_nothing()
    {
        var before = await ImportKit.SnapshotAsync(App);

        var detail = await RefusedUploadAsync(Encoding.UTF8.GetBytes("BEGIN:VCARD\nVERSION:3.0\nFN:Anna Beispiel\n"), "contacts.vcf", "de");

        Assert.Equal("Zeile 1: BEGIN:VCARD ohne END:VCARD", detail);
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
    }

    [Fact]
    public async Task A_damaged_workbook_is_refused_in_the_users_language_by_the_API_and_the_command_line_and_changes_nothing()
    {
        // A ZIP's signature and nothing a workbook needs after it.
        var damaged = "PK\u0003\u0004"u8.ToArray().Concat(Enumerable.Repeat((byte)0x5a, 64)).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"clientele-damaged-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, damaged);
        var before = await ImportKit.SnapshotAsync(App);

        Assert.Equal("the file is a damaged or truncated ZIP archive, not a readable workbook; save it again as .xlsx",
            await RefusedUploadAsync(damaged, "sales.xlsx", "en"));
        var cli = await CliProcess.RunAsync(["import", "clients", path, "--db", App.DbSetting, "--culture", "ru"]);

        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("error: файл не читается: файл — повреждённый или обрезанный ZIP-архив, а не читаемая книга; сохраните его заново как .xlsx",
            cli.StderrLines);
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
        File.Delete(path);
    }

    [Fact]
    public async Task The_command_line_sums_up_a_purchase_import_and_its_rollback_in_German()
    {
        var email = Unique("words-") + "@example.de";
        await CreateClientAsync(Unique("Wortkunde "), new { email });
        var csv = ImportKit.WriteCsv("client_email;date;total", $"{email};2025-03-05;120,50", $"{email};2025-04-07;80");

        var run = await CliProcess.RunAsync(["import", "purchases", csv, "--db", App.DbSetting, "--culture", "de"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var done = DoneInGerman().Match(run.Stdout);
        Assert.True(done.Success, run.ToString());
        var rollback = await CliProcess.RunAsync(["import", "rollback", done.Groups[1].Value, "--db", App.DbSetting, "--culture", "de"]);
        Assert.Equal($"Import {done.Groups[1].Value} rückgängig gemacht.", Assert.Single(rollback.StdoutLines));
        File.Delete(csv);
    }

    [GeneratedRegex(@"Import ([0-9]+) abgeschlossen: anlegen 2, aktualisieren 0, zusammenführen 0, überspringen 0, ablehnen 0, prüfen 0\. Rückgängig mit: clientele import rollback \1")]
    private static partial Regex DoneInGerman();
}

public sealed class ImportWordsTestsOnSqlite(SqliteApp fixture) : ImportWordsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ImportWordsTestsOnPostgres(PostgresApp fixture) : ImportWordsTests(fixture), IClassFixture<PostgresApp>;
