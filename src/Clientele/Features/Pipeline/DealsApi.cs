using System.Text.Json.Serialization;
using Clientele.Features.Audit;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Purchases;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

/// <summary>A product on a deal: from the catalogue; the price left out is the product's list price.</summary>
public sealed class DealLineInput
{
    public long ProductId { get; set; }
    public decimal Quantity { get; set; }
    public decimal? Price { get; set; }
}

public sealed class DealInput
{
    public long ClientId { get; set; }
    public string? Title { get; set; }
    /// <summary>The manager who owns the deal; the caller when left out.</summary>
    public long? ManagerId { get; set; }
    /// <summary>Left out (or null): the sum of the lines (none: 0). Kept as typed when it differs from that sum.</summary>
    public decimal? Value { get; set; }
    /// <summary>Left out: the lines stay as they are; given: the deal's products become these (an open deal's only).</summary>
    public DealLineInput[]? Lines { get; set; }
    public string? Currency { get; set; }
    public DateOnly? ExpectedCloseOn { get; set; }
    /// <summary>The first open stage of the board when left out.</summary>
    public long? StageId { get; set; }
    /// <summary>Required at a lost stage.</summary>
    public string? LostReason { get; set; }
    /// <summary>The intermediary the deal goes through; on a new deal left out, the client's own (none: direct).</summary>
    public long? IntermediaryId { get; set; }

    /// <summary>Set by the check: when the deal reached its stage.</summary>
    [JsonIgnore] internal DateTime StageEnteredAt { get; set; }
}

public sealed record DealResponse(
    long Id, long ClientId, string? ClientName, string Title, long? ManagerId, string? ManagerName, decimal Value, string Currency,
    DateOnly? ExpectedCloseOn, long StageId, string? StageName, int Probability, StageOutcome Outcome, DateTime StageEnteredAt,
    string? LostReason, long? PurchaseId, DateTime CreatedAt, long Version, long? IntermediaryId = null, string? IntermediaryName = null,
    DealLineResponse[]? Lines = null);

/// <param name="ProductName">Null when the product was deleted from the catalogue since.</param>
public sealed record DealLineResponse(long Id, long? ProductId, string? ProductName, decimal Quantity, decimal Price, decimal Amount);

public static class DealsApi
{
    public const int MaxLines = 200;

    public static readonly EntitySpec<Deal, DealInput, DealResponse> Spec = new()
    {
        Name = "Deal",
        Query = db => db.Deals.Include(d => d.Client).Include(d => d.Intermediary).Include(d => d.Manager).Include(d => d.Stage)
            .Include(d => d.Lines).ThenInclude(l => l.Product),
        ToInput = d => new DealInput
        {
            // A value equal to the lines' sum is the sum's, so a change of the lines moves it; a typed one stays.
            ClientId = d.ClientId, Title = d.Title, ManagerId = d.ManagerId, Value = d.Lines.Count > 0 && d.Value == LinesTotal(d.Lines) ? null : d.Value, Currency = d.Currency,
            ExpectedCloseOn = d.ExpectedCloseOn, StageId = d.StageId, LostReason = d.LostReason, IntermediaryId = d.IntermediaryId,
        },
        ToResponse = d => new DealResponse(d.Id, d.ClientId, d.Client?.Name, d.Title, d.ManagerId, d.Manager?.DisplayName, d.Value, d.Currency,
            d.ExpectedCloseOn, d.StageId, d.Stage is { } s ? PipelineStage.Show(s.Name) : null, d.Stage?.Probability ?? 0, d.Stage?.Outcome ?? StageOutcome.Open,
            d.StageEnteredAt, d.LostReason, d.PurchaseId, d.CreatedAt, d.Version, d.IntermediaryId, d.Intermediary?.Name,
            [.. d.Lines.OrderBy(l => l.Id).Select(l => new DealLineResponse(l.Id, l.ProductId, l.Product?.Name, l.Quantity, l.Price, l.Quantity * l.Price))]),
        Check = CheckAsync,
        Create = input => Apply(new Deal { Title = input.Title!, Currency = input.Currency! }, input),
        Apply = (d, input) => Apply(d, input),
        UpdateDependants = async (db, deal, ct) =>
        {
            await RecordTheStageReachedAsync(db, deal, ct);
            await RecordTheSaleOfAWonDealAsync(db, deal, ct);
        },
    };

    public static RouteGroupBuilder MapDeals(this RouteGroupBuilder api)
    {
        api.MapEntity("/deals", "Pipeline", Spec, (query, request) =>
        {
            if (EntityEndpoints.LongQuery(request, "clientId") is { } clientId) query = query.Where(d => d.ClientId == clientId);
            if (EntityEndpoints.LongQuery(request, "managerId") is { } managerId) query = query.Where(d => d.ManagerId == managerId);
            if (EntityEndpoints.LongQuery(request, "stageId") is { } stageId) query = query.Where(d => d.StageId == stageId);
            if (EntityEndpoints.LongQuery(request, "intermediaryId") is { } intermediaryId) query = query.Where(d => d.IntermediaryId == intermediaryId);
            return query;
        }).AddEndpointFilter(DealBelongsToItsCreator).AuditsEntityClientRows<DealResponse>(d => d.ClientId);
        api.MapGet("/deals/forecast", async Task<Ok<List<ForecastRow>>> (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(await PipelineForecast.ByMonthAsync(db, ct)))
            .WithTags("Pipeline").WithName("GetDealForecast")
            .WithSummary("The weighted forecast of the open deals the caller sees: value × the stage's probability, by expected month of close, manager and currency.");
        api.MapDealsExport();
        api.MapGet("/deals/stage-report", StageReportAsync).WithTags("Pipeline").WithName("GetDealStageReport")
            .WithSummary("Conversion and time per stage of the deals the caller sees: per stage, the visits begun in a period of company days (?from=, ?to= as YYYY-MM-DD; the last 90 days by default), optionally one manager's (?managerId=), how many moved on, were lost or are still there, the conversion to the next stage and to won, and the median and mean days spent.");
        return api;
    }

    private static async Task<Results<Ok<StageReportView>, ValidationProblem>> StageReportAsync(string? from, string? to, long? managerId, ClienteleDb db, CancellationToken ct)
    {
        var e = new Errors();
        var toDay = e.Day("to", to);
        var fromDay = e.Day("from", from);
        if (!e.Any && fromDay > (toDay ?? await db.CompanyTodayAsync(ct))) e.Add("from", Message.Of("must not be after 'to'."));
        if (e.Any) return ApiConventions.Invalid(e);
        return TypedResults.Ok(await StageReport.LoadAsync(db, fromDay, toDay, managerId, ct));
    }

    /// <summary>A deal made through the API is the caller's unless it names its manager.</summary>
    private static async ValueTask<object?> DealBelongsToItsCreator(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && CurrentUser.IdOf(context.HttpContext.User) is { } me)
            foreach (var deal in EntityBody.Inputs(context.Arguments).OfType<DealInput>()) deal.ManagerId ??= me;
        return await next(context);
    }

    private static async Task<Errors> CheckAsync(CheckContext<Deal> ctx, DealInput input)
    {
        var e = new Errors();
        var db = ctx.Db;
        if (ctx.Existing is { } existing && existing.ClientId != input.ClientId) e.Add("clientId", Message.Of<PipelineText>("a deal cannot be moved to another client."));
        else if (ctx.Existing is null && input.ClientId <= 0) e.Add("clientId", Message.Of("is required."));
        else if (ctx.Existing is null && !await ctx.ClientExistsAsync(input.ClientId)) e.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        input.Title = e.Required("title", input.Title, 200);
        e.Amount("value", input.Value);
        input.Currency = e.Currency("currency", input.Currency);
        if (input.ExpectedCloseOn is { Year: < 1990 or > 2200 }) e.Add("expectedCloseOn", Message.Of<PipelineText>("must be between 1990 and 2200."));
        if (input.ManagerId is { } managerId && !await ctx.EmployeeExistsAsync(managerId)) e.Add("managerId", Message.Of("there is no employee {0}.", managerId));
        input.LostReason = e.Optional("lostReason", input.LostReason, 500);
        if (!e.Has("clientId")) await Partners.Intermediaries.CheckDealAsync(db, e, input.ClientId, ctx.Existing, input, ctx.Cancellation);

        var stages = await PipelineStagesApi.OrderedAsync(db, ctx.Cancellation);
        input.StageId ??= stages.FirstOrDefault(s => s.Outcome == StageOutcome.Open)?.Id;
        var stage = stages.FirstOrDefault(s => s.Id == input.StageId);
        if (stage is null)
        {
            e.Add("stageId", input.StageId is null ? Message.Of("is required.") : Message.Of<PipelineText>("there is no pipeline stage {0}.", input.StageId));
            return e;
        }
        await CheckLinesAsync(ctx, e, input, stage);
        if (stage.Outcome == StageOutcome.Lost && input.LostReason is null && !e.Has("lostReason"))
            e.Add("lostReason", Message.Of<PipelineText>("is required when a deal is lost."));
        // The sale is recorded once; taking the deal back off "won" would leave a purchase no deal stands for.
        if (ctx.Existing is { PurchaseId: not null } won && won.StageId != stage.Id)
            e.Add("stageId", Message.Of<PipelineText>("a won deal's sale is recorded as purchase {0}; it stays won.", won.PurchaseId));
        input.StageEnteredAt = ctx.Existing is { } before && before.StageId == stage.Id ? before.StageEnteredAt : db.UtcNow;
        if (stage.Outcome == StageOutcome.Won && ctx.Existing?.PurchaseId is null && !e.Any)
        {
            // The purchase's own rules (currency rate, amounts) are asked before the deal moves, so a sale that
            // could not be recorded leaves the deal where it was.
            var sale = SaleOf(input, input.Value ?? 0, ctx.Existing?.Id ?? 0, db.UtcNow);
            var refusals = await PurchasesApi.Spec.Check(new CheckContext<Purchase>(db, null, ctx.Company, ctx.Cancellation), sale);
            foreach (var (field, message) in refusals.All) e.Add(field is "currency" or "exchangeRate" ? "currency" : "stageId", message);
        }
        return e;
    }

    /// <summary>The purchase a won deal records: one line of its value, today, by its manager, numbered by the deal.</summary>
    private static PurchaseInput SaleOf(DealInput deal, decimal value, long dealId, DateTime now) => new()
    {
        ClientId = deal.ClientId, Date = now, Currency = deal.Currency, ManagerId = deal.ManagerId,
        Number = dealId == 0 ? null : dealId.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = PurchaseSource,
        Lines = [new PurchaseLineInput { Description = deal.Title, Quantity = 1, Price = value }],
    };

    /// <summary>The <see cref="Purchase.Source"/> of a purchase a won deal recorded; its number is the deal's id.</summary>
    public const string PurchaseSource = "pipeline";

    /// <summary>
    /// The stage history the conversion report reads: a row when the deal is created or reaches another stage, in the
    /// write's transaction, so the history and the deal never disagree.
    /// </summary>
    private static async Task RecordTheStageReachedAsync(ClienteleDb db, Deal deal, CancellationToken ct)
    {
        if (db.Entry(deal).State is EntityState.Detached or EntityState.Deleted) return;
        var last = await db.DealStageChanges.Where(c => c.DealId == deal.Id).OrderByDescending(c => c.Id).Select(c => (long?)c.ToStageId).FirstOrDefaultAsync(ct);
        if (last == deal.StageId) return;
        db.DealStageChanges.Add(new DealStageChange
        {
            DealId = deal.Id, ClientId = deal.ClientId, ManagerId = deal.ManagerId, FromStageId = last, ToStageId = deal.StageId, At = deal.StageEnteredAt,
        });
    }

    /// <summary>
    /// Winning records the sale through the purchases' own writer, so the refresh path brings the client's figures up
    /// to date in the deal's transaction and revenue has one source.
    /// </summary>
    private static async Task RecordTheSaleOfAWonDealAsync(ClienteleDb db, Deal deal, CancellationToken ct)
    {
        if (db.Entry(deal).State is EntityState.Detached or EntityState.Deleted) return;
        // A changed stage id leaves the loaded stage behind (the new one is not tracked); the answer shows the new one.
        var stage = deal.Stage is { } loaded && loaded.Id == deal.StageId ? loaded : await db.PipelineStages.SingleAsync(s => s.Id == deal.StageId, ct);
        deal.Stage = stage;
        if (deal.PurchaseId is not null || stage.Outcome != StageOutcome.Won) return;
        var sale = SaleOf(Spec.ToInput(deal), deal.Value, deal.Id, db.UtcNow);
        var written = await EntityWriter.CreateAsync(db, PurchasesApi.Spec, sale, ct);
        if (written.Kind != OutcomeKind.Ok) throw new InvalidOperationException($"The sale of won deal {deal.Id} was refused after its check passed: {written.Errors}");
        deal.PurchaseId = written.Value!.Id;
    }

    private static Deal Apply(Deal d, DealInput input)
    {
        d.ClientId = input.ClientId; d.Title = input.Title!; d.ManagerId = input.ManagerId; d.Value = input.Value!.Value; d.Currency = input.Currency!;
        d.ExpectedCloseOn = input.ExpectedCloseOn; d.StageId = input.StageId!.Value; d.StageEnteredAt = input.StageEnteredAt; d.LostReason = input.LostReason;
        d.IntermediaryId = input.IntermediaryId;
        if (input.Lines is { } lines)
        {
            d.Lines.Clear();
            foreach (var line in lines) d.Lines.Add(new DealLine { ProductId = line.ProductId, Quantity = line.Quantity, Price = line.Price!.Value });
        }
        return d;
    }

    /// <summary>The lines' sum as a value is stored: in cents.</summary>
    private static decimal LinesTotal(IEnumerable<DealLine> lines) => decimal.Round(lines.Sum(l => l.Quantity * l.Price), 2);

    /// <summary>
    /// The deal's products: each from the catalogue, a positive quantity, a price not negative (the product's list price
    /// when left out); none changed on a won or lost deal (its sale is recorded, or there is none). Then the value: the
    /// lines' sum unless one was typed.
    /// </summary>
    private static async Task CheckLinesAsync(CheckContext<Deal> ctx, Errors e, DealInput input, PipelineStage stage)
    {
        var lines = input.Lines;
        if (lines is not null && stage.Outcome != StageOutcome.Open)
        {
            e.Add("lines", Message.Of<PipelineText>("the products of a won or lost deal cannot be changed."));
            return;
        }
        if (lines is null)
        {
            input.Value ??= ctx.Existing is { } existing ? LinesTotal(existing.Lines) : 0;
            return;
        }
        if (lines.Length > MaxLines) e.Add("lines", Message.Of("at most {0} lines.", MaxLines));
        var products = await ctx.ProductsAsync([.. lines.Select(l => l.ProductId).Distinct()]);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!products.TryGetValue(line.ProductId, out var product)) e.Add($"lines[{i}].productId", Message.Of("there is no product {0}.", line.ProductId));
            else line.Price ??= product.ListPrice;
            PurchasesApi.CheckQuantity(e, $"lines[{i}].quantity", line.Quantity);
            if (line.Price is null && product is not null) e.Add($"lines[{i}].price", Message.Of<PipelineText>("is required: product {0} has no list price.", line.ProductId));
            else e.Amount($"lines[{i}].price", line.Price);
        }
        if (e.Any) return;
        var sum = lines.Sum(l => l.Quantity * l.Price!.Value);
        if (sum >= Errors.MaxAmount) e.Add("lines", Message.Of("the lines must sum to less than {0:N0}.", Errors.MaxAmount));
        else input.Value ??= decimal.Round(sum, 2);
    }
}
