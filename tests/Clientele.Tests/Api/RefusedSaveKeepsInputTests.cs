using System.Text.Json;
using Clientele.Data;
using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Groups;
using Clientele.Features.Interactions;
using Clientele.Features.Pipeline;
using Clientele.Features.Products;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Api;

/// <summary>
/// A refused save keeps what the user typed, in every form: the writer checks and normalises a copy
/// (<see cref="InputCopy"/>), so the object a form holds — the client form's, the card's forms' (interaction, purchase,
/// task, contact person, service cost), the group form's, the products page's, the leads page's and the board's new deal's — is unchanged after
/// the refusal, byte for byte, and the database is too. Each input carries a value the check would trim or rewrite
/// beside the refused one, so a writer that normalised the caller's object fails here.
/// </summary>
public abstract class RefusedSaveKeepsInputTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<Outcome<TEntity>> RefusedAsync<TEntity, TInput, TResponse>(
        EntitySpec<TEntity, TInput, TResponse> spec, TInput input, string refusedField, long? id = null, long? version = null)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var typed = JsonSerializer.Serialize(input);
        var before = await DbSnapshot.TakeAsync(App);
        await using var scope = App.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var saved = await CardWrites.SaveAsync(db, spec, id, input, version, default);
        Assert.Equal(OutcomeKind.Invalid, saved.Kind);
        Assert.True(saved.Errors!.Has(refusedField), saved.Errors.ToString());
        Assert.Equal(typed, JsonSerializer.Serialize(input));
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        return saved.Outcome;
    }

    private async Task<long> ClientAsync() => Id(await CreateClientAsync(Unique("Kept input ")));

    [Fact]
    public async Task The_client_form_keeps_a_refused_e_mail_and_the_untrimmed_name()
    {
        var input = new ClientInput { Name = "  Refused Ltd  ", Email = "refused@", Phone = "8 (912) 345-67-89", Tags = [" vip "], CoManagerIds = [3, 3] };
        await RefusedAsync(ClientSpec.Instance, input, "email");
        Assert.Equal("refused@", input.Email);
    }

    [Fact]
    public async Task The_cards_interaction_form_keeps_its_input_on_create_and_on_edit()
    {
        var client = await ClientAsync();
        var typed = new InteractionInput { ClientId = client, Kind = InteractionKind.Call, Outcome = "  agreed  ", Score = 15, OccurredAt = new DateTime(2026, 3, 2, 10, 0, 0) };
        await RefusedAsync(InteractionsApi.Spec, typed, "score");

        await using var scope = App.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var created = await CardWrites.SaveAsync(db, InteractionsApi.Spec, null, new InteractionInput { ClientId = client, Kind = InteractionKind.Call }, null, default);
        var (opened, version) = (await CardWrites.CurrentAsync(db, InteractionsApi.Spec, created.Outcome.Value!.Id, default))!.Value;
        opened.Text = "  padded  ";
        opened.Score = 11;
        await RefusedAsync(InteractionsApi.Spec, opened, "score", created.Outcome.Value.Id, version);
    }

    [Fact]
    public async Task The_cards_purchase_form_keeps_its_lines_date_and_currency()
    {
        var input = new PurchaseInput
        {
            ClientId = await ClientAsync(), Date = new DateTime(2026, 3, 2, 10, 0, 0), Currency = "rub",
            Lines = [new() { Description = "  Cable  ", Quantity = 1, Price = 100 }, new() { Description = "Mounting", Quantity = 0, Price = 50 }],
        };
        await RefusedAsync(PurchasesApi.Spec, input, "lines[1].quantity");
        Assert.Null(input.Lines![0].UnitCost);
    }

    [Fact]
    public async Task The_cards_task_form_keeps_its_input_and_is_not_marked_done_by_the_check()
    {
        var input = new TaskInput { ClientId = await ClientAsync(), Title = "  Call back  ", DueAt = default, Done = true, Result = "  agreed  " };
        await RefusedAsync(TasksApi.Spec, input, "dueAt");
        Assert.Null(input.DoneAt);
    }

    [Fact]
    public async Task The_cards_contact_person_and_service_cost_forms_keep_their_input()
    {
        var client = await ClientAsync();
        await RefusedAsync(ContactPersonsApi.Spec, new ContactPersonInput
        {
            ClientId = client, Name = "  Olga  ", Emails = ["  olga@example.com  ", "not-an-address"], Phones = ["8 912 345 67 89"], PreferredLanguage = "RU",
        }, "emails[1]");
        await RefusedAsync(ServiceCostsApi.Spec, new ServiceCostInput
        {
            ClientId = client, Date = new DateOnly(2026, 3, 2), Category = ServiceCostCategory.ManagerTime, Hours = 2, HourlyRate = -10, Note = "  visit  ", Currency = "rub",
        }, "hourlyRate");
    }

    [Fact]
    public async Task The_group_form_the_products_page_the_leads_page_and_the_boards_new_deal_keep_their_input()
    {
        await RefusedAsync(DealsApi.Spec, new DealInput { ClientId = await ClientAsync(), Title = "  Forklift  ", Value = -5, Currency = "rub", ExpectedCloseOn = new DateOnly(2027, 1, 20) }, "value");
        await RefusedAsync(GroupSpec.Instance, new GroupInput { Name = " ", Strategy = "  call monthly  ", Rule = new ClientProfile { Industries = ["  Retail  "], Tags = [" vip "] } }, "name");
        await RefusedAsync(ProductsApi.Spec, new ProductInput { Name = "  Cable  ", Sku = "  C-1  ", ListPrice = -1 }, "listPrice");
        await RefusedAsync(LeadsApi.Spec, new LeadInput { Name = "  Anna  ", Email = "anna@", Phone = "8 912 345 67 89", Note = "  met at the fair  " }, "email");
    }

    /// <summary>The copy keeps what a JSON round trip would drop: the check's own values and nested objects, unshared.</summary>
    [Fact]
    public void A_copy_keeps_values_hidden_from_json_and_shares_nothing_mutable()
    {
        var entered = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);
        var deal = new DealInput { ClientId = 7, Title = "Offer", StageEnteredAt = entered };
        Assert.Equal(entered, InputCopy.Of(deal).StageEnteredAt);
        var task = new TaskInput { Title = "Done", Done = true, DoneAt = entered };
        Assert.Equal(entered, InputCopy.Of(task).DoneAt);

        var purchase = new PurchaseInput { Lines = [new() { Description = "Cable" }] };
        var copy = InputCopy.Of(purchase);
        copy.Lines![0].Description = "changed";
        Assert.Equal("Cable", purchase.Lines[0].Description);
        var group = new GroupInput { Rule = new ClientProfile { Tags = ["vip"] } };
        InputCopy.Of(group).Rule!.Tags[0] = "changed";
        Assert.Equal("vip", group.Rule.Tags[0]);
        Assert.Throws<NotSupportedException>(() => InputCopy.Of(new Dictionary<string, string>()));
    }
}

public sealed class RefusedSaveKeepsInputTestsOnSqlite(SqliteApp fixture) : RefusedSaveKeepsInputTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class RefusedSaveKeepsInputTestsOnPostgres(PostgresApp fixture) : RefusedSaveKeepsInputTests(fixture), IClassFixture<PostgresApp>;
