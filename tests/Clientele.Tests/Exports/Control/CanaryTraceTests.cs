using System.Globalization;
using System.Net;
using Clientele.Features.Clients;
using Clientele.Features.Demo;
using Clientele.Features.Exports.Control;
using Clientele.Features.Identity;
using Clientele.Tests.Exports.Formats;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
        // Like its neighbours (ADR 014): their domain and their numbers' country and network prefix, not a domain of its own.
        Assert.EndsWith("@example.org", canary.Email, StringComparison.Ordinal);
        Assert.Matches(@"^\+7916\d{7}$", canary.Phone);
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

    /// <summary>
    /// 300 generated clients of a new manager, like the demo's (firms and people of two countries, their phones and
    /// addresses), of which a few were deleted again, as in any base in use; the ids still held come back.
    /// </summary>
    private async Task<(ExportControlKit.User Manager, List<long> Ids)> DemoClientsAsync()
    {
        var manager = await Control.UserAsync(EmployeeRole.Manager, "Demo Manager");
        var made = await App.ReadAsync(async db =>
        {
            var channels = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var clients = new DemoData(17, DateTime.UtcNow, [manager.Employee.Id], channels).GenerateClients(300).ToList();
            foreach (var client in clients)
            {
                client.Id = 0;
                client.ManagerId = manager.Employee.Id;
                client.ReferredById = null;
            }
            foreach (var client in clients) ClientSearch.Sync(client, []);
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            // A base in use has deleted clients: a few of these are gone again, leaving gaps among the ids.
            var gone = clients.Where((_, i) => i % 41 == 7).Select(c => c.Id).ToList();
            await db.ClientSearchTerms.Where(t => gone.Contains(t.ClientId)).ExecuteDeleteAsync();
            await db.Clients.Where(c => gone.Contains(c.Id)).ExecuteDeleteAsync();
            // Inserted as the audit kit does (no purchases, so no figures to refresh): the export reads the client rows only.
            return clients.Select(c => c.Id).Except(gone).ToList();
        });
        return (manager, made);
    }

    /// <summary>Which columns of a row are empty: what masking leaves visible.</summary>
    private static string MaskPattern(string[] row) => new([.. row.Select(v => v.Length == 0 ? '_' : 'x')]);

    [Fact]
    public async Task In_a_demo_sized_export_masked_or_not_a_canary_has_the_ids_masks_names_phones_and_domains_of_its_neighbours()
    {
        await Control.SetThresholdAsync(5_000);
        var (manager, ids) = await DemoClientsAsync();
        var marketer = await Control.UserAsync(EmployeeRole.Marketer, "Demo Marketer");
        var analyst = await Control.UserAsync(EmployeeRole.Analyst, "Demo Analyst");
        var url = $"/api/v1/clients/export?format=csv&managerId={manager.Employee.Id}";

        foreach (var (who, role) in new[] { (manager, "manager"), (marketer, "marketer"), (analyst, "analyst") })
        {
            var csv = await ReadCsvAsync(await who.Http.GetAsync(url));
            var canaries = await Control.CanariesAsync(csv.ExportId);
            Assert.Equal(2, canaries.Count);
            var idColumn = csv.Column("Client id");
            var fake = canaries.Select(c => c.FakeClientId.ToString(CultureInfo.InvariantCulture)).ToHashSet();
            var real = csv.Rows.Where(r => !fake.Contains(r[idColumn])).ToList();
            var planted = csv.Rows.Where(r => fake.Contains(r[idColumn])).ToList();
            Assert.Equal(ids.Order(), real.Select(r => long.Parse(r[idColumn], CultureInfo.InvariantCulture)).Order());
            Assert.Equal(2, planted.Count);
            var patterns = real.Select(MaskPattern).ToHashSet();
            var wordCounts = real.Select(r => r[csv.Column("Name")].Split(' ').Length).ToHashSet();
            foreach (var row in planted)
            {
                var id = long.Parse(row[idColumn], CultureInfo.InvariantCulture);
                // Among the real ids (a deleted client's), not above them all, and nobody's.
                Assert.InRange(id, ids.Min(), ids.Max());
                Assert.DoesNotContain(id, ids);
                Assert.True(patterns.Contains(MaskPattern(row)), $"{role}: the canary's empty columns {MaskPattern(row)} are no real row's");
                Assert.Contains(row[csv.Column("Name")].Split(' ').Length, wordCounts);
                if (role == "analyst") Assert.Equal($"Client #{id}", row[csv.Column("Name")]);
                if (role == "manager")
                {
                    var phone = row[csv.Column("Phone")];
                    Assert.Contains(phone[..^7], real.Select(r => r[csv.Column("Phone")]).Where(p => p.Length > 7).Select(p => p[..^7]).ToHashSet());
                    var domain = row[csv.Column("E-mail")].Split('@')[1];
                    Assert.Contains(domain, real.Select(r => r[csv.Column("E-mail")]).Where(e => e.Contains('@')).Select(e => e.Split('@')[1]).ToHashSet());
                }
                else Assert.True(row[csv.Column("Phone")].Length == 0 && row[csv.Column("E-mail")].Length == 0, $"{role}: a canary shows contacts its neighbours hide");
            }
            // Still traced: by the masked name an analyst's file shows, by the name a marketer's file shows.
            var shown = planted[0][csv.Column("Name")];
            var traced = await GetJsonAsync($"/api/v1/exports/trace?value={Uri.EscapeDataString(shown)}");
            Assert.Equal(csv.ExportId, traced.GetProperty("exportId").GetString());
        }
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
