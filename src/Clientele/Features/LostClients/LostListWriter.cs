using Clientele.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>What a list write did: the item, or why not (bad input, no such item, a name already taken).</summary>
public sealed record ListWrite<T>(T? Value, Errors? Errors = null, bool NotFound = false, string? Conflict = null) where T : class;

/// <summary>Writes to the reason and competitor lists, for the API and the owner's page alike.</summary>
public static class LostListWriter
{
    public static async Task<ListWrite<ChurnReason>> AddReasonAsync(ClienteleDb db, ListItemInput input, CancellationToken ct)
    {
        var e = new Errors();
        var name = e.Required("name", input.Name, LostRules.NameMax);
        if (e.Any) return new(null, e);
        if (await NameTakenAsync(db.Set<ChurnReason>().Select(r => r.Name), name!, ct)) return new(null, Conflict: Taken("churn reason", name!));
        var reason = new ChurnReason { Name = name!, IsActive = input.IsActive ?? true };
        db.Add(reason);
        await db.SaveChangesAsync(ct);
        return new(reason);
    }

    public static async Task<ListWrite<ChurnReason>> ChangeReasonAsync(ClienteleDb db, long id, ListItemInput input, CancellationToken ct)
    {
        var reason = await db.Set<ChurnReason>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reason is null) return new(null, NotFound: true);
        var e = new Errors();
        var name = e.Optional("name", input.Name, LostRules.NameMax);
        if (name is not null && name != reason.Name && reason.Code is not null) e.Add("name", Message.Of("a built-in reason keeps its name (it is shown in each user's language); add a reason of your own instead."));
        if (input.IsActive == false && reason.Code == LostRules.OtherCode) e.Add("isActive", Message.Of("'other' stays active: texts that match no reason fall back to it."));
        if (e.Any) return new(null, e);
        if (name is not null && name != reason.Name && await NameTakenAsync(db.Set<ChurnReason>().Where(r => r.Id != id).Select(r => r.Name), name, ct))
            return new(null, Conflict: Taken("churn reason", name));
        reason.Name = name ?? reason.Name;
        reason.IsActive = input.IsActive ?? reason.IsActive;
        await db.SaveChangesAsync(ct);
        return new(reason);
    }

    public static async Task<ListWrite<Competitor>> AddCompetitorAsync(ClienteleDb db, ListItemInput input, CancellationToken ct)
    {
        var e = new Errors();
        var name = e.Required("name", input.Name, LostRules.NameMax);
        if (e.Any) return new(null, e);
        if (await NameTakenAsync(db.Set<Competitor>().Select(c => c.Name), name!, ct)) return new(null, Conflict: Taken("competitor", name!));
        var competitor = new Competitor { Name = name! };
        db.Add(competitor);
        await db.SaveChangesAsync(ct);
        return new(competitor);
    }

    public static async Task<ListWrite<Competitor>> ChangeCompetitorAsync(ClienteleDb db, long id, ListItemInput input, CancellationToken ct)
    {
        var competitor = await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (competitor is null) return new(null, NotFound: true);
        var e = new Errors();
        var name = e.Optional("name", input.Name, LostRules.NameMax);
        if (input.IsActive == true && competitor.MergedIntoId is not null) e.Add("isActive", Message.Of("a merged duplicate stays inactive."));
        if (e.Any) return new(null, e);
        if (name is not null && name != competitor.Name && await NameTakenAsync(db.Set<Competitor>().Where(c => c.Id != id).Select(c => c.Name), name, ct))
            return new(null, Conflict: Taken("competitor", name));
        competitor.Name = name ?? competitor.Name;
        competitor.IsActive = input.IsActive ?? competitor.IsActive;
        await db.SaveChangesAsync(ct);
        return new(competitor);
    }

    /// <summary>The duplicate becomes an inactive alias of the survivor; its losses and clients' texts move over.</summary>
    public static async Task<ListWrite<Competitor>> MergeAsync(ClienteleDb db, long id, long? intoId, CancellationToken ct)
    {
        var duplicate = await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (duplicate is null) return new(null, NotFound: true);
        var e = new Errors();
        var into = intoId is { } target ? await db.Set<Competitor>().SingleOrDefaultAsync(c => c.Id == target, ct) : null;
        if (intoId is null) e.Add("intoId", Message.Of("is required."));
        else if (intoId == id) e.Add("intoId", Message.Of("a competitor cannot be merged into itself."));
        else if (into is null) e.Add("intoId", Message.Of("there is no competitor {0}.", intoId));
        else if (into.MergedIntoId is not null) e.Add("intoId", Message.Of("'{0}' was itself merged; merge into the one it was merged into.", into.Name));
        if (e.Any) return new(null, e);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        duplicate.MergedIntoId = into!.Id;
        duplicate.IsActive = false;
        await db.SaveChangesAsync(ct);
        // Aliases of the duplicate point straight at the survivor, so a lookup never walks a chain.
        await db.Set<Competitor>().Where(c => c.MergedIntoId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, into.Id), ct);
        await db.Set<ClientLoss>().Where(l => l.CompetitorId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CompetitorId, into.Id), ct);
        await db.Clients.Where(c => c.Competitor == duplicate.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Competitor, into.Name).SetProperty(c => c.Version, c => c.Version + 1), ct);
        // Clients won from the duplicate were won from the survivor (ADR 045); their version moves, as a write's would.
        await db.Clients.IgnoreQueryFilters().Where(c => c.PreviousSupplierId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PreviousSupplierId, into.Id).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await AnalyticsCommit.StaleAsync(db);
        await transaction.CommitAsync(ct);
        return new(into);
    }

    /// <summary>Names are compared ignoring case, the same on both databases (the lists are short).</summary>
    private static async Task<bool> NameTakenAsync(IQueryable<string> names, string name, CancellationToken ct) =>
        (await names.ToListAsync(ct)).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static string Taken(string what, string name) => $"A {what} named '{name}' exists.";
}
