using Clientele.Analytics.Loyalty;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Loyalty;

/// <summary>New thresholds; a field left out keeps its value.</summary>
public sealed class LoyaltySettingsInput
{
    public int? RegularPurchases { get; set; }
    public int? PromoterScore { get; set; }
    public double? LapseFactor { get; set; }
    public int? MinimumLapseDays { get; set; }
    public int? TrendWindowDays { get; set; }
}

/// <summary>Saves the thresholds and recomputes every path with them in one transaction, for the API and the page alike.</summary>
public static class LoyaltySettingsWriter
{
    public static async Task<(LoyaltySettings? Settings, Errors? Errors)> SaveAsync(ClienteleDb db, LoyaltySettingsInput input, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var settings = await db.Set<LoyaltySettings>().SingleOrDefaultAsync(s => s.Id == LoyaltySettings.SingleId, ct);
        var rules = (settings ?? new LoyaltySettings()).Rules;
        rules = new LoyaltyRules(input.RegularPurchases ?? rules.RegularPurchases, input.PromoterScore ?? rules.PromoterScore,
            input.LapseFactor ?? rules.LapseFactor, input.MinimumLapseDays ?? rules.MinimumLapseDays, input.TrendWindowDays ?? rules.TrendWindowDays);
        var problems = rules.Problems();
        if (problems.Count > 0)
        {
            var errors = new Errors();
            foreach (var (field, message) in problems) errors.Add(field, Message.Of(message));
            return (null, errors);
        }
        if (settings is null) db.Add(settings = new LoyaltySettings());
        settings.RegularPurchases = rules.RegularPurchases;
        settings.PromoterScore = rules.PromoterScore;
        settings.LapseFactor = rules.LapseFactor;
        settings.MinimumLapseDays = rules.MinimumLapseDays;
        settings.TrendWindowDays = rules.TrendWindowDays;
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.AllClients(ChangedRows.LoyaltyRules), ct);
        await transaction.CommitAsync(ct);
        return (await LoyaltySettings.ReadAsync(db, ct), null);
    }
}
