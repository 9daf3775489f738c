using System.Globalization;
using System.Net;
using Clientele.Features.Clients;
using Clientele.Features.Demo;
using Clientele.Features.Imports;
using Clientele.Features.Interactions;
using Clientele.Features.LostClients;
using Clientele.Features.Purchases;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Imports.Engine;
using Clientele.Tests.Imports.Mapping;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Clients;

/// <summary>
/// Every writer of client rows goes through the one refresh path (docs/decisions/008-one-refresh-path.md): after each
/// kind of write, the derived rows equal a rebuild from the raw rows (<see cref="DerivedRows"/>). A writer that skips
/// part of the refresh leaves a difference the rebuild shows.
/// </summary>
public abstract class RefreshPathTests(AppFixture fixture) : ApiTest(fixture)
{
    private static DateTime Today => DateTime.UtcNow.Date;
    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_purchase_imported_after_a_clients_loss_wins_the_client_back()
    {
        var inn = RecordImportHarness.Inn();
        var client = Id(await CreateClientAsync(Unique("Lost buyer "), new { taxId = inn }));
        await BuyAsync(client, Today.AddDays(-40));
        await MarkLostAsync(client, Today.AddDays(-30));

        var bought = Today.AddDays(-10);
        var csv = ImportKit.WriteCsv("Номер;Дата;ИНН;Товар;Кол-во;Цена;Валюта",
            $"B-{client};{bought.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)};{inn};Widget;2;150;RUB");
        var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Purchases));
        var done = await ImportKit.RunAsync(App, job.Id);
        Assert.Equal(1L, done.RowsCreated);

        var state = await App.ReadAsync(async db => (
            await db.Clients.Where(c => c.Id == client).Select(c => c.Status).SingleAsync(),
            await db.Set<ClientLoss>().Where(l => l.ClientId == client).Select(l => l.WonBackOn).SingleAsync()));
        Assert.Equal((ClientStatus.Active, (DateOnly?)DateOnly.FromDateTime(bought)), state);
        await DerivedRows.AssertEqualToRebuildAsync(App, "a purchase import");

        await App.ReadAsync(db => ImportJobs.RollbackAsync(db, job.Id, default));
        await DerivedRows.AssertEqualToRebuildAsync(App, "the rollback of a purchase import");
    }

    [Fact]
    public async Task Purchases_written_edited_and_deleted_through_the_api()
    {
        var client = Id(await CreateClientAsync(Unique("Buyer ")));
        var first = await BuyAsync(client, Today.AddDays(-90));
        var second = await BuyAsync(client, Today.AddDays(-20));
        await DerivedRows.AssertEqualToRebuildAsync(App, "new purchases");
        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/purchases/{first}", new { date = Today.AddDays(-400).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a purchase moved to another month");
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/purchases/{second}")).StatusCode);
        await DerivedRows.AssertEqualToRebuildAsync(App, "a purchase deleted");

        // A purchase typed after the loss wins the client back as an imported one does.
        await MarkLostAsync(client, Today.AddDays(-5));
        await BuyAsync(client, Today.AddDays(-1));
        Assert.Equal(ClientStatus.Active, await App.ReadAsync(db => db.Clients.Where(c => c.Id == client).Select(c => c.Status).SingleAsync()));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a purchase after the loss");
    }

    [Fact]
    public async Task The_all_clients_refresh_recomputes_each_clients_purchase_count_and_last_purchase()
    {
        var client = Id(await CreateClientAsync(Unique("Bulk buyer ")));
        await BuyAsync(client, Today.AddDays(-30));
        await BuyAsync(client, Today.AddDays(-3));
        // What a bulk writer that wrote purchases past the per-client path leaves behind: the client's own columns stale.
        await App.ReadAsync(db => db.Clients.Where(c => c.Id == client)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PurchaseCount, 0).SetProperty(c => c.LastPurchaseAt, (DateTime?)null)));
        await App.ReadAsync(async db =>
        {
            await ClientRefresh.RunAsync(db, ClientWrite.AllClients(ChangedRows.Purchases), default);
            return 0;
        });
        Assert.Equal(2, await App.ReadAsync(db => db.Clients.Where(c => c.Id == client).Select(c => c.PurchaseCount).SingleAsync()));
        await DerivedRows.AssertEqualToRebuildAsync(App, "the all-clients refresh");
    }

    [Fact]
    public async Task A_purchase_recorded_and_an_interaction_logged_on_the_forms()
    {
        // The forms write through EntityWriter with the API's specs, in a context of their own, as here.
        var client = Id(await CreateClientAsync(Unique("Form buyer ")));
        await MarkLostAsync(client, Today.AddDays(-20));
        await App.ReadAsync(async db =>
        {
            var purchase = await EntityWriter.CreateAsync(db, PurchasesApi.Spec, new PurchaseInput
            {
                ClientId = client, Date = Today.AddDays(-2), Currency = "RUB",
                Lines = [new PurchaseLineInput { Description = "Goods", Quantity = 1, Price = 700, UnitCost = 300 }],
            }, default);
            var interaction = await EntityWriter.CreateAsync(db, InteractionsApi.Spec, new InteractionInput
            {
                ClientId = client, EmployeeId = App.OwnerId, Kind = InteractionKind.Call, Direction = Direction.Inbound, OccurredAt = Today.AddDays(-1),
            }, default);
            Assert.Equal((OutcomeKind.Ok, OutcomeKind.Ok), (purchase.Kind, interaction.Kind));
            return 0;
        });
        Assert.Equal(ClientStatus.Active, await App.ReadAsync(db => db.Clients.Where(c => c.Id == client).Select(c => c.Status).SingleAsync()));
        await DerivedRows.AssertEqualToRebuildAsync(App, "the purchase and interaction forms");
    }

    [Fact]
    public async Task Service_costs_and_interactions_through_the_api()
    {
        var client = Id(await CreateClientAsync(Unique("Served ")));
        await BuyAsync(client, Today.AddDays(-30));
        var cost = Id(await JsonAsync(await PostAsync("/api/v1/service-costs", new { clientId = client, date = Day(Today.AddDays(-3)), category = "Support", amount = 120m, currency = "RUB" }),
            HttpStatusCode.Created));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a service cost");
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/service-costs/{cost}")).StatusCode);
        await DerivedRows.AssertEqualToRebuildAsync(App, "a service cost deleted");
        await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = client, kind = "Call", occurredAt = Today.AddDays(-2).ToString("o", CultureInfo.InvariantCulture), score = 10 }),
            HttpStatusCode.Created);
        await DerivedRows.AssertEqualToRebuildAsync(App, "an interaction");
    }

    [Fact]
    public async Task Clients_written_through_the_api_marked_lost_won_back_and_marked_advocates()
    {
        var referrer = Id(await CreateClientAsync(Unique("Referrer ")));
        var referred = Id(await CreateClientAsync(Unique("Referred "), new { referredById = referrer }));
        await BuyAsync(referred, Today.AddDays(-60));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a referred client's creation");
        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/clients/{referred}", new { status = "Lost", lostOn = Day(Today.AddDays(-7)), churnReason = "price" }));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a client written lost through the client API");
        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/clients/{referred}", new { status = "Active", lostOn = (string?)null }));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a client written back to active");

        await MarkLostAsync(referrer, Today.AddDays(-1));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a client marked lost");
        Assert.Equal(HttpStatusCode.OK, (await Http.DeleteAsync($"/api/v1/clients/{referrer}/lost")).StatusCode);
        await DerivedRows.AssertEqualToRebuildAsync(App, "a client won back by hand");
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/clients/{referrer}/advocate", null)).StatusCode);
        await DerivedRows.AssertEqualToRebuildAsync(App, "the advocate mark");
    }

    [Fact]
    public async Task Interactions_and_service_costs_imported_and_rolled_back()
    {
        var email = Unique("care") + "@example.com";
        var client = Id(await CreateClientAsync(Unique("Kunde "), new { email }));
        await BuyAsync(client, Today.AddDays(-50));
        var interactions = $"""
            E-Mail;Datum;Art;Betreff;Notiz;Richtung;Betreuer
            {email};{Day(Today.AddDays(-4))} 10:30;Telefonat;Angebot;Rückruf;eingehend;Olga Owner
            """;
        var costs = $"""
            E-Mail;Monat;Kostenart;Betrag;Beschreibung
            {email};{Today.AddDays(-4):yyyy-MM};Lieferung;1500;Spedition
            """;
        foreach (var (csv, kind) in new[] { (interactions, ImportKind.Interactions), (costs, ImportKind.ServiceCosts) })
        {
            var job = await RecordImportHarness.CreateJobAsync(App, kind, App.OwnerId);
            var report = await RecordImportHarness.RunAsync(App, job, csv, write: true);
            Assert.True(report.Create == 1, $"{kind}: " + string.Join("; ", report.Rows.Select(r => $"{r.Field}: {r.Reason}")));
            await DerivedRows.AssertEqualToRebuildAsync(App, $"an import of {kind}");
            await RecordImportHarness.RollbackAsync(App, job);
            await DerivedRows.AssertEqualToRebuildAsync(App, $"the rollback of an import of {kind}");
        }
    }

    [Fact]
    public async Task Clients_imported_and_rolled_back()
    {
        var u = Unique("");
        var csv = ImportKit.WriteCsv("name;email;acquired_on", $"Imported {u};imported-{u}@example.ru;01.02.2025", $"Other {u};other-{u}@example.ru;");
        var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Clients));
        Assert.Equal(2L, (await ImportKit.RunAsync(App, job.Id)).RowsCreated);
        await DerivedRows.AssertEqualToRebuildAsync(App, "a client import");
        await App.ReadAsync(db => ImportJobs.RollbackAsync(db, job.Id, default));
        await DerivedRows.AssertEqualToRebuildAsync(App, "the rollback of a client import");
    }

    [Fact]
    public async Task A_client_import_that_wins_back_a_lost_client_and_its_rollback()
    {
        var u = Unique("");
        var lost = Id(await CreateClientAsync($"Lost {u}", new { email = $"lost-{u}@example.ru" }));
        await BuyAsync(lost, Today.AddDays(-90));
        await MarkLostAsync(lost, Today.AddDays(-40));
        var kept = Id(await CreateClientAsync($"Kept {u}", new { email = $"kept-{u}@example.ru" }));
        await BuyAsync(kept, Today.AddDays(-20));
        var before = await ClientRowsAsync(lost, kept);

        // The file calls the lost client active and renames the other: an update of each, and one new client.
        var csv = ImportKit.WriteCsv("name;email;status", $"Lost {u};lost-{u}@example.ru;active", $"Kept again {u};kept-{u}@example.ru;",
            $"New {u};new-{u}@example.ru;");
        var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Clients));
        var done = await ImportKit.RunAsync(App, job.Id);
        Assert.Equal((1L, 2L), (done.RowsCreated, done.RowsUpdated));
        var loss = await App.ReadAsync(db => db.Set<ClientLoss>().SingleAsync(l => l.ClientId == lost));
        Assert.Equal(DateOnly.FromDateTime(Today), loss.WonBackOn);
        await DerivedRows.AssertEqualToRebuildAsync(App, "a client import that calls a lost client active");

        await App.ReadAsync(db => ImportJobs.RollbackAsync(db, job.Id, default));
        // Undone, not redone: the same loss row open again, the same ladder as before the import.
        Assert.Equal(before, await ClientRowsAsync(lost, kept));
        await DerivedRows.AssertEqualToRebuildAsync(App, "the rollback of that import");
    }

    /// <summary>The clients' status, their loss rows (with their ids) and ladder rows, as text.</summary>
    private Task<string> ClientRowsAsync(params long[] ids) => App.ReadAsync(async db =>
    {
        var clients = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Status, c.LostOn, c.Version }).ToListAsync();
        var losses = await db.Set<ClientLoss>().AsNoTracking().Where(l => ids.Contains(l.ClientId)).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.ClientId, l.LostOn, l.WonBackOn, l.ReasonId }).ToListAsync();
        var states = await db.Set<Clientele.Features.Loyalty.ClientLoyalty>().AsNoTracking().Where(l => ids.Contains(l.ClientId)).OrderBy(l => l.ClientId)
            .Select(l => new { l.ClientId, l.Stage, l.Since }).ToListAsync();
        // Steps without their ids: a path the import changed is written anew when the rollback changes it back.
        var steps = await db.Set<Clientele.Features.Loyalty.ClientLoyaltyStep>().AsNoTracking().Where(l => ids.Contains(l.ClientId))
            .OrderBy(l => l.ClientId).ThenBy(l => l.Date).ThenBy(l => l.Id).Select(l => new { l.ClientId, l.Date, l.Stage, l.PreviousStage }).ToListAsync();
        return string.Join('\n', clients.Select(x => x.ToString()).Concat(losses.Select(x => x.ToString()))
            .Concat(states.Select(x => x.ToString())).Concat(steps.Select(x => x.ToString())));
    });

    [Fact]
    public async Task Duplicates_merged_and_the_merge_undone()
    {
        var kept = Id(await CreateClientAsync(Unique("Kept ")));
        var merged = Id(await CreateClientAsync(Unique("Merged ")));
        await BuyAsync(kept, Today.AddDays(-80));
        await BuyAsync(merged, Today.AddDays(-70));
        await MarkLostAsync(merged, Today.AddDays(-60));
        await BuyAsync(merged, Today.AddDays(-3));
        var merge = await JsonAsync(await PostAsync("/api/v1/duplicates/merge", new { keepId = kept, mergeId = merged }));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a merge");
        await JsonAsync(await Http.PostAsync($"/api/v1/duplicates/merges/{Id(merge)}/undo", null));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a merge undone");
    }

    [Fact]
    public async Task A_client_erased()
    {
        var client = Id(await CreateClientAsync(Unique("Forgotten "), new { kind = "Person" }));
        await BuyAsync(client, Today.AddDays(-15));
        await JsonAsync(await PostAsync($"/api/v1/clients/{client}/erase", new { reason = "Asked to be forgotten" }));
        await DerivedRows.AssertEqualToRebuildAsync(App, "an erasure");
    }

    private async Task<long> BuyAsync(long client, DateTime on) => Id(await JsonAsync(await PostAsync("/api/v1/purchases", new
    {
        clientId = client, date = on.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), currency = "RUB",
        lines = new[] { new { description = "Goods", quantity = 1m, price = 500m, unitCost = 200m } },
    }), HttpStatusCode.Created));

    private async Task MarkLostAsync(long client, DateTime on) =>
        await JsonAsync(await PostAsync($"/api/v1/clients/{client}/lost", new { reasonCode = "price", lostOn = Day(on) }));
}

/// <summary>The demo loader writes its own ids, so it gets a database of its own.</summary>
public abstract class RefreshAfterDemoTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_demo_base_loaded()
    {
        await App.ReadAsync(async db =>
        {
            var channels = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var demo = new DemoData(5, DateTime.UtcNow.Date, [App.OwnerId], channels).Generate(60, 500);
            await DemoLoader.LoadAsync(db, demo, default);
            return 0;
        });
        await DerivedRows.AssertEqualToRebuildAsync(App, "a demo load");
    }

}

public sealed class RefreshAfterDemoTestsOnSqlite(SqliteApp fixture) : RefreshAfterDemoTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class RefreshAfterDemoTestsOnPostgres(PostgresApp fixture) : RefreshAfterDemoTests(fixture), IClassFixture<PostgresApp>;

public sealed class RefreshPathTestsOnSqlite(SqliteApp fixture) : RefreshPathTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class RefreshPathTestsOnPostgres(PostgresApp fixture) : RefreshPathTests(fixture), IClassFixture<PostgresApp>;
