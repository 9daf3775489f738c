using Clientele.Features.Access;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Partners;

/// <summary>One link of a chain: an intermediary the reader sees (id, name, role), or one they do not (all null: "an intermediary you do not manage").</summary>
public sealed record ChainStep(long? Id, string? Name, ClientRole? Role);

/// <summary>
/// What the card shows of a client's intermediaries: through whom it is served, nearest first, and — for an intermediary —
/// how many of the reader's clients it serves.
/// </summary>
public sealed record ServedThroughView(List<ChainStep> Chain, int Serves, bool IsIntermediary);

public static class ServedThroughChain
{
    /// <summary>
    /// The chain is walked on bare ids past the row filter (a manager's client may be served through a colleague's
    /// dealer); each step is named only if the reader sees it, and the count of served clients is the reader's own.
    /// </summary>
    public static async Task<ServedThroughView?> ReadAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Role, c.ServedThroughId }).FirstOrDefaultAsync(ct);
        if (client is null) return null;
        List<long> chain = client.ServedThroughId is { } first ? await Intermediaries.ChainAsync(db, first, ct) : [];
        var seen = await db.Clients.AsNoTracking().Where(c => chain.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Role }).ToDictionaryAsync(c => c.Id, ct);
        List<ChainStep> steps = [.. chain.Select(id => seen.TryGetValue(id, out var s) ? new ChainStep(s.Id, FieldMasks.MaskName(db.Access, s.Id, s.Name), s.Role) : new ChainStep(null, null, null))];
        var isIntermediary = Intermediaries.IsIntermediary(client.Role);
        var serves = isIntermediary ? await db.Clients.CountAsync(c => c.ServedThroughId == clientId, ct) : 0;
        return new ServedThroughView(steps, serves, isIntermediary);
    }
}
