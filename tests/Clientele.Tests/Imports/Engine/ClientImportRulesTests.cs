using Clientele.Features.Access;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Features.Imports.Engine;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Imports.Engine;

/// <summary>Row rules, match policy, resuming after a crash, and managers' limits; SQLite (the rules do not depend on the provider).</summary>
public sealed class ClientImportRulesTests(SqliteApp fixture) : ApiTest(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_rejection_names_its_line_field_and_reason_and_nothing_is_written()
    {
        var u = Unique("");
        var csv = ImportKit.WriteCsv(
            "name;email;phone;tax_id;acquired_on;manager;kind;contact_position;notes",
            $"Good {u};good-{u}@example.ru;;7707083893;01.02.2025;;компания;;",
            $";x-{u}@example.ru;;;;;;;",
            $"Mail {u};not-an-email;;;;;;;",
            $"Phone {u};;12;;;;;;",
            $"Inn {u};;;1234567890;;;;;",
            $"Date {u};;;;31.02.2025;;;;",
            $"Manager {u};;;;;nobody-{u}@example.ru;;;",
            $"Kind {u};;;;;;дракон;;",
            $"Position {u};;;;;;;Director;",
            $"Bell {u}\u0007;;;;;;;;",
            $"Wide {u};;;;;;;;;extra");
        var before = await ImportKit.SnapshotAsync(App);
        var job = await ImportKit.CreateJobAsync(App, csv);

        var report = await ImportKit.DryRunAsync(App, job.Id);

        var rejected = report.Rows.Where(r => r.Action == ImportRowAction.Reject).ToDictionary(r => r.Line);
        Assert.Equal(10, rejected.Count);
        Assert.Equal(1, report.Create);
        void Rejected(long line, string field, string words)
        {
            Assert.Equal(field, rejected[line].Field);
            // A rejection is stored as a kind with its values; read here as an English reader would.
            Assert.Contains(words, ImportReasonText.Plain(rejected[line].Reason));
        }
        Rejected(3, "name", "is required");
        Rejected(4, "email", "not a valid e-mail");
        Rejected(5, "phone", "not a valid phone");
        Rejected(6, "tax_id", "check digit");
        Rejected(7, "acquired_on", "31.02.2025");
        Rejected(8, "manager", $"unknown manager 'nobody-{u}@example.ru'");
        Rejected(9, "kind", "дракон");
        Rejected(10, "contact_name", "is required");
        Rejected(11, "name", "control");
        Assert.Null(rejected[12].Field);
        Assert.Contains("fields", ImportReasonText.Plain(rejected[12].Reason));
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));

        // A real run with rejected rows that the caller refuses (the CLI without --skip-invalid) merges nothing either.
        var refused = await ImportKit.WithDbAsync(App, db => ImportJobs.RunAsync(db, job.Id, null, new ImportRunOptions(RefuseRejected: true), CancellationToken.None));
        Assert.Equal((ImportJobStatus.Analyzed, 10L), (refused.Status, refused.RowsRejected));
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
    }

    [Fact]
    public async Task Skip_leaves_a_matching_client_as_it_was_and_a_repeat_of_a_skipped_row_is_skipped_too()
    {
        var u = Unique("");
        var phone = ClientImportFlowTests.NewPhone();
        var id = Id(await CreateClientAsync($"Kept {u}", new { phone, email = $"kept-{u}@example.ru" }));
        var csv = ImportKit.WriteCsv("name;phone;email", $"Renamed {u};{phone};", $"Renamed again {u};;kept-{u}@example.ru", $"Fresh {u};;fresh-{u}@example.ru");
        var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Clients, OnMatch: ImportMatchPolicy.Skip));

        var done = await ImportKit.RunAsync(App, job.Id);

        Assert.Equal((1L, 0L, 2L), (done.RowsCreated, done.RowsUpdated, done.RowsSkipped));
        Assert.Equal($"Kept {u}", (await GetJsonAsync($"/api/v1/clients/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_run_that_dies_after_some_batches_resumes_from_its_checkpoint_and_ends_with_exactly_the_files_clients()
    {
        var u = Unique("");
        var rows = new List<string> { "name;phone;email;contact_name" };
        var phones = Enumerable.Range(0, 40).Select(_ => ClientImportFlowTests.NewPhone()).Distinct().Take(30).ToArray();
        for (var i = 0; i < 30; i++) rows.Add($"Resume {u} {i};{phones[i]};r{i}-{u}@example.ru;Contact {i}");
        // Repeats of rows in earlier batches: folded into them, across the crash.
        for (var i = 0; i < 10; i++) rows.Add($"RESUME {u} {i};;r{i}-{u}@example.ru;Second contact {i}");
        var job = await ImportKit.CreateJobAsync(App, ImportKit.WriteCsv([.. rows]));

        ClientImport.BatchSize.Value = 7;
        ClientImport.FailAfterBatch.Value = 3;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportKit.RunAsync(App, job.Id));
        var stopped = await App.ReadAsync(db => db.Set<ImportJob>().SingleAsync(j => j.Id == job.Id));
        Assert.Equal((ImportJobStatus.Failed, 21L), (stopped.Status, stopped.Checkpoint));
        Assert.Equal(0, await App.ReadAsync(db => db.Clients.CountAsync(c => c.Name.StartsWith($"Resume {u}"))));

        ClientImport.FailAfterBatch.Value = null;
        var done = await ImportKit.RunAsync(App, job.Id);

        Assert.Equal((ImportJobStatus.Completed, 30L, 10L), (done.Status, done.RowsCreated, done.RowsMerged));
        var (clients, contacts, staged) = await App.ReadAsync(async db => (
            await db.Clients.Where(c => c.Name.StartsWith($"Resume {u}")).Select(c => c.Phone).ToListAsync(),
            await db.ContactPersons.CountAsync(p => p.Name.StartsWith("Second contact") && db.Clients.Any(c => c.Id == p.ClientId && c.Name.StartsWith($"Resume {u}"))),
            await db.Set<StagedClient>().CountAsync(s => s.JobId == job.Id)));
        Assert.Equal(30, clients.Count);
        Assert.Equal(30, clients.Distinct().Count());
        Assert.Equal(10, contacts);
        Assert.Equal(0, staged);
    }

    [Fact]
    public async Task A_manager_cannot_update_another_managers_client_nor_learn_it_exists_and_their_new_clients_are_theirs()
    {
        var u = Unique("");
        var other = await App.AddUserAsync($"other-{u}@clientele.test", EmployeeRole.Manager, $"Other {u}");
        var me = await App.AddUserAsync($"me-{u}@clientele.test", EmployeeRole.Manager, $"Me {u}");
        var phone = ClientImportFlowTests.NewPhone();
        var theirs = Id(await CreateClientAsync($"Theirs {u}", new { phone, managerId = other.Id }));
        var csv = ImportKit.WriteCsv("name;phone", $"Hijack {u};{phone}", $"Mine {u};{ClientImportFlowTests.NewPhone()}");
        var job = await ImportKit.CreateJobAsync(App, csv);

        var done = await ImportKit.WithDbAsync(App, async db =>
        {
            db.Access = AccessScope.ForEmployee(me.Id, EmployeeRole.Manager);
            var report = await ImportJobs.DryRunAsync(db, job.Id, null, CancellationToken.None);
            // The foreign client's phone reads like an unknown one: a new client, no reason, no client named.
            Assert.Equal((2L, 0L), (report.Create, report.Reject));
            Assert.DoesNotContain(report.Rows, r => r.Reason is not null || r.ClientId is not null);
            return await ImportJobs.RunAsync(db, job.Id, null, CancellationToken.None);
        });

        Assert.Equal((2L, 0L, 0L), (done.RowsCreated, done.RowsUpdated, done.RowsRejected));
        var (theirName, mine) = await App.ReadAsync(async db => (
            await db.Clients.Where(c => c.Id == theirs).Select(c => c.Name).SingleAsync(),
            await db.Clients.Where(c => c.Name == $"Mine {u}").Select(c => c.ManagerId).SingleAsync()));
        Assert.Equal($"Theirs {u}", theirName);
        Assert.Equal(me.Id, mine);
    }
}
