using Clientele.Analytics.Calendar;
using Clientele.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Economics;

public sealed record ChannelSpendRow(long ChannelId, string Month, decimal Amount, DateTime UpdatedAt);

/// <param name="Currency">The base currency, which every amount is in.</param>
public sealed record ChannelSpendList(string Currency, ChannelSpendRow[] Items);

public sealed class ChannelSpendInput
{
    /// <summary>In the base currency, at most two decimals.</summary>
    public decimal? Amount { get; set; }
}

/// <summary>Monthly spend per acquisition channel; it changes the acquisition cost of the clients the channel brought that month.</summary>
public static class ChannelSpendWriter
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static ChannelSpendRow ToRow(ChannelSpend s) => new(s.ChannelId, MonthIndex.Label(s.Month), s.Amount, s.UpdatedAt);

    public static async Task<ChannelSpendRow[]> ListAsync(ClienteleDb db, int? from, int? to, CancellationToken ct)
    {
        var query = db.ChannelSpend.AsNoTracking();
        if (from is { } f) query = query.Where(s => s.Month >= f);
        if (to is { } t) query = query.Where(s => s.Month <= t);
        return [.. (await query.OrderBy(s => s.Month).ThenBy(s => s.ChannelId).ToListAsync(ct)).Select(ToRow)];
    }

    public static Errors CheckAmount(decimal? amount)
    {
        var e = new Errors();
        if (amount is not { } a) e.Add("amount", Message.Of("is required."));
        else if (a < 0) e.Add("amount", Message.Of("must not be negative."));
        else if (a > MaxAmount) e.Add("amount", Message.Of("must be at most {0:N0}.", Errors.MaxAmount));
        else if (a != Math.Round(a, 2)) e.Add("amount", Message.Of("must have at most 2 decimal places."));
        return e;
    }

    /// <summary>Sets the spend of a channel in a month; not found means the channel does not exist.</summary>
    public static async Task<Outcome<ChannelSpend>> SetAsync(ClienteleDb db, long channelId, int month, decimal? amount, CancellationToken ct)
    {
        if (!await db.AcquisitionChannels.AnyAsync(c => c.Id == channelId, ct)) return Outcome<ChannelSpend>.NotFound();
        var errors = CheckAmount(amount);
        if (errors.Any) return Outcome<ChannelSpend>.Invalid(errors);
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.ChannelSpend.SingleOrDefaultAsync(s => s.ChannelId == channelId && s.Month == month, ct);
            if (row is null) db.ChannelSpend.Add(row = new ChannelSpend { ChannelId = channelId, Month = month });
            row.Amount = amount!.Value;
            row.UpdatedAt = db.UtcNow;
            try
            {
                await db.SaveChangesAsync(ct);
                await AnalyticsCommit.StaleAsync(db);
                return Outcome<ChannelSpend>.Ok(row);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another writer inserted the same month first: take its row and set the amount on it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Removes the spend of a channel in a month; not found when nothing was recorded.</summary>
    public static async Task<Outcome<bool>> DeleteAsync(ClienteleDb db, long channelId, int month, CancellationToken ct)
    {
        var deleted = await db.ChannelSpend.Where(s => s.ChannelId == channelId && s.Month == month).ExecuteDeleteAsync(ct);
        if (deleted == 0) return Outcome<bool>.NotFound();
        await AnalyticsCommit.StaleAsync(db);
        return Outcome<bool>.Ok(true);
    }
}
