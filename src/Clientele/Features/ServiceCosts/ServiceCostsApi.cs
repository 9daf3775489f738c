using Clientele.Features.Audit;
using Clientele.Features.Economics;
using Clientele.Infrastructure.Api;

namespace Clientele.Features.ServiceCosts;

public sealed class ServiceCostInput
{
    public long ClientId { get; set; }
    public DateOnly Date { get; set; }
    public ServiceCostCategory Category { get; set; }
    /// <summary>Left out for manager time: hours × hourly rate.</summary>
    public decimal? Amount { get; set; }
    public decimal? Hours { get; set; }
    public decimal? HourlyRate { get; set; }
    public string? Currency { get; set; }
    /// <summary>Units of the base currency per unit of <see cref="Currency"/>; taken from the rate table when left out.</summary>
    public decimal? ExchangeRate { get; set; }
    public string? Note { get; set; }
    /// <summary>Its document number in the system it came from (an act, an invoice), so a re-import finds it.</summary>
    public string? Number { get; set; }
    public string? Source { get; set; }
}

public sealed record ServiceCostResponse(long Id, long ClientId, DateOnly Date, ServiceCostCategory Category, decimal Amount, decimal? Hours, decimal? HourlyRate, string Currency, decimal ExchangeRate, string? Note, long Version, string? Number = null, string? Source = null);

public static class ServiceCostsApi
{
    public static readonly EntitySpec<ServiceCost, ServiceCostInput, ServiceCostResponse> Spec = new()
    {
        Name = "Service cost",
        Query = db => db.ServiceCosts,
        ToInput = c => new ServiceCostInput { ClientId = c.ClientId, Date = c.Date, Category = c.Category, Amount = c.Amount, Hours = c.Hours, HourlyRate = c.HourlyRate, Currency = c.Currency, ExchangeRate = c.RateToBase, Note = c.Note, Number = c.Number, Source = c.Source },
        ToResponse = c => new ServiceCostResponse(c.Id, c.ClientId, c.Date, c.Category, c.Amount, c.Hours, c.HourlyRate, c.Currency, c.RateToBase, c.Note, c.Version, c.Number, c.Source),
        Check = CheckAsync,
        Create = input => Apply(new ServiceCost { Currency = input.Currency! }, input),
        Apply = (c, input) => Apply(c, input),
        UpdateDependants = (db, c, ct) => Clients.ClientRefresh.RunAsync(db, Clients.ClientWrite.Of(Clients.ChangedRows.ServiceCosts, c.ClientId), ct),
    };

    public static RouteGroupBuilder MapServiceCosts(this RouteGroupBuilder api)
    {
        api.MapEntity("/service-costs", "Service costs", Spec, (query, request) =>
            EntityEndpoints.LongQuery(request, "clientId") is { } clientId ? query.Where(c => c.ClientId == clientId) : query)
            .AuditsEntityClientRows<ServiceCostResponse>(c => c.ClientId);
        return api;
    }

    private static async Task<Errors> CheckAsync(CheckContext<ServiceCost> ctx, ServiceCostInput input)
    {
        var e = new Errors();
        if (ctx.Existing is { } existing && existing.ClientId != input.ClientId) e.Add("clientId", Message.Of("a cost cannot be moved to another client."));
        else if (ctx.Existing is null && !await ctx.ClientExistsAsync(input.ClientId))
            e.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        if (input.Date == default) e.Add("date", Message.Of("is required."));
        e.Defined("category", input.Category);
        input.Currency = e.Currency("currency", input.Currency);
        if (input.Date != default)
            input.ExchangeRate = await BaseCurrency.RateAsync(ctx.Db, ctx.Company, e, "currency", input.Currency, input.ExchangeRate, input.Date, ctx.Cancellation);
        input.Note = e.Optional("note", input.Note, 500);
        input.Number = e.Optional("number", input.Number, 50);
        input.Source = e.Optional("source", input.Source, 30);
        e.Amount("hours", input.Hours);
        e.Amount("hourlyRate", input.HourlyRate);
        e.Amount("amount", input.Amount);
        if (input.Amount is null)
        {
            if (input.Hours is { } hours && input.HourlyRate is { } rate) input.Amount = Math.Round(hours * rate, 2);
            else e.Add("amount", Message.Of("is required (or give hours and hourlyRate)."));
        }
        return e;
    }

    private static ServiceCost Apply(ServiceCost c, ServiceCostInput input)
    {
        c.ClientId = input.ClientId; c.Date = input.Date; c.Category = input.Category; c.Amount = input.Amount!.Value;
        c.Hours = input.Hours; c.HourlyRate = input.HourlyRate; c.Currency = input.Currency!; c.RateToBase = input.ExchangeRate ?? 1; c.Note = input.Note;
        c.Number = input.Number; c.Source = input.Source;
        return c;
    }
}
