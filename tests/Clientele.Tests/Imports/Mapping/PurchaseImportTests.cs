using System.Net;
using Clientele.Features.Imports;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Imports.Mapping.RecordImportHarness;

namespace Clientele.Tests.Imports.Mapping;

/// <summary>
/// Purchases from a file: the same figures as the same purchases typed through the API, and a rollback that leaves the
/// database as it was. Runs on PostgreSQL too: the import writes in one transaction with bulk deletes on rollback,
/// and decimal rounding and date handling differ between the providers.
/// </summary>
public abstract class PurchaseImportTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public Task Imported_purchases_give_the_figures_of_typed_ones_and_a_rollback_restores_the_base() => CompareAsync();

    private async Task CompareAsync()
    {
        var inn = Inn();
        var email = Unique("buyer") + "@example.com";
        var imported = Id(await CreateClientAsync(Unique("Ромашка "), new { taxId = inn, email }));
        var typed = Id(await CreateClientAsync(Unique("Twin ")));
        // Bought before through the API: the import adds to an existing history, and the rollback must leave it alone.
        foreach (var client in new[] { imported, typed })
            await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = client, date = "2024-12-20T00:00:00Z", currency = "RUB",
                lines = new[] { new { description = "Earlier", quantity = 1m, price = 300m, unitCost = 100m } } }), HttpStatusCode.Created);

        // The same purchases typed through the API for the twin, to compare the figures with (under numbers of their
        // own: a document number names one client's record, and the import would refuse A-1 as another client's).
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = typed, date = "2025-01-15T00:00:00Z", currency = "RUB", discount = 10m, bonus = 5m,
            number = "T-1", managerId = App.OwnerId, lines = new[] { new { description = "Widget", quantity = 2m, price = 100.50m, unitCost = 60m },
                new { description = "Gadget", quantity = 1m, price = 50m, unitCost = 20m } } }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = typed, date = "2025-02-03T00:00:00Z", currency = "RUB", number = "T-2",
            managerId = App.OwnerId, lines = new[] { new { description = "Service", quantity = 3m, price = 1000m } } }), HttpStatusCode.Created);

        var csv = $"""
            Номер;Дата;ИНН;E-mail;Товар;Кол-во;Цена;Себестоимость единицы;Скидка;Бонус;Валюта;Менеджер
            A-1;15.01.2025;{inn};;Widget;2;100.50;60;10;5;RUB;{ClienteleApp.OwnerEmail}
            A-1;15.01.2025;{inn};;Gadget;1;50;20;10;5;RUB;{ClienteleApp.OwnerEmail}
            A-2;03.02.2025;;{email.ToUpperInvariant()};Service;3;1000;;;;;Olga Owner

            """;
        var job = await CreateJobAsync(App, ImportKind.Purchases, App.OwnerId);
        var before = await SnapshotAsync(App);

        var dry = await RunAsync(App, job, csv, write: false);
        Assert.Equal((3L, 3L, 0L), (dry.RowsTotal, dry.Create, dry.Reject));
        Assert.Equal(before, await SnapshotAsync(App));

        var report = await RunAsync(App, job, csv, write: true);
        Assert.Equal((3L, 3L, 0L), (report.RowsTotal, report.Create, report.Reject));
        Assert.Equal("number", report.Map["Номер"]);

        var (importedFigures, typedFigures) = (await FiguresAsync(imported), await FiguresAsync(typed));
        Assert.Equal(typedFigures, importedFigures);
        Assert.Equal(3541m, await App.ReadAsync(db => db.ClientFigures.Where(f => f.ClientId == imported).Select(f => f.Revenue).SingleAsync()));
        var purchases = await App.ReadAsync(db => db.Purchases.AsNoTracking().Where(p => p.ClientId == imported && p.Number != null)
            .OrderBy(p => p.Number).Select(p => new { p.Number, p.Total, p.CostOfGoods, Lines = p.Lines.Count, p.ManagerId }).ToListAsync());
        Assert.Equal([("A-1", 241m, 140m, 2, (long?)App.OwnerId), ("A-2", 3000m, 0m, 1, (long?)App.OwnerId)],
            purchases.Select(p => (p.Number!, p.Total, p.CostOfGoods, p.Lines, p.ManagerId)));

        // Run again (as after a crash between the commit and the job's status), it lands nothing a second time: the
        // base has every document of the file already, with the same values.
        var again = await RunAsync(App, job, csv, write: true);
        Assert.Equal((0L, 3L), (again.Create, again.Unchanged));
        Assert.Equal(3, await App.ReadAsync(db => db.Purchases.CountAsync(p => p.ClientId == imported)));

        await RollbackAsync(App, job);
        Assert.Equal(before, await SnapshotAsync(App));
    }

    /// <summary>Everything the figures and loyalty tables and the client row keep about a client, as text.</summary>
    private Task<string> FiguresAsync(long clientId) => App.ReadAsync(async db =>
    {
        var running = await db.ClientFigures.AsNoTracking().Where(f => f.ClientId == clientId)
            .Select(f => new { f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost, f.Purchases, f.FirstPurchase, f.LastPurchase }).SingleAsync();
        var months = await db.ClientMonthFigures.AsNoTracking().Where(f => f.ClientId == clientId).OrderBy(f => f.Month)
            .Select(f => new { f.Month, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Purchases }).ToListAsync();
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.PurchaseCount, c.LastPurchaseAt }).SingleAsync();
        var loyalty = await db.Set<Clientele.Features.Loyalty.ClientLoyalty>().AsNoTracking().Where(l => l.ClientId == clientId).Select(l => new { l.Stage, l.Since }).SingleAsync();
        return FormattableString.Invariant($"{running}\n{string.Join('\n', months)}\n{client}\n{loyalty}");
    });
}

public sealed class PurchaseImportTestsOnSqlite(SqliteApp fixture) : PurchaseImportTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class PurchaseImportTestsOnPostgres(PostgresApp fixture) : PurchaseImportTests(fixture), IClassFixture<PostgresApp>;
