using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Economics;

public sealed record ExchangeRateResponse(string Currency, DateOnly ValidFrom, decimal Rate);

/// <param name="BaseCurrency">What one unit of each currency is worth in.</param>
public sealed record ExchangeRateList(string BaseCurrency, ExchangeRateResponse[] Items);

public sealed class ExchangeRateInput
{
    /// <summary>Units of the base currency for one unit of the currency, at most six decimals.</summary>
    public decimal? Rate { get; set; }
}

/// <summary>
/// The owner's rate table. A purchase or service cost takes its rate when it is written and keeps it, so a rate entered
/// or changed here values only what is written afterwards.
/// </summary>
public static class ExchangeRateWriter
{
    public const decimal MaxRate = 1_000_000m;

    public static ExchangeRateResponse ToResponse(ExchangeRate r) => new(r.Currency, r.ValidFrom, r.Rate);

    public static async Task<ExchangeRateResponse[]> ListAsync(ClienteleDb db, string? currency, CancellationToken ct)
    {
        var query = db.ExchangeRates.AsNoTracking();
        if (currency is not null) query = query.Where(r => r.Currency == currency);
        return [.. (await query.OrderBy(r => r.Currency).ThenByDescending(r => r.ValidFrom).ToListAsync(ct)).Select(ToResponse)];
    }

    /// <summary>The currency as stored (upper case), with an error when it is not ISO 4217 or is the base currency.</summary>
    public static string? CheckCurrency(Errors e, CompanySettings company, string? currency)
    {
        var code = e.Currency("currency", currency);
        if (code is not null && !e.Has("currency") && code == company.BaseCurrency)
            e.Add("currency", Message.Of("must not be the base currency: its rate is always 1."));
        return code;
    }

    /// <param name="validFrom">Null only from a form left half-filled; the API always has the day from its path.</param>
    public static async Task<Outcome<ExchangeRate>> SetAsync(ClienteleDb db, string? currency, DateOnly? validFrom, decimal? rate, CancellationToken ct)
    {
        var e = new Errors();
        var code = CheckCurrency(e, await new CompanySettingsReader(db).GetAsync(ct), currency);
        if (validFrom is null) e.Add("validFrom", Message.Of("is required."));
        else if (!MonthText.InRange(validFrom.Value)) e.Add("validFrom", Message.Of("must be a date as YYYY-MM-DD between 1990 and 2100."));
        if (rate is not { } r) e.Add("rate", Message.Of("is required."));
        else if (r <= 0) e.Add("rate", Message.Of("must be greater than zero."));
        else if (r > MaxRate) e.Add("rate", Message.Of("must be at most {0:N0}.", 1_000_000));
        else if (r != Math.Round(r, 6)) e.Add("rate", Message.Of("must have at most 6 decimal places."));
        if (e.Any) return Outcome<ExchangeRate>.Invalid(e);
        var day = validFrom!.Value;
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.ExchangeRates.SingleOrDefaultAsync(x => x.Currency == code && x.ValidFrom == day, ct);
            if (row is null) db.ExchangeRates.Add(row = new ExchangeRate { Currency = code!, ValidFrom = day });
            row.Rate = rate!.Value;
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<ExchangeRate>.Ok(row);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another writer entered the same day first: set the rate on its row.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static async Task<bool> DeleteAsync(ClienteleDb db, string currency, DateOnly validFrom, CancellationToken ct) =>
        await db.ExchangeRates.Where(r => r.Currency == currency && r.ValidFrom == validFrom).ExecuteDeleteAsync(ct) > 0;
}
