using Clientele.Features.Access;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Features.Interactions;
using Clientele.Features.ServiceCosts;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Imports.Mapping.RecordImportHarness;

namespace Clientele.Tests.Imports.Mapping;

/// <summary>Every rejection reason with its line; interactions and service costs; a manager's import sees only that manager's clients. SQLite.</summary>
public sealed class RecordImportTests(SqliteApp fixture) : ApiTest(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_bad_row_is_rejected_with_its_line_field_and_reason_and_the_good_ones_land()
    {
        var inn = Inn();
        var name = Unique("Василёк ");
        var client = Id(await CreateClientAsync(name, new { taxId = inn, phone = "+7 916 123-45-67" }));
        var stranger = Inn();
        var csv = $"""
            Номер;Дата;ИНН;Телефон;Клиент;Товар;Кол-во;Цена;Валюта;Менеджер
            B-1;15.01.2025;{inn};;;Widget;1;100;RUB;
            B-2;15.01.2025;{stranger};;;Widget;1;100;RUB;
            B-3;31.02.2025;{inn};;;Widget;1;100;RUB;
            B-4;16.01.2025;{inn};;;Widget;1;abc;RUB;
            B-4;16.01.2025;{inn};;;Gadget;1;10;RUB;
            B-5;17.01.2025;{inn};;;Widget;1;100;RUB;nobody@example.com
            B-6;18.01.2025;{inn};;;Widget;1;100;XYZ;
            B-7;19.01.2025;;not a phone;;Widget;1;100;RUB;
            B-8;20.01.2025;;8 (916) 123-45-67;;Widget;0;100;RUB;
            B-9;21.01.2025;1234567890;;;Widget;1;100;RUB;
            B-10;22.01.2025;;;{name.ToUpperInvariant()};Widget;1;100;RUB;
            """;
        var job = await CreateJobAsync(App, ImportKind.Purchases, App.OwnerId);
        var report = await RunAsync(App, job, csv, write: true);

        Assert.Equal((11L, 2L, 9L), (report.RowsTotal, report.Create, report.Reject));
        var rejected = report.Rows.ToDictionary(r => r.Line);
        void Rejected(long line, string? field, string reason)
        {
            Assert.True(rejected.TryGetValue(line, out var row), $"line {line} should be rejected");
            Assert.Equal(ImportRowAction.Reject, row!.Action);
            Assert.Equal(field, row.Field);
            Assert.Contains(reason, row.Reason);
        }
        Rejected(3, "client_tax_id", $"no client with Tax id {stranger}");
        Rejected(4, "date", "31.02.2025");
        Rejected(5, "price", "abc");
        Rejected(6, null, "line 5 of the same purchase");
        Rejected(7, "manager", "unknown manager 'nobody@example.com'");
        Rejected(8, "currency", "XYZ");
        Rejected(9, "client_phone", "'not a phone' is not a valid Phone");
        Rejected(10, "quantity", "greater than zero");
        Rejected(11, "client_tax_id", "check digit");
        Assert.DoesNotContain(2L, rejected.Keys);
        Assert.DoesNotContain(12L, rejected.Keys);
        Assert.Equal(["B-1", "B-10"], await App.ReadAsync(db => db.Purchases.Where(p => p.ClientId == client).OrderBy(p => p.Number).Select(p => p.Number!).ToListAsync()));
    }

    [Fact]
    public async Task Interactions_and_service_costs_arrive_with_their_types_categories_and_figures()
    {
        var email = Unique("care") + "@example.com";
        var client = Id(await CreateClientAsync(Unique("Kunde "), new { email }));
        var interactions = $"""
            E-Mail;Datum;Art;Betreff;Notiz;Richtung;Betreuer
            {email};2025-01-15 10:30;Telefonat;Angebot;Rückruf vereinbart;eingehend;Olga Owner
            {email};2025-01-16;Встреча;;Показали образцы;;
            {email};2025-01-17;E-mail;Follow-up;;outbound;
            {email};2025-01-18;Telepathy;;;;
            {email};2099-01-01;Call;;;;
            """;
        var job = await CreateJobAsync(App, ImportKind.Interactions, App.OwnerId);
        var report = await RunAsync(App, job, interactions, write: true);
        Assert.Equal((5L, 3L, 2L), (report.RowsTotal, report.Create, report.Reject));
        Assert.Equal([(5L, "type"), (6L, "date")], report.Rows.Select(r => (r.Line, r.Field!)));
        var stored = await App.ReadAsync(db => db.Interactions.AsNoTracking().Where(i => i.ClientId == client).OrderBy(i => i.OccurredAt)
            .Select(i => new { i.Kind, i.Direction, i.Text, i.EmployeeId }).ToListAsync());
        Assert.Equal([InteractionKind.Call, InteractionKind.Meeting, InteractionKind.Email], stored.Select(i => i.Kind));
        Assert.Equal([Direction.Inbound, Direction.Outbound, Direction.Outbound], stored.Select(i => i.Direction));
        Assert.Equal("Angebot\nRückruf vereinbart", stored[0].Text);
        Assert.All(stored, i => Assert.Equal(App.OwnerId, i.EmployeeId));

        var costs = $"""
            Kunde;Monat;Kostenart;Betrag;Beschreibung
            {email};2025-03;Lieferung;1500;Spedition
            {email};15.03.2025;Поддержка;200.50;
            {email};13.2025;Other;10;
            """;
        var costJob = await CreateJobAsync(App, ImportKind.ServiceCosts, App.OwnerId);
        // Kunde holds e-mails here: the map says so explicitly.
        var costReport = await RunAsync(App, costJob, costs, write: true, map: "Kunde=client_email;Monat=date;Kostenart=category;Betrag=amount;Beschreibung=description");
        Assert.Equal((3L, 2L, 1L), (costReport.RowsTotal, costReport.Create, costReport.Reject));
        Assert.Equal((4L, "date"), (costReport.Rows.Single().Line, costReport.Rows.Single().Field!));
        var spent = await App.ReadAsync(db => db.ServiceCosts.AsNoTracking().Where(c => c.ClientId == client).OrderBy(c => c.Amount)
            .Select(c => new { c.Date, c.Category, c.Amount, c.Note }).ToListAsync());
        Assert.Equal([(new DateOnly(2025, 3, 15), ServiceCostCategory.Support, 200.50m), (new DateOnly(2025, 3, 1), ServiceCostCategory.Delivery, 1500m)],
            spent.Select(c => (c.Date, c.Category, c.Amount)));
        Assert.Equal(1700.50m, await App.ReadAsync(db => db.ClientFigures.Where(f => f.ClientId == client).Select(f => f.ServiceCost).SingleAsync()));

        await RollbackAsync(App, costJob);
        Assert.Equal(0, await App.ReadAsync(db => db.ServiceCosts.CountAsync(c => c.ClientId == client)));
        Assert.Equal(3, await App.ReadAsync(db => db.Interactions.CountAsync(c => c.ClientId == client)));
    }

    [Fact]
    public async Task A_managers_import_reaches_only_the_clients_that_manager_sees()
    {
        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, Unique("Max "));
        var mine = Inn();
        var others = Inn();
        var own = Id(await CreateClientAsync(Unique("Own "), new { taxId = mine, managerId = manager.Id }));
        var foreign = Id(await CreateClientAsync(Unique("Foreign "), new { taxId = others }));
        var csv = $"""
            ИНН;Дата;Сумма
            {mine};15.01.2025;500
            {others};15.01.2025;700
            """;
        var job = await CreateJobAsync(App, ImportKind.Purchases, manager.Id);
        var before = await SnapshotAsync(App);
        var dry = await RunAsync(App, job, csv, write: false, access: AccessScope.ForEmployee(manager.Id, EmployeeRole.Manager));
        Assert.Equal(before, await SnapshotAsync(App));
        var report = await RunAsync(App, job, csv, write: true, access: AccessScope.ForEmployee(manager.Id, EmployeeRole.Manager));

        foreach (var r in new[] { dry, report })
        {
            Assert.Equal((2L, 1L, 1L), (r.RowsTotal, r.Create, r.Reject));
            Assert.Equal((3L, "client_tax_id"), (r.Rows.Single().Line, r.Rows.Single().Field!));
            Assert.Contains($"no client with Tax id {others}", r.Rows.Single().Reason);
        }
        Assert.Equal(500m, await App.ReadAsync(db => db.Purchases.Where(p => p.ClientId == own).Select(p => p.Total).SingleAsync()));
        Assert.False(await App.ReadAsync(db => db.Purchases.AnyAsync(p => p.ClientId == foreign)));
    }
    [Fact]
    public async Task Amounts_written_as_russian_and_german_spreadsheets_write_them_are_read_with_their_currency()
    {
        var inn = Inn();
        var client = Id(await CreateClientAsync(Unique("Рубли и евро "), new { taxId = inn }));
        await JsonAsync(await SendJsonAsync(HttpMethod.Put, "/api/v1/exchange-rates/EUR/2024-01-01", """{"rate":100}"""));
        var csv = $"""
            ИНН;Дата;Сумма
            {inn};15.01.2025;1 234,56 ₽
            {inn};16.01.2025;1.234,56 €
            """;
        var report = await RunAsync(App, await CreateJobAsync(App, ImportKind.Purchases, App.OwnerId), csv, write: true);

        Assert.True(report.Reject == 0, string.Join("; ", report.Rows.Select(r => $"line {r.Line} {r.Field}: {r.Reason}")));
        var totals = await App.ReadAsync(db => db.Purchases.AsNoTracking().Where(p => p.ClientId == client).OrderBy(p => p.Date)
            .Select(p => new { p.Total, p.Currency, p.RateToBase }).ToListAsync());
        Assert.Equal([(1234.56m, "RUB", 1m), (1234.56m, "EUR", 100m)], totals.Select(t => (t.Total, t.Currency, t.RateToBase)));
        Assert.Equal(124_690.56m, await App.ReadAsync(db => db.ClientFigures.Where(f => f.ClientId == client).Select(f => f.Revenue).SingleAsync()));
    }
}
