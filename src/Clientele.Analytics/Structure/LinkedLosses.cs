namespace Clientele.Analytics.Structure;

/// <summary>How a client is tied to one who left, strongest first: the order in which one tie is named when there are several.</summary>
public enum LossLink
{
    /// <summary>The lost client recommended this one to us.</summary>
    ReferredByLost = 0,
    /// <summary>This client recommended the lost one to us.</summary>
    ReferredLost = 1,
    /// <summary>Both were recommended by the same third client.</summary>
    SameReferrer = 2,
    /// <summary>Both are in the same group of clients (a holding, a chain, a circle the owner put together).</summary>
    SameGroup = 3,
    /// <summary>The lost client was the intermediary (dealer, agent…) through which this one is served.</summary>
    ServedByLost = 4,
    /// <summary>Both are served through the same intermediary: a dealer that lost one of its customers to a rival may take the others along.</summary>
    SameDealer = 5,
}

/// <summary>
/// A client of the base with whom referred it (null: nobody recorded), whether it still counts as a client we have, and
/// the intermediary it is served through (null: served directly).
/// </summary>
public readonly record struct LinkedClient(long Id, long? ReferredBy, bool Active, long? ServedThrough = null);

/// <summary>A client that left on <see cref="Day"/> (a company day), within the window the owner looks back over.</summary>
public readonly record struct RecentLoss(long Client, DateOnly Day);

/// <summary>One member of one group.</summary>
public readonly record struct GroupTie(long Group, long Client);

/// <summary>
/// An active client flagged because a client tied to it left: which lost client, how they are tied, and through whom
/// (the common referrer or the group; null for a direct referral).
/// </summary>
public sealed record LinkedToLoss(long Client, long LostClient, DateOnly LostOn, LossLink Link, long? Via);

/// <summary>
/// "One defector pulls others": the active clients tied to a client that left recently — referred by it, referring it,
/// referred by the same client, in a group with it, served through it, or served through the same intermediary. A client tied to several lost clients is named once per lost
/// client, with the strongest tie between the two; the lost clients themselves and other lost clients are never flagged.
/// </summary>
public static class LinkedLosses
{
    /// <returns>The flags, the latest loss first, then by client and lost client id (a stable order for the same base).</returns>
    public static List<LinkedToLoss> Select(IReadOnlyList<LinkedClient> clients, IReadOnlyList<RecentLoss> losses, IReadOnlyList<GroupTie> groups)
    {
        var byId = new Dictionary<long, LinkedClient>(clients.Count);
        foreach (var c in clients) byId[c.Id] = c;
        var referredBy = clients.Where(c => c.ReferredBy is not null).ToLookup(c => c.ReferredBy!.Value);
        var servedBy = clients.Where(c => c.ServedThrough is not null).ToLookup(c => c.ServedThrough!.Value);
        var groupsOf = groups.ToLookup(g => g.Client, g => g.Group);
        var members = groups.ToLookup(g => g.Group, g => g.Client);
        // A client can leave twice within the window; its latest loss is the one that counts.
        var latest = losses.GroupBy(l => l.Client).Select(g => new RecentLoss(g.Key, g.Max(l => l.Day)));

        var found = new Dictionary<(long Client, long Lost), LinkedToLoss>();
        void Flag(long client, RecentLoss loss, LossLink link, long? via)
        {
            if (client == loss.Client || !byId.TryGetValue(client, out var c) || !c.Active) return;
            var key = (client, loss.Client);
            if (found.TryGetValue(key, out var known) && known.Link <= link) return;
            found[key] = new LinkedToLoss(client, loss.Client, loss.Day, link, via);
        }

        foreach (var loss in latest)
        {
            foreach (var referee in referredBy[loss.Client]) Flag(referee.Id, loss, LossLink.ReferredByLost, null);
            if (byId.TryGetValue(loss.Client, out var lost) && lost.ReferredBy is { } referrer)
            {
                Flag(referrer, loss, LossLink.ReferredLost, null);
                foreach (var sibling in referredBy[referrer]) Flag(sibling.Id, loss, LossLink.SameReferrer, referrer);
            }
            foreach (var group in groupsOf[loss.Client].Distinct().Order())
                foreach (var mate in members[group]) Flag(mate, loss, LossLink.SameGroup, group);
            foreach (var served in servedBy[loss.Client]) Flag(served.Id, loss, LossLink.ServedByLost, null);
            if (lost.ServedThrough is { } dealer)
                foreach (var sibling in servedBy[dealer]) Flag(sibling.Id, loss, LossLink.SameDealer, dealer);
        }
        return [.. found.Values.OrderByDescending(f => f.LostOn).ThenBy(f => f.Client).ThenBy(f => f.LostClient)];
    }
}
