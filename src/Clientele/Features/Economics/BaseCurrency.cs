using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Economics;

/// <summary>Every figure is reported in the company's base currency; amounts in other currencies carry their rate.</summary>
public static class BaseCurrency
{
    /// <summary>
    /// The rate to store with an amount: 1 in the base currency; otherwise the one given, or the latest rate the owner
    /// entered on or before the day. Without either the amount cannot be valued, so the write is refused.
    /// </summary>
    public static async Task<decimal?> RateAsync(
        ClienteleDb db, CompanySettings company, Errors errors, string field, string? currency, decimal? given, DateOnly day, CancellationToken ct)
    {
        if (currency is null) return null;
        if (currency == company.BaseCurrency)
        {
            if (given is { } rate && rate != 1) errors.Add("exchangeRate", Message.Of("must be 1 (or left out) for the base currency {0}.", company.BaseCurrency));
            return 1;
        }
        if (given is { } explicitRate)
        {
            if (explicitRate <= 0 || explicitRate > 1_000_000) errors.Add("exchangeRate", Message.Of("must be greater than 0 and at most {0:N0}.", 1_000_000));
            else errors.Amount("exchangeRate", explicitRate, 6);
            return explicitRate;
        }
        var known = await DayRateAsync(db, currency, day, ct);
        if (known is null)
            errors.Add(field, Message.Of("there is no exchange rate {0}→{1} on or before {2:yyyy-MM-dd}: give exchangeRate, or enter the rate under Settings.", currency, company.BaseCurrency, day));
        return known;
    }

    /// <summary>The latest rate the owner entered for <paramref name="currency"/> on or before the day; the purchase form shows it as it is typed.</summary>
    public static Task<decimal?> DayRateAsync(ClienteleDb db, string currency, DateOnly day, CancellationToken ct) =>
        db.ExchangeRates.AsNoTracking()
            .Where(r => r.Currency == currency && r.ValidFrom <= day)
            .OrderByDescending(r => r.ValidFrom).Select(r => (decimal?)r.Rate).FirstOrDefaultAsync(ct);

    public static decimal ToBase(decimal amount, decimal rate) =>
        rate == 1 ? amount : Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
}
