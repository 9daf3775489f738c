using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

/// <param name="Month">The first day of the expected month of close; null for deals without an expected date.</param>
/// <param name="Weighted">Σ value × the stage's probability.</param>
public sealed record ForecastRow(DateOnly? Month, long? ManagerId, string? ManagerName, string Currency, int Deals, decimal Value, decimal Weighted);

/// <summary>The weighted forecast: what the open deals are worth if each is won with its stage's probability.</summary>
public static class PipelineForecast
{
    /// <summary>
    /// By month of the expected close (a company day already, so no time zone enters), manager and currency; the
    /// reader's row filters decide which deals count. Summed in memory: SQLite cannot sum decimals, and even 10,000
    /// open deals are a few hundred kilobytes.
    /// </summary>
    public static async Task<List<ForecastRow>> ByMonthAsync(ClienteleDb db, CancellationToken ct = default)
    {
        var open = await db.Deals.AsNoTracking().Where(d => d.Stage!.Outcome == StageOutcome.Open)
            .Select(d => new { d.ExpectedCloseOn, d.ManagerId, ManagerName = d.Manager!.DisplayName, d.Currency, d.Value, d.Stage!.Probability })
            .ToListAsync(ct);
        return [.. open
            .GroupBy(d => (Month: d.ExpectedCloseOn is { } day ? new DateOnly(day.Year, day.Month, 1) : (DateOnly?)null, d.ManagerId, d.ManagerName, d.Currency))
            .Select(g => new ForecastRow(g.Key.Month, g.Key.ManagerId, g.Key.ManagerName, g.Key.Currency, g.Count(), g.Sum(d => d.Value),
                Math.Round(g.Sum(d => d.Value * d.Probability / 100m), 2)))
            .OrderBy(r => r.Month is null).ThenBy(r => r.Month).ThenBy(r => r.ManagerName, StringComparer.CurrentCulture).ThenBy(r => r.Currency, StringComparer.Ordinal)];
    }
}
