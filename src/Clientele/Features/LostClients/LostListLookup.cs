using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>Finds the reason and competitor a lost-client input names; errors name the field that was wrong.</summary>
public static class LostLists
{
    public static async Task<ChurnReason?> ReasonAsync(ClienteleDb db, Errors e, long? id, string? code, CancellationToken ct)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToLowerInvariant();
        if (id is null && code is null)
        {
            e.Add("reasonId", Message.Of("is required (give reasonId or reasonCode)."));
            return null;
        }
        if (id is not null && code is not null)
        {
            e.Add("reasonId", Message.Of("give reasonId or reasonCode, not both."));
            return null;
        }
        var reason = id is { } reasonId
            ? await db.Set<ChurnReason>().SingleOrDefaultAsync(r => r.Id == reasonId, ct)
            : await db.Set<ChurnReason>().SingleOrDefaultAsync(r => r.Code == code, ct);
        var field = id is null ? "reasonCode" : "reasonId";
        if (reason is null) e.Add(field, id is null ? Message.Of("there is no churn reason with code '{0}'.", code) : Message.Of("there is no churn reason {0}.", id));
        else if (!reason.IsActive) e.Add(field, Message.Of("the churn reason '{0}' is deactivated.", reason.Name));
        return reason;
    }

    /// <summary>
    /// The competitor by id (a merged duplicate stands for the one it was merged into) or by name, found ignoring case or
    /// new (not yet added; the caller adds it with the write). Null when neither is given.
    /// </summary>
    /// <param name="idField">The input's field names the errors name (a lost client's competitor, a client's previous supplier).</param>
    /// <param name="kept">The competitor the record already holds: kept as it is even when deactivated since, so that
    /// editing another field of the record is not refused for it.</param>
    public static async Task<Competitor?> CompetitorAsync(ClienteleDb db, Errors e, long? id, string? name, CancellationToken ct,
        string idField = "competitorId", string nameField = "competitorName", long? kept = null)
    {
        name = e.Optional(nameField, name, LostRules.NameMax);
        if (id is not null && name is not null)
        {
            e.Add(idField, Message.Of("give {0} or {1}, not both.", idField, nameField));
            return null;
        }
        if (id is { } competitorId)
        {
            var found = await FollowMergesAsync(db, await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == competitorId, ct), ct);
            if (found is null) e.Add(idField, Message.Of("there is no competitor {0}.", competitorId));
            else if (!found.IsActive && competitorId != kept && found.Id != kept) e.Add(idField, Message.Of("the competitor '{0}' is deactivated.", found.Name));
            return found;
        }
        if (name is null || e.Has(nameField)) return null;
        // The list is short; comparing here folds case the same way on SQLite (ASCII-only lower()) and PostgreSQL.
        var all = await db.Set<Competitor>().ToListAsync(ct);
        var same = await FollowMergesAsync(db, all.Find(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)), ct);
        if (same is { IsActive: false }) e.Add(nameField, Message.Of("the competitor '{0}' is deactivated.", same.Name));
        return same ?? new Competitor { Name = name };
    }

    private static async Task<Competitor?> FollowMergesAsync(ClienteleDb db, Competitor? competitor, CancellationToken ct)
    {
        for (var hops = 0; competitor?.MergedIntoId is { } into && hops < 20; hops++)
            competitor = await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == into, ct);
        return competitor;
    }
}
