using System.Globalization;
using Clientele.Analytics.Loyalty;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Loyalty;

/// <summary>The loyalty ladder: the funnel for a day, the clients at a rung, each client's path, the advocate mark, the thresholds.</summary>
public static class LoyaltyApi
{
    public static RouteGroupBuilder MapLoyalty(this RouteGroupBuilder api)
    {
        var ladder = api.MapGroup("/analytics/ladder").WithTags("Loyalty ladder");
        ladder.MapGet("/", LadderAsync)
            .WithSummary("Clients per stage on ?asOf=YYYY-MM-DD (today when left out), conversion between rungs, its monthly trend, retention and churn by stage.");
        ladder.MapGet("/clients", ClientsAsync).WithSummary("The clients standing at ?stage= on ?asOf=, longest there first.")
            .AuditsClientRows(value => value is LadderClientsResponse page ? ClientIdsOf(page) : null);
        ladder.MapGet("/export", ExportAsync).WithSummary("The funnel with retention and churn by stage as .xlsx or .csv (?format=).");

        var clients = api.MapGroup("/clients/{id:long}").WithTags("Loyalty ladder");
        clients.MapGet("/loyalty", ClientAsync).WithSummary("The client's stage, since when, and its path up and down the ladder.");
        clients.MapPut("/advocate", (long id, ClienteleDb db, CancellationToken ct) => MarkAsync(id, true, db, ct)).WithName("MarkClientAdvocate")
            .WithSummary("Marks the client an advocate from today: once regular, it stands at Advocate.");
        clients.MapDelete("/advocate", (long id, ClienteleDb db, CancellationToken ct) => MarkAsync(id, false, db, ct)).WithName("ClearClientAdvocate")
            .WithSummary("Clears the advocate mark.");

        var settings = api.MapGroup("/loyalty/settings").WithTags("Loyalty ladder").RequireOwnerForWrites();
        settings.MapGet("/", async (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(LoyaltyReport.ToDto(await LoyaltySettings.ReadAsync(db, ct))))
            .WithSummary("The ladder's thresholds.");
        settings.MapPut("/", PutSettingsAsync)
            .WithSummary("Changes the ladder's thresholds (owner only; fields left out stay) and recomputes every client's path.");
        return api;
    }

    private static DateOnly Today(ClienteleDb db) => db.CompanyToday();

    /// <summary>The clients a page of the rung names: audited alike by the API and the page (<see cref="LoyaltyClientsPage"/>).</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(LadderClientsResponse page) => [.. page.Items.Select(c => c.Id)];

    private static async Task<Results<Ok<LadderResponse>, ValidationProblem>> LadderAsync(string? asOf, ClienteleDb db, CancellationToken ct) =>
        AnalyticsApi.ParseDay(asOf, out var day) is { } bad ? bad : TypedResults.Ok(await LoyaltyReport.LadderAsync(db, day ?? Today(db), ct));

    private static async Task<Results<Ok<LadderClientsResponse>, ValidationProblem>> ClientsAsync(
        string? stage, string? asOf, int? offset, int? limit, ClienteleDb db, CancellationToken ct)
    {
        if (AnalyticsApi.ParseDay(asOf, out var day) is { } bad) return bad;
        if (ParseStage(stage) is not { } parsed) return ApiConventions.Invalid("stage", Message.Of("must be one of {0}.", string.Join(", ", Enum.GetNames<LoyaltyStage>())));
        if (offset < 0) return ApiConventions.Invalid("offset", Message.Of("must not be negative."));
        return TypedResults.Ok(await LoyaltyReport.ClientsAsync(db, day ?? Today(db), parsed, offset ?? 0, ApiConventions.Limit(limit), ct));
    }

    public static LoyaltyStage? ParseStage(string? value) =>
        Enum.TryParse<LoyaltyStage>(value, ignoreCase: true, out var stage) && Enum.IsDefined(stage) && !char.IsDigit(value!.Trim()[0]) ? stage : null;

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportAsync(
        string? format, string? asOf, ClienteleDb db, IStringLocalizer<LoyaltyText> l, CancellationToken ct)
    {
        if (AnalyticsApi.ParseDay(asOf, out var day) is { } bad) return bad;
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        var ladder = await LoyaltyReport.LadderAsync(db, day ?? Today(db), ct);
        return ExportResults.File(LoyaltyExport.Funnel(ladder, l), null, fileFormat, CultureInfo.CurrentCulture, "loyalty-ladder", ladder.AsOf);
    }

    private static async Task<Results<Ok<ClientLoyaltyResponse>, ProblemHttpResult>> ClientAsync(long id, ClienteleDb db, CancellationToken ct) =>
        await ClientLoyaltyAsync(db, id, ct) is { } loyalty ? TypedResults.Ok(loyalty) : ApiConventions.NotFound("Client", id);

    public static async Task<ClientLoyaltyResponse?> ClientLoyaltyAsync(ClienteleDb db, long id, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == id, ct)) return null;
        var state = await db.Set<ClientLoyalty>().AsNoTracking().SingleOrDefaultAsync(l => l.ClientId == id, ct);
        var path = await db.Set<ClientLoyaltyStep>().AsNoTracking().Where(s => s.ClientId == id).OrderBy(s => s.Date)
            .Select(s => new LoyaltyStepResponse(s.Date, s.Stage, s.PreviousStage)).ToArrayAsync(ct);
        return new ClientLoyaltyResponse(id, state?.Stage ?? LoyaltyStage.Prospect, state?.Since ?? Today(db), state?.AdvocateMarkedOn, state?.ModelLostFrom, path);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkAsync(long id, bool advocate, ClienteleDb db, CancellationToken ct) =>
        await SetAdvocateAsync(db, id, advocate, ct) ? TypedResults.NoContent() : ApiConventions.NotFound("Client", id);

    /// <summary>Sets or clears the advocate mark and recomputes the client's path with it, together; false when there is no such client.</summary>
    public static async Task<bool> SetAdvocateAsync(ClienteleDb db, long id, bool advocate, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Clients.AnyAsync(c => c.Id == id, ct)) return false;
        var state = await db.Set<ClientLoyalty>().FindAsync([id], ct);
        if (state is null) db.Add(state = new ClientLoyalty { ClientId = id, Since = Today(db) });
        // Marking again keeps the first day: the path must not move its advocate step on a repeated click.
        state.AdvocateMarkedOn = advocate ? state.AdvocateMarkedOn ?? Today(db) : null;
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record, id), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<Results<Ok<LoyaltyRulesDto>, ValidationProblem>> PutSettingsAsync(LoyaltySettingsInput input, ClienteleDb db, CancellationToken ct)
    {
        var outcome = await LoyaltySettingsWriter.SaveAsync(db, input, ct);
        return outcome.Errors is { } errors ? ApiConventions.Invalid(errors) : TypedResults.Ok(LoyaltyReport.ToDto(outcome.Settings!));
    }
}
