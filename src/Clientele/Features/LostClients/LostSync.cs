using Clientele.Features.Clients;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>
/// Keeps the loss rows in step with writes that do not go through <see cref="LostMarking"/>: the client API and form
/// (which still take the reason and competitor as free text, for callers written before the lists) and purchases.
/// </summary>
public static class LostSync
{
    /// <summary>After a client write: a lost client has an open loss matching its texts; a client no longer lost has none.</summary>
    public static async Task AfterClientWriteAsync(ClienteleDb db, Client client, CancellationToken ct)
    {
        if (db.Entry(client).State == EntityState.Detached) return;
        var open = await LostMarking.OpenLossAsync(db, client.Id, ct);
        var today = await db.CompanyTodayAsync(ct);
        if (client.Status != ClientStatus.Lost)
        {
            if (open is not null) open.WonBackOn = Max(today, open.LostOn);
            return;
        }
        var lostOn = client.LostOn ?? today;
        if (open is null) db.Add(open = new ClientLoss { ClientId = client.Id, ManagerId = client.ManagerId, RecordedAt = db.UtcNow });
        open.LostOn = lostOn;
        if (open.Reason is null || !Same(open.Reason.Name, client.ChurnReason))
            (open.Reason, open.Comment) = await ReasonFromTextAsync(db, client.ChurnReason, ct);
        if (!Same(open.Competitor?.Name, client.Competitor))
            open.Competitor = await CompetitorFromTextAsync(db, client.Competitor, ct);
    }

    /// <summary>
    /// ADR 005: a purchase dated on or after the day a client was lost wins it back, as the won-back action would — on the
    /// first such purchase's day. Only purchases written after the loss was recorded count, so marking a client lost
    /// with a day before purchases it already had does not undo itself.
    /// </summary>
    public static async Task WinBackByPurchaseAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.Status == ClientStatus.Lost, ct);
        var loss = client is null ? null : await LostMarking.OpenLossAsync(db, clientId, ct);
        if (client is null || loss is null) return;
        var days = await CompanyDays.OfAsync(db, ct);
        var lostOn = days.StartOf(loss.LostOn);
        var purchase = await db.Purchases.AsNoTracking()
            .Where(p => p.ClientId == clientId && p.Date >= lostOn && p.UpdatedAt >= loss.RecordedAt)
            .OrderBy(p => p.Date).Select(p => new { p.Date, p.Number, p.ManagerId }).FirstOrDefaultAsync(ct);
        if (purchase is null) return;
        // The figures updater has just set these with a bulk update the tracked client may not know of.
        await db.Entry(client).ReloadAsync(ct);
        await LostMarking.CloseAsync(db, client, days.DayOf(purchase.Date), ct);
        db.Interactions.Add(LostMarking.Note(client.Id, purchase.ManagerId, db.UtcNow, "Won back by a purchase", purchase.Number));
    }

    /// <summary>Lost clients with a purchase written since their loss was recorded: the few a whole-base refresh must look at.</summary>
    /// <param name="among">Only these clients (a bulk write's); null: the whole base.</param>
    public static Task<List<long>> WinBackCandidatesAsync(ClienteleDb db, CancellationToken ct, long[]? among = null) => (
            from loss in among is null ? db.Set<ClientLoss>() : db.Set<ClientLoss>().Where(l => among.Contains(l.ClientId))
            where loss.WonBackOn == null
            join client in db.Clients on loss.ClientId equals client.Id
            where client.Status == ClientStatus.Lost
            join purchase in db.Purchases on loss.ClientId equals purchase.ClientId
            where purchase.UpdatedAt >= loss.RecordedAt
            select loss.ClientId)
        .Distinct().ToListAsync(ct);

    /// <summary>Built-ins by code or name, the owner's reasons by name; any other text is "other" with the text kept as the comment.</summary>
    internal static async Task<(ChurnReason Reason, string? Comment)> ReasonFromTextAsync(ClienteleDb db, string? text, CancellationToken ct)
    {
        var reasons = await db.Set<ChurnReason>().ToListAsync(ct);
        var code = LostRules.BuiltInCodeOf(text);
        var match = reasons.Find(r => (code is not null && r.Code == code) || Same(r.Name, text));
        return match is not null ? (match, null) : (reasons.Single(r => r.Code == LostRules.OtherCode), text);
    }

    internal static async Task<Competitor?> CompetitorFromTextAsync(ClienteleDb db, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var errors = new Errors();
        var competitor = await LostLists.CompetitorAsync(db, errors, null, text, ct);
        if (competitor is { Id: 0 }) db.Add(competitor);
        return competitor;
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
