using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

/// <summary>A person's verdict on a pair: "not a duplicate". Merging is <see cref="ClientMerge"/>.</summary>
public static class DuplicateReview
{
    /// <summary>Dismisses an open pair the context sees both clients of: NotFound when it does not, Conflict when not open.</summary>
    public static async Task<OutcomeKind> DismissAsync(ClienteleDb db, long id, CancellationToken ct)
    {
        var candidate = await db.Set<DuplicateCandidate>().Where(d => d.Id == id && db.Clients.Any(c => c.Id == d.OtherClientId)).SingleOrDefaultAsync(ct);
        if (candidate is null) return OutcomeKind.NotFound;
        if (candidate.Status != DuplicateStatus.Open) return OutcomeKind.Conflict;
        candidate.Status = DuplicateStatus.Dismissed;
        candidate.ResolvedAt = db.UtcNow;
        candidate.ResolvedById = ClientMerge.Actor(db);
        await db.SaveChangesAsync(ct);
        return OutcomeKind.Ok;
    }
}
