using System.Net;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Interactions;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Clients;

/// <summary>
/// The client card's edits and deletes (<see cref="CardWrites"/>) of each kind of a client's rows: an edit lands and
/// the client's figures follow at once; an edit or delete against the version the user opened, after someone else
/// changed the row, is refused with the row's current values and changes nothing; bad input is refused field by
/// field and changes nothing.
/// </summary>
public abstract class CardWritesTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<T> WithDbAsync<T>(Func<ClienteleDb, Task<T>> work)
    {
        await using var scope = App.Services.CreateSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
    }

    private Task<(TInput Input, long Version)> OpenAsync<TEntity, TInput, TResponse>(EntitySpec<TEntity, TInput, TResponse> spec, long id)
        where TEntity : class, IHasId, IVersioned where TInput : class =>
        WithDbAsync(async db => (await CardWrites.CurrentAsync(db, spec, id, default))!.Value);

    private Task<CardSave<TEntity, TInput>> SaveAsync<TEntity, TInput, TResponse>(EntitySpec<TEntity, TInput, TResponse> spec, long? id, TInput input, long? version)
        where TEntity : class, IHasId, IVersioned where TInput : class =>
        WithDbAsync(db => CardWrites.SaveAsync(db, spec, id, input, version, default));

    private Task<CardSave<TEntity, TInput>> DeleteAsync<TEntity, TInput, TResponse>(EntitySpec<TEntity, TInput, TResponse> spec, long id, long version)
        where TEntity : class, IHasId, IVersioned where TInput : class =>
        WithDbAsync(db => CardWrites.DeleteAsync(db, spec, id, version, default));

    private Task<(decimal Revenue, decimal ServiceCost, decimal Bonuses, int Purchases)> FiguresAsync(long clientId) =>
        App.ReadAsync(async db => await db.ClientFigures.AsNoTracking().Where(f => f.ClientId == clientId)
            .Select(f => new { f.Revenue, f.ServiceCost, f.Bonuses, f.Purchases }).SingleOrDefaultAsync() is { } f
            ? (f.Revenue, f.ServiceCost, f.Bonuses, f.Purchases) : (0m, 0m, 0m, 0));

    /// <summary>
    /// The whole rule for one kind of row: the user opens it (version v1); someone else saves a change (v2); the
    /// user's save from v1 is refused with the other's values; bad input from v2 is refused on its field; a delete
    /// from v1 is refused; a delete from v2 goes. Nothing refused changes the database.
    /// </summary>
    private async Task EditAndDeleteFollowTheVersionRuleAsync<TEntity, TInput, TResponse>(
        EntitySpec<TEntity, TInput, TResponse> spec, long id, Action<TInput> othersChange, Func<TInput, object?> changed,
        Action<TInput> mine, Action<TInput> bad, string badField, Func<Task>? afterOthers = null)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var (opened, v1) = await OpenAsync(spec, id);
        var (theirs, _) = await OpenAsync(spec, id);
        othersChange(theirs);
        var saved = await SaveAsync(spec, id, theirs, v1);
        Assert.Equal(OutcomeKind.Ok, saved.Kind);
        var v2 = saved.Outcome.Value!.Version;
        Assert.NotEqual(v1, v2);
        if (afterOthers is not null) await afterOthers();

        var before = await DbSnapshot.TakeAsync(App);
        mine(opened);
        var stale = await SaveAsync(spec, id, opened, v1);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(v2, stale.CurrentVersion);
        Assert.Equal(changed(theirs), changed(stale.Current!));
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var (current, _) = await OpenAsync(spec, id);
        bad(current);
        var invalid = await SaveAsync(spec, id, current, v2);
        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.True(invalid.Errors!.Has(badField), invalid.Errors.ToString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var staleDelete = await DeleteAsync(spec, id, v1);
        Assert.Equal(OutcomeKind.Conflict, staleDelete.Kind);
        Assert.Equal(v2, staleDelete.CurrentVersion);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        Assert.Equal(OutcomeKind.Ok, (await DeleteAsync(spec, id, v2)).Kind);
        Assert.Null(await WithDbAsync(db => CardWrites.CurrentAsync(db, spec, id, default)));
    }

    [Fact]
    public async Task A_purchase_edited_and_deleted_from_the_card_moves_the_clients_figures_and_keeps_the_version_rule()
    {
        var client = Id(await CreateClientAsync(Unique("Card buyer ")));
        var created = await SaveAsync(PurchasesApi.Spec, null, new PurchaseInput
        {
            ClientId = client, Date = new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc), Currency = "RUB", Discount = 10, Bonus = 5, Kickback = 3,
            Lines = [new() { Description = "Cable", Quantity = 2, Price = 100, UnitCost = 60 }, new() { Description = "Mounting", Quantity = 1, Price = 50, UnitCost = 0 }],
        }, null);
        Assert.Equal(OutcomeKind.Ok, created.Kind);
        // 2 × 100 + 50 − 10 = 240.
        Assert.Equal((240m, 0m, 5m, 1), await FiguresAsync(client));

        await EditAndDeleteFollowTheVersionRuleAsync(PurchasesApi.Spec, created.Outcome.Value!.Id,
            othersChange: p => { p.Lines![0].Quantity = 3; p.Bonus = 7; },
            changed: p => (p.Lines![0].Quantity, p.Bonus),
            mine: p => p.Discount = 20,
            bad: p => p.Lines![1].Quantity = 0, badField: "lines[1].quantity",
            // 3 × 100 + 50 − 10 = 340: the figures follow the other's edit at once.
            afterOthers: async () => Assert.Equal((340m, 0m, 7m, 1), await FiguresAsync(client)));

        Assert.Equal((0m, 0m, 0m, 0), await FiguresAsync(client));
    }

    [Fact]
    public async Task A_service_cost_edited_and_deleted_from_the_card_moves_the_cost_to_serve()
    {
        var client = Id(await CreateClientAsync(Unique("Served ")));
        var created = await SaveAsync(ServiceCostsApi.Spec, null,
            new ServiceCostInput { ClientId = client, Date = new DateOnly(2025, 4, 2), Category = ServiceCostCategory.Delivery, Amount = 120, Currency = "RUB" }, null);
        Assert.Equal(OutcomeKind.Ok, created.Kind);
        Assert.Equal(120m, (await FiguresAsync(client)).ServiceCost);

        await EditAndDeleteFollowTheVersionRuleAsync(ServiceCostsApi.Spec, created.Outcome.Value!.Id,
            othersChange: c => c.Amount = 200, changed: c => c.Amount,
            mine: c => c.Note = "mine",
            bad: c => c.Amount = -1, badField: "amount",
            afterOthers: async () => Assert.Equal(200m, (await FiguresAsync(client)).ServiceCost));

        Assert.Equal(0m, (await FiguresAsync(client)).ServiceCost);
    }

    [Fact]
    public async Task An_interaction_a_task_and_a_contact_person_keep_the_same_rule()
    {
        var client = Id(await CreateClientAsync(Unique("Talked to ")));
        var call = await SaveAsync(InteractionsApi.Spec, null, new InteractionInput { ClientId = client, Kind = InteractionKind.Call, Outcome = "first" }, null);
        await EditAndDeleteFollowTheVersionRuleAsync(InteractionsApi.Spec, call.Outcome.Value!.Id,
            othersChange: i => i.Outcome = "theirs", changed: i => i.Outcome,
            mine: i => i.Outcome = "mine",
            bad: i => i.Score = 11, badField: "score");

        var task = await SaveAsync(TasksApi.Spec, null, new TaskInput { ClientId = client, Title = "Send the offer", DueAt = DateTime.UtcNow.AddDays(2) }, null);
        Assert.Equal(OutcomeKind.Ok, task.Kind);
        await EditAndDeleteFollowTheVersionRuleAsync(TasksApi.Spec, task.Outcome.Value!.Id,
            othersChange: t => t.Title = "Send the revised offer", changed: t => t.Title,
            mine: t => t.Done = true,
            bad: t => t.Title = " ", badField: "title");

        var person = await SaveAsync(ContactPersonsApi.Spec, null, new ContactPersonInput { ClientId = client, Name = "Olga Petrova" }, null);
        Assert.Equal(OutcomeKind.Ok, person.Kind);
        await EditAndDeleteFollowTheVersionRuleAsync(ContactPersonsApi.Spec, person.Outcome.Value!.Id,
            othersChange: p => p.Position = "Buyer", changed: p => p.Position,
            mine: p => p.Position = "Director",
            bad: p => p.Emails = ["not-an-address"], badField: "emails[0]");
    }

    [Fact]
    public async Task The_card_and_the_API_share_one_version_an_API_edit_makes_the_cards_copy_stale()
    {
        var client = Id(await CreateClientAsync(Unique("Both ways ")));
        var created = await SaveAsync(ServiceCostsApi.Spec, null,
            new ServiceCostInput { ClientId = client, Date = new DateOnly(2025, 4, 2), Category = ServiceCostCategory.Visit, Amount = 80, Currency = "RUB" }, null);
        var id = created.Outcome.Value!.Id;
        var (opened, version) = await OpenAsync(ServiceCostsApi.Spec, id);

        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/service-costs/{id}", """{"amount":95}""", ifMatch: $"\"{version}\""));

        opened.Amount = 70;
        var stale = await SaveAsync(ServiceCostsApi.Spec, id, opened, version);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(95m, stale.Current!.Amount);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendJsonAsync(HttpMethod.Patch, $"/api/v1/service-costs/{id}", """{"amount":60}""", ifMatch: $"\"{version}\"")).StatusCode);
    }
}

public sealed class CardWritesTestsOnSqlite(SqliteApp fixture) : CardWritesTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class CardWritesTestsOnPostgres(PostgresApp fixture) : CardWritesTests(fixture), IClassFixture<PostgresApp>;
