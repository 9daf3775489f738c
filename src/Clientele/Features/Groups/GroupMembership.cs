using Clientele.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Groups;

public enum MembershipChange { Done, NoGroup, NoClient, NotAMember }

/// <summary>
/// Who is in a group: the clients added by hand, together with the clients its rule matches today. The rule needs each
/// client's revenue over twelve months, so it is evaluated over the day's analytics report (cached), never per client.
/// </summary>
public static class GroupMembership
{
    public static async Task<GroupRow[]> ListAsync(ClienteleDb db, AnalyticsReport report, CancellationToken ct)
    {
        var groups = await db.ClientGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        var manual = (await db.ClientGroupMembers.AsNoTracking().Select(m => new { m.GroupId, m.ClientId }).ToListAsync(ct))
            .ToLookup(m => m.GroupId, m => m.ClientId);
        var rows = new GroupRow[groups.Count];
        for (var k = 0; k < groups.Count; k++)
        {
            var g = groups[k];
            var rule = GroupSpec.RuleOf(g);
            var byRule = MatchingIds(report, rule);
            var byHand = manual[g.Id].ToHashSet();
            rows[k] = new GroupRow(g.Id, g.Name, g.Preset, g.Strategy, rule, byHand.Count, byRule.Count, byHand.Count + byRule.Count(id => !byHand.Contains(id)), g.Version);
        }
        return rows;
    }

    /// <summary>The group's members by name, a page of them; null when the group does not exist.</summary>
    public static async Task<GroupMembersResponse?> MembersAsync(ClienteleDb db, AnalyticsReport report, long groupId, int offset, int limit, CancellationToken ct)
    {
        var group = await db.ClientGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return null;
        var byRule = new Dictionary<long, string>();
        if (GroupSpec.RuleOf(group) is { } rule)
            for (var i = 0; i < report.Base.Count; i++)
                if (rule.Matches(report.Base.Clients[i], report.Revenue12Months[i])) byRule[report.Base.Clients[i].Id] = report.Base.Clients[i].Name;
        var masks = db.Access.MasksNames;
        // Names of hand-picked members come from the database: a client added a moment ago may not be in the report yet.
        var byHand = await db.ClientGroupMembers.AsNoTracking().Where(m => m.GroupId == groupId)
            .Join(db.Clients, m => m.ClientId, c => c.Id, (m, c) => new { c.Id, Name = masks ? Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name }).ToListAsync(ct);
        var manualIds = byHand.Select(c => c.Id).ToHashSet();
        var all = byHand.Select(c => new GroupMember(c.Id, c.Name, true, byRule.ContainsKey(c.Id)))
            .Concat(byRule.Where(kv => !manualIds.Contains(kv.Key)).Select(kv => new GroupMember(kv.Key, kv.Value, false, true)))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.ClientId)
            .ToList();
        return new GroupMembersResponse(groupId, report.Base.AsOf, all.Count, [.. all.Skip(offset).Take(limit)]);
    }

    /// <summary>The groups a client is in; null when the client does not exist.</summary>
    public static async Task<ClientGroupMembership[]?> OfClientAsync(ClienteleDb db, AnalyticsReport report, long clientId, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return null;
        var manual = (await db.ClientGroupMembers.AsNoTracking().Where(m => m.ClientId == clientId).Select(m => m.GroupId).ToListAsync(ct)).ToHashSet();
        var index = Array.FindIndex(report.Base.Clients, c => c.Id == clientId);
        var groups = await db.ClientGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        return [.. groups
            .Select(g => new ClientGroupMembership(g.Id, g.Name, g.Preset, manual.Contains(g.Id),
                index >= 0 && GroupSpec.RuleOf(g) is { } rule && rule.Matches(report.Base.Clients[index], report.Revenue12Months[index])))
            .Where(m => m.ByHand || m.ByRule)];
    }

    public static async Task<MembershipChange> AddAsync(ClienteleDb db, long groupId, long clientId, CancellationToken ct)
    {
        if (await CheckAsync(db, groupId, clientId, ct) is { } missing) return missing;
        if (await db.ClientGroupMembers.AnyAsync(m => m.GroupId == groupId && m.ClientId == clientId, ct)) return MembershipChange.Done;
        db.ClientGroupMembers.Add(new ClientGroupMember { GroupId = groupId, ClientId = clientId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Added by someone else at the same moment: the client is a member either way; anything else is a real failure.
            if (!await db.ClientGroupMembers.AsNoTracking().AnyAsync(m => m.GroupId == groupId && m.ClientId == clientId, ct)) throw;
        }
        return MembershipChange.Done;
    }

    public static async Task<MembershipChange> RemoveAsync(ClienteleDb db, long groupId, long clientId, CancellationToken ct)
    {
        if (await CheckAsync(db, groupId, clientId, ct) is { } missing) return missing;
        var removed = await db.ClientGroupMembers.Where(m => m.GroupId == groupId && m.ClientId == clientId).ExecuteDeleteAsync(ct);
        return removed > 0 ? MembershipChange.Done : MembershipChange.NotAMember;
    }

    private static async Task<MembershipChange?> CheckAsync(ClienteleDb db, long groupId, long clientId, CancellationToken ct)
    {
        if (!await db.ClientGroups.AnyAsync(g => g.Id == groupId, ct)) return MembershipChange.NoGroup;
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return MembershipChange.NoClient;
        return null;
    }

    private static HashSet<long> MatchingIds(AnalyticsReport report, ClientProfile? rule)
    {
        var ids = new HashSet<long>();
        if (rule is null) return ids;
        for (var i = 0; i < report.Base.Count; i++)
            if (rule.Matches(report.Base.Clients[i], report.Revenue12Months[i])) ids.Add(report.Base.Clients[i].Id);
        return ids;
    }
}
