using System.Globalization;
using Clientele.Features.Imports;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Imports.Mapping.RecordImportHarness;

namespace Clientele.Tests.Imports.Engine;

/// <summary>
/// The client import and the codes real bases carry (ADR 021): the 1C list "Контрагенты" imported again matches its
/// "Код" before any other key and updates the same client; the KPP of an "ИНН/КПП" cell is stored; a phone the
/// numbering plan does not know keeps the row, with a warning in the report. On both providers: the staging columns
/// and the set-based merge are per provider.
/// </summary>
public abstract class ClientCodeImportTests(AppFixture fixture) : ApiTest(fixture)
{
    private static ImportOptions OneC => new(ImportKind.Clients, Preset: "1c-counterparties");

    [Fact]
    public async Task A_reimport_matches_the_client_code_first_and_updates_the_same_client_keeping_the_kpp()
    {
        var u = Unique("");
        var code = $"00-{u}";
        var inn = Inn();
        var other = Inn();
        // Another client holds the INN the second file gives: only the code may decide which client the row is.
        var holder = Id(await CreateClientAsync($"Держатель {u}", new { taxId = other }));
        var first = ImportKit.WriteCsv("Код;Наименование;ИНН/КПП;Город", $"{code};ООО Ромашка {u};{inn}/773601001;Москва");

        var created = await ImportKit.RunAsync(App, (await ImportKit.CreateJobAsync(App, first, OneC)).Id);

        Assert.Equal((ImportJobStatus.Completed, 1L), (created.Status, created.RowsCreated));
        var client = await App.ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.ExternalCode == code));
        Assert.Equal((inn, "773601001", $"ООО Ромашка {u}"), (client.TaxId, client.Kpp, client.Name));

        var second = ImportKit.WriteCsv("Код;Наименование;ИНН;КПП;Город", $"{code};ООО Ромашка и партнёры {u};{other};773645001;");
        var job = await ImportKit.CreateJobAsync(App, second, OneC);
        var report = await ImportKit.DryRunAsync(App, job.Id);

        var row = Assert.Single(report.Rows);
        Assert.Equal((ImportRowAction.Update, client.Id), (row.Action, row.ClientId));
        Assert.Equal($"same client code as client {client.Id} in the base", row.Reason);
        var done = await ImportKit.RunAsync(App, job.Id);
        Assert.Equal((0L, 1L), (done.RowsCreated, done.RowsUpdated));
        var updated = await App.ReadAsync(db => db.Clients.AsNoTracking().Where(c => c.ExternalCode == code).ToListAsync());
        Assert.Equal((client.Id, $"ООО Ромашка и партнёры {u}", other, "773645001", "Москва"),
            (Assert.Single(updated).Id, updated[0].Name, updated[0].TaxId, updated[0].Kpp, updated[0].City));
        Assert.Equal(1, await App.ReadAsync(db => db.Clients.CountAsync(c => c.Id == holder && c.ExternalCode == null)));
    }

    [Fact]
    public async Task A_phone_outside_the_plan_keeps_the_row_with_a_warning_and_bad_ids_are_refused_by_field()
    {
        var u = Unique("");
        var csv = ImportKit.WriteCsv(
            "name;phone;tax_id;kpp;country",
            $"Unplanned {u};+7 (200) 123-45-67;;;",
            $"Bad KPP {u};;{Inn()};77360100;",
            $"Bad BIN {u};;940140000386;;KZ",
            $"Good BIN {u};;940140000385;;KZ");

        var job = await ImportKit.CreateJobAsync(App, csv);
        var report = await ImportKit.DryRunAsync(App, job.Id);

        Assert.Equal((2L, 2L, 1L), (report.Create, report.Reject, report.Warnings));
        var warned = Assert.Single(report.Rows, r => r.Line == 2);
        Assert.Equal(ImportRowAction.Create, warned.Action);
        Assert.Equal("'+7 (200) 123-45-67' is not in its country's numbering plan; kept as written.", warned.Warning);
        Assert.Equal("номера «+7 (200) 123-45-67» нет в плане нумерации его страны; сохранён как записан.",
            IdText.Relocalize(warned.Warning!, CultureInfo.GetCultureInfo("ru")));
        Assert.Equal("line 2: create (warning: '+7 (200) 123-45-67' is not in its country's numbering plan; kept as written.)",
            Clientele.Features.Imports.Cli.ImportOutput.Describe(warned));
        Assert.Contains(report.Rows, r => r is { Line: 3, Action: ImportRowAction.Reject, Field: "kpp" } && r.Reason!.Contains("77360100"));
        Assert.Contains(report.Rows, r => r is { Line: 4, Action: ImportRowAction.Reject, Field: "tax_id" } && r.Reason!.Contains("Kazakh"));

        var done = await ImportKit.WithDbAsync(App, db => ImportJobs.RunAsync(db, job.Id, null, new ImportRunOptions(RefuseRejected: false), CancellationToken.None));

        Assert.Equal(2L, done.RowsCreated);
        var phone = await App.ReadAsync(db => db.Clients.Where(c => c.Name == $"Unplanned {u}").Select(c => c.Phone).SingleAsync());
        Assert.Equal("+7 (200) 123-45-67", phone);
        var found = (await GetJsonAsync("/api/v1/clients?q=" + Uri.EscapeDataString("+7 200 123 45 67"))).GetProperty("items").EnumerateArray();
        Assert.Contains(found, c => c.GetProperty("name").GetString() == $"Unplanned {u}");
    }
}

public sealed class ClientCodeImportTestsOnSqlite(SqliteApp fixture) : ClientCodeImportTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class ClientCodeImportTestsOnPostgres(PostgresApp fixture) : ClientCodeImportTests(fixture), IClassFixture<PostgresApp>;
