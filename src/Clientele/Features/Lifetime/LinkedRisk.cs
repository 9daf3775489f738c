using System.Globalization;
using Clientele.Analytics.Structure;
using Clientele.Features.Access;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Groups;
using Clientele.Features.LostClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>
/// An active client the reader sees, flagged because a client tied to it left within the owner's days. The lost client
/// and the common referrer are named only when the reader may see them (their ids and names are null otherwise: "a
/// client you do not manage"); <see cref="GroupName"/> is the group's for <see cref="LossLink.SameGroup"/>.
/// </summary>
public sealed record LinkedRiskRow(
    long ClientId, string ClientName, long? ManagerId, string? ManagerName, LossLink Link, DateOnly LostOn,
    long? LostClientId, string? LostClientName, long? ViaClientId, string? ViaClientName, long? GroupId, string? GroupName);

/// <summary>The linked-client flags as of a company day, over the losses of the last <paramref name="Days"/> days.</summary>
public sealed record LinkedRiskResponse(DateOnly AsOf, int Days, int Total, List<LinkedRiskRow> Items);

/// <summary>
/// "One defector pulls others", computed on read: the losses of the window (a client marked lost, or an open loss row),
/// the ties around them read as bare ids past the row filter — a manager's client may have been referred by a colleague's —
/// and <see cref="LinkedLosses.Select"/>; then only the flagged clients the reader sees are answered, and the other ends
/// of each tie are named only if the reader sees them too. Groups tie clients only by hand membership in a group of the
/// owner's own: the three strategy groups and rule members are profiles, not relationships.
/// </summary>
public static class LinkedRisk
{
    public static async Task<LinkedRiskResponse> ReadAsync(ClienteleDb db, long? onlyClient, CancellationToken ct)
    {
        var today = await db.CompanyTodayAsync(ct);
        var days = (await LifetimeSettingsStore.GetAsync(db, ct)).LinkedLossDays;
        var from = today.AddDays(-days);
        // The ties are read as ids only, past the row filter on purpose: whom a lost client referred is not the reader's
        // to see, but that one of the reader's own clients is tied to a loss is; names are read below in the reader's scope.
        var marked = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.Status == ClientStatus.Lost && c.LostOn != null && c.LostOn >= from)
            .Select(c => new { c.Id, Day = c.LostOn!.Value }).ToListAsync(ct);
        var open = await db.Set<ClientLoss>().IgnoreQueryFilters().AsNoTracking().Where(l => l.WonBackOn == null && l.LostOn >= from)
            .Select(l => new { Id = l.ClientId, Day = l.LostOn }).ToListAsync(ct);
        List<RecentLoss> losses = [.. marked.Concat(open).Select(l => new RecentLoss(l.Id, l.Day))];
        if (losses.Count == 0) return new LinkedRiskResponse(today, days, 0, []);

        var lostIds = losses.Select(l => l.Client).Distinct().ToList();
        var referrers = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => lostIds.Contains(c.Id) && c.ReferredById != null)
            .Select(c => c.ReferredById!.Value).Distinct().ToListAsync(ct);
        var dealers = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => lostIds.Contains(c.Id) && c.ServedThroughId != null)
            .Select(c => c.ServedThroughId!.Value).Distinct().ToListAsync(ct);
        var ownGroups = db.Set<ClientGroup>().Where(g => g.Preset == GroupPreset.None).Select(g => g.Id);
        var lostGroups = await db.Set<ClientGroupMember>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => lostIds.Contains(m.ClientId) && ownGroups.Contains(m.GroupId)).Select(m => m.GroupId).Distinct().ToListAsync(ct);
        var ties = await db.Set<ClientGroupMember>().IgnoreQueryFilters().AsNoTracking().Where(m => lostGroups.Contains(m.GroupId))
            .Select(m => new GroupTie(m.GroupId, m.ClientId)).ToListAsync(ct);
        var mates = ties.Select(t => t.Client).Distinct().ToList();
        var clients = await db.Clients.IgnoreQueryFilters().AsNoTracking()
            .Where(c => lostIds.Contains(c.Id) || referrers.Contains(c.Id) || mates.Contains(c.Id)
                || (c.ReferredById != null && (lostIds.Contains(c.ReferredById.Value) || referrers.Contains(c.ReferredById.Value)))
                || (c.ServedThroughId != null && (lostIds.Contains(c.ServedThroughId.Value) || dealers.Contains(c.ServedThroughId.Value))))
            .Select(c => new LinkedClient(c.Id, c.ReferredById, c.Status == ClientStatus.Active, c.ServedThroughId)).ToListAsync(ct);

        var flags = LinkedLosses.Select(clients, losses, ties);
        if (onlyClient is { } one) flags = [.. flags.Where(f => f.Client == one)];
        if (flags.Count == 0) return new LinkedRiskResponse(today, days, 0, []);

        // The reader's scope from here: a flagged client they cannot see is not answered, a lost one or a referrer is not named.
        var named = flags.Select(f => f.Client).Concat(flags.Select(f => f.LostClient)).Concat(flags.Where(f => f.Link is LossLink.SameReferrer or LossLink.SameDealer).Select(f => f.Via!.Value))
            .Distinct().ToList();
        var masks = db.Access.MasksNames;
        var seen = await db.Clients.AsNoTracking().Where(c => named.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.ManagerId, Manager = c.Manager != null ? c.Manager.DisplayName : null }).ToDictionaryAsync(c => c.Id, ct);
        string NameOf(long id) => masks ? FieldMasks.MaskedClientName(id) : seen[id].Name;
        var groupNames = await db.Set<ClientGroup>().AsNoTracking().Where(g => lostGroups.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);

        List<LinkedRiskRow> rows = [.. flags.Where(f => seen.ContainsKey(f.Client)).Select(f =>
        {
            var client = seen[f.Client];
            var lostSeen = seen.ContainsKey(f.LostClient);
            long? via = (f.Link is LossLink.SameReferrer or LossLink.SameDealer) && seen.ContainsKey(f.Via!.Value) ? f.Via : null;
            long? group = f.Link == LossLink.SameGroup ? f.Via : null;
            return new LinkedRiskRow(f.Client, NameOf(f.Client), client.ManagerId, client.Manager, f.Link, f.LostOn,
                lostSeen ? f.LostClient : null, lostSeen ? NameOf(f.LostClient) : null, via, via is { } v ? NameOf(v) : null,
                group, group is { } g ? groupNames.GetValueOrDefault(g) : null);
        })];
        return new LinkedRiskResponse(today, days, rows.Count, rows);
    }

    /// <summary>One manager's flagged clients (null: all the answer holds), as the API's managerId and the page's picker narrow it.</summary>
    public static LinkedRiskResponse OfManager(LinkedRiskResponse answer, long? managerId)
    {
        if (managerId is null) return answer;
        List<LinkedRiskRow> mine = [.. answer.Items.Where(r => r.ManagerId == managerId)];
        return answer with { Total = mine.Count, Items = mine };
    }

    /// <summary>Every client a page of flags names (the flagged ones and those named beside them): what the API and the pages audit.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(IEnumerable<LinkedRiskRow> rows) =>
        [.. rows.SelectMany(r => new[] { r.ClientId, r.LostClientId, r.ViaClientId }).OfType<long>().Distinct()];

    /// <summary>The tie in words, in the reader's language: "referred by Vector, which left on 03.12.2026".</summary>
    public static string Describe(LinkedRiskRow row, IStringLocalizer<LinkedRiskText> t)
    {
        var lost = row.LostClientName ?? t["a client you do not manage"];
        var day = row.LostOn.ToString("d", CultureInfo.CurrentCulture);
        return row.Link switch
        {
            LossLink.ReferredByLost => t["referred by {0}, which left on {1}", lost, day],
            LossLink.ReferredLost => t["recommended {0} to us, which left on {1}", lost, day],
            LossLink.SameReferrer => t["referred by {0}, as was {1}, which left on {2}", row.ViaClientName ?? t["a client you do not manage"], lost, day],
            LossLink.ServedByLost => t["served through {0}, which left on {1}", lost, day],
            LossLink.SameDealer => t["served through {0}, as was {1}, which left on {2}", row.ViaClientName ?? t["an intermediary you do not manage"], lost, day],
            _ => t["in the group {0} with {1}, which left on {2}", row.GroupName ?? "—", lost, day],
        };
    }
}
