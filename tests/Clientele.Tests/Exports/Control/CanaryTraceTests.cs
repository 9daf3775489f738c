using System.Globalization;
using System.Net;
using Clientele.Features.Exports.Control;
using Clientele.Features.Identity;
using Clientele.Tests.Exports.Formats;
using Clientele.Tests.Infrastructure;
using static Clientele.Tests.Exports.Control.ExportControlKit;

namespace Clientele.Tests.Exports.Control;

/// <summary>Every export is recorded and watermarked: canary clients among the rows trace back to the export, its user and day.</summary>
public abstract class CanaryTraceTests(AppFixture fixture) : ApiTest(fixture)
{
    private ExportControlKit Control => new(App);

    [Fact]
    public async Task A_csv_export_carries_a_canary_whose_email_and_phone_trace_back_to_the_export_user_and_date()
    {
        await Control.SetThresholdAsync(ExportSettings.DefaultThreshold);
        var manager = await Control.UserAsync(EmployeeRole.Manager, "Marta Manager");
        var (tag, ids) = await Control.ClientsAsync(manager.Employee.Id, 3);
        var before = DateTime.UtcNow.AddSeconds(-5);

        var csv = await ReadCsvAsync(await manager.Http.GetAsync($"/api/v1/clients/export?format=csv&tag={tag}"));

        Assert.True(ExportIds.IsWellFormed(csv.ExportId), $"the file name should end with the export id, not '{csv.ExportId}'");
        var canaries = await Control.CanariesAsync(csv.ExportId);
        Assert.Single(canaries);
        var canary = canaries[0];
        Assert.Equal(4, csv.Rows.Count);
        var canaryRow = Assert.Single(csv.Rows, r => r[csv.Column("E-mail")] == canary.Email);
        Assert.Equal(canary.Name, canaryRow[csv.Column("Name")]);
        Assert.Equal(canary.Phone, canaryRow[csv.Column("Phone")]);
        Assert.EndsWith("@" + ExportSettings.DefaultCanaryDomain, canary.Email, StringComparison.Ordinal);
        Assert.Matches(@"^\+447\d{9}$", canary.Phone);
        Assert.NotEqual(csv.Rows[0], canaryRow);
        var realIds = csv.Rows.Where(r => r != canaryRow).Select(r => long.Parse(r[csv.Column("Client id")], CultureInfo.InvariantCulture));
        Assert.Equal(ids.Order(), realIds.Order());
        Assert.DoesNotContain(canaryRow[csv.Column("Client id")], ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

        var byEmail = await GetJsonAsync($"/api/v1/exports/trace?value={Uri.EscapeDataString(canary.Email.ToUpperInvariant())}");
        Assert.Equal(csv.ExportId, byEmail.GetProperty("exportId").GetString());
        Assert.Equal(manager.Employee.Id, byEmail.GetProperty("employeeId").GetInt64());
        Assert.Equal("Marta Manager", byEmail.GetProperty("employeeName").GetString());
        Assert.Equal($"?format=csv&tag={tag}", byEmail.GetProperty("filter").GetString());
        Assert.Equal((3, 3), (byEmail.GetProperty("rowCount").GetInt32(), byEmail.GetProperty("clientCount").GetInt32()));
        var at = byEmail.GetProperty("at").GetDateTime();
        Assert.InRange(at, before, DateTime.UtcNow.AddSeconds(5));
        // The number as someone would type it from a printed list.
        var spaced = $"{canary.Phone[..3]} {canary.Phone[3..7]} {canary.Phone[7..]}";
        var byPhone = await GetJsonAsync($"/api/v1/exports/trace?value={Uri.EscapeDataString(spaced)}");
        Assert.Equal(csv.ExportId, byPhone.GetProperty("exportId").GetString());

        var cli = await CliProcess.RunAsync(["export", "trace", canary.Email, "--db", App.DbSetting]);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains($"Export   {csv.ExportId}", cli.StdoutLines);
        Assert.Contains(cli.StdoutLines, l => l.StartsWith("User", StringComparison.Ordinal) && l.Contains("Marta Manager", StringComparison.Ordinal)
            && l.Contains(manager.Employee.Email!, StringComparison.Ordinal));
        Assert.Contains($"Date     {at:yyyy-MM-dd HH:mm:ss} UTC", cli.StdoutLines);
        Assert.Contains("Kind     /api/v1/clients/export (csv)", cli.StdoutLines);
        var byPhoneCli = await CliProcess.RunAsync(["export", "trace", spaced, "--db", App.DbSetting]);
        Assert.True(byPhoneCli.ExitCode == 0, byPhoneCli.ToString());
        Assert.Contains($"Export   {csv.ExportId}", byPhoneCli.StdoutLines);

        var mine = await JsonAsync(await manager.Http.GetAsync("/api/v1/exports"));
        var listed = Assert.Single(mine.EnumerateArray());
        Assert.Equal((csv.ExportId, "Done"), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_unknown_value_traces_to_nothing_with_a_clear_answer_and_exit_code()
    {
        var cli = await CliProcess.RunAsync(["export", "trace", "nobody@mail-check.example", "--db", App.DbSetting]);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("is no canary of any export", cli.Stderr);
        Assert.Empty(cli.Stdout);

        await AssertProblemAsync(await Http.GetAsync("/api/v1/exports/trace?value=%2B79990000000"), HttpStatusCode.NotFound);
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/exports/trace?value=%20"), "value");
        var manager = await Control.UserAsync(EmployeeRole.Manager, "Nosy Manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Http.GetAsync("/api/v1/exports/trace?value=x@y.example")).StatusCode);
    }

    [Fact]
    public async Task An_xlsx_export_holds_its_id_in_the_document_properties_and_its_canary_among_the_rows()
    {
        await Control.SetThresholdAsync(ExportSettings.DefaultThreshold);
        var (tag, ids) = await Control.ClientsAsync(App.OwnerId, 2);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/clients/export?tag={tag}");
        request.Headers.AcceptLanguage.ParseAdd("ru");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exportId = FileExportId(response);
        using var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(exportId, book.Document.PackageProperties.Identifier);
        var canary = Assert.Single(await Control.CanariesAsync(exportId));
        Assert.Matches(@"^\+79\d{9}$", canary.Phone);
        var names = new[] { "B2", "B3", "B4" }.Select(cell => book.Text(0, cell)).ToList();
        Assert.Contains(canary.Name, names);
        Assert.Throws<InvalidOperationException>(() => book.Text(0, "B5"));
        var record = await Control.RecordAsync(exportId);
        Assert.Equal((ExportStatus.Done, App.OwnerId, 2, 2), (record!.Status, record.EmployeeId, record.RowCount, record.ClientCount));
    }

    [Fact]
    public async Task An_aggregate_report_is_recorded_and_watermarked_in_its_metadata_without_canaries()
    {
        var response = await Http.GetAsync("/api/v1/analytics/export/abc-xyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exportId = FileExportId(response);
        using var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(exportId, book.Document.PackageProperties.Identifier);
        Assert.Empty(await Control.CanariesAsync(exportId));
        Assert.Equal(ExportStatus.Done, (await Control.RecordAsync(exportId))!.Status);
    }
}

public sealed class CanaryTraceTestsOnSqlite(SqliteApp fixture) : CanaryTraceTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class CanaryTraceTestsOnPostgres(PostgresApp fixture) : CanaryTraceTests(fixture), IClassFixture<PostgresApp>;
