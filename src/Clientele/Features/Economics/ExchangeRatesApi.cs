using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Economics;

/// <summary>The owner's exchange-rate table into the base currency: read by all, set by the owner.</summary>
public static class ExchangeRatesApi
{
    private const string OnlyLaterRecords =
        " A rate values only purchases and service costs written afterwards without their own exchangeRate; records already written keep the rate stored with them.";

    public static RouteGroupBuilder MapExchangeRates(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exchange-rates").WithTags("Exchange rates").RequireOwnerForWrites();
        group.MapGet("/", ListAsync)
            .WithSummary("Exchange rates into the base currency (?currency=EUR to see one), newest first per currency.");
        group.MapPut("/{currency}/{validFrom}", SetAsync)
            .WithSummary("Sets the rate of a currency from a day on (YYYY-MM-DD), owner only." + OnlyLaterRecords);
        group.MapDelete("/{currency}/{validFrom}", DeleteAsync)
            .WithSummary("Removes the rate of a currency from a day (owner only)." + OnlyLaterRecords);
        return api;
    }

    private static async Task<Results<Ok<ExchangeRateList>, ValidationProblem>> ListAsync(string? currency, ClienteleDb db, CompanySettingsReader company, CancellationToken ct)
    {
        var e = new Errors();
        var code = currency is null ? null : e.Currency("currency", currency);
        if (e.Any) return ApiConventions.Invalid(e);
        return TypedResults.Ok(new ExchangeRateList((await company.GetAsync(ct)).BaseCurrency, await ExchangeRateWriter.ListAsync(db, code, ct)));
    }

    private static async Task<Results<Ok<ExchangeRateResponse>, ValidationProblem>> SetAsync(
        string currency, string validFrom, ExchangeRateInput input, ClienteleDb db, CancellationToken ct)
    {
        if (!MonthText.TryParseDay(validFrom, out var day)) return BadDay();
        var outcome = await ExchangeRateWriter.SetAsync(db, currency, day, input.Rate, ct);
        return outcome.Kind == OutcomeKind.Invalid ? ApiConventions.Invalid(outcome.Errors!) : TypedResults.Ok(ExchangeRateWriter.ToResponse(outcome.Value!));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string currency, string validFrom, ClienteleDb db, CompanySettingsReader company, CancellationToken ct)
    {
        var e = new Errors();
        var code = ExchangeRateWriter.CheckCurrency(e, await company.GetAsync(ct), currency);
        if (e.Any) return ApiConventions.Invalid(e);
        if (!MonthText.TryParseDay(validFrom, out var day)) return BadDay();
        return await ExchangeRateWriter.DeleteAsync(db, code!, day, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no {code} rate from {day:yyyy-MM-dd}.");
    }

    private static ValidationProblem BadDay() => ApiConventions.Invalid("validFrom", Message.Of("must be a date as YYYY-MM-DD between 1990 and 2100."));
}
