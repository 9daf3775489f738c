using System.Globalization;
using Clientele.Features.Exports.Formats;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Surveys;

public sealed record ProductWishResponse(long Id, string Name, long Version);

/// <summary>
/// The product-wish register (<c>/api/v1/product-wishes</c>): the named wishes with how many clients asked and their
/// revenue, the answers not yet merged, merging answers into a new or an existing wish, and the register as a file
/// through the export gate. The answers behind it are read in the caller's scope (a manager: their clients').
/// </summary>
public static class ProductWishesApi
{
    public static RouteGroupBuilder MapProductWishes(this RouteGroupBuilder api)
    {
        var wishes = api.MapGroup("/product-wishes").WithTags("Surveys");
        wishes.MapGet("/", async Task<Ok<WishRegister>> (ClienteleDb db, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await ProductWishes.BuildAsync(db, clock, ct)))
            .WithName("GetProductWishes")
            .WithSummary($"The register: each named wish with its answers, the clients who asked and their revenue of the last {ProductWishes.RevenueMonths} months (base currency), its newest answers; and the answers not yet merged into a wish, newest first.");
        wishes.MapPost("/", (WishMergeInput input, ClienteleDb db, CancellationToken ct) => MergeAsync(null, input, db, ct)).WithName("CreateProductWish")
            .Produces<ProductWishResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Makes a named wish of the answers given (name, answerIds); an answer already in another wish moves to this one.");
        wishes.MapPost("/{id:long}/answers", (long id, WishMergeInput input, ClienteleDb db, CancellationToken ct) => MergeAsync(id, input, db, ct)).WithName("MergeIntoProductWish")
            .Produces<ProductWishResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Merges the answers given (answerIds) into an existing wish.");
        wishes.MapGet("/export", ExportAsync).WithName("ExportProductWishes")
            .WithSummary("The register as .xlsx or .csv (?format=), through export control.");
        return api;
    }

    private static async Task<IResult> MergeAsync(long? id, WishMergeInput input, ClienteleDb db, CancellationToken ct)
    {
        var outcome = await ProductWishes.MergeAsync(db, id, input, ct);
        return outcome.Kind switch
        {
            OutcomeKind.NotFound => ApiConventions.NotFound("Product wish", id ?? 0),
            OutcomeKind.Invalid => ApiConventions.Invalid(outcome.Errors!),
            _ when id is null => TypedResults.Created($"/api/v1/product-wishes/{outcome.Value!.Id}", ToResponse(outcome.Value)),
            _ => TypedResults.Ok(ToResponse(outcome.Value!)),
        };
    }

    private static ProductWishResponse ToResponse(ProductWish w) => new(w.Id, w.Name, w.Version);

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportAsync(
        ClienteleDb db, IStringLocalizer<SurveyText> t, TimeProvider clock, CancellationToken ct, string? format = null)
    {
        if (ExportResults.ParseFormat(format) is not { } parsed) return ExportResults.InvalidFormat(format);
        var register = await ProductWishes.BuildAsync(db, clock, ct);
        var table = new ExportTable(t["Product wishes"],
            [new("Id", ExportType.Integer), new(t["Wish"], ExportType.Text), new(t["Answers"], ExportType.Integer), new(t["Clients"], ExportType.Integer),
             new(t["Revenue, last 12 months"], ExportType.Money), new(t["Newest answers"], ExportType.Text)],
            [.. register.Wishes.Select(w => new object?[] { w.Id, w.Name, w.Answers, w.Clients, w.Revenue, string.Join(" | ", w.Newest.Select(a => a.Text)) })]);
        return ExportResults.File(table, null, parsed, CultureInfo.CurrentCulture, "product-wishes", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
