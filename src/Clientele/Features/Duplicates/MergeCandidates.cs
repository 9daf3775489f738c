using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

/// <summary>
/// The duplicate candidates a merge touches: the pair itself becomes Merged (kept as history, pointing at the kept
/// client first), and the merged client's pairs with third clients are removed — the next scan finds the kept client's
/// pairs afresh. Both are put back by an undo.
/// </summary>
internal static class MergeCandidates
{
    public static async Task MergeAsync(ClienteleDb db, long keepId, long mergeId, long? by,
        Dictionary<string, List<Dictionary<string, JsonElement>>> deleted, CancellationToken ct)
    {
        var all = await db.Set<DuplicateCandidate>().IgnoreQueryFilters()
            .Where(d => d.ClientId == mergeId || d.OtherClientId == mergeId).ToListAsync(ct);
        var both = all.Where(d => d.ClientId == keepId || d.OtherClientId == keepId).ToList();
        var others = all.Except(both).ToList();
        // Both directions may have been recorded; one row per pair stays (the unique index), the other goes.
        var pair = both.Take(1).ToList();
        others.AddRange(both.Skip(1));
        if (pair.Count > 0) deleted[ClientMerge.PairKey] = [.. pair.Select(d => RowSnapshot.Take(db, d))];
        if (others.Count > 0) deleted[ClientMerge.CandidatesKey] = [.. others.Select(d => RowSnapshot.Take(db, d))];
        foreach (var candidate in pair)
        {
            (candidate.ClientId, candidate.OtherClientId) = (keepId, mergeId);
            candidate.Status = DuplicateStatus.Merged;
            candidate.ResolvedAt = db.UtcNow;
            candidate.ResolvedById = by;
        }
        db.RemoveRange(others);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public static async Task UndoAsync(ClienteleDb db, Dictionary<string, List<Dictionary<string, JsonElement>>> deleted, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(DuplicateCandidate))!;
        foreach (var row in deleted.GetValueOrDefault(ClientMerge.PairKey) ?? [])
        {
            var id = row[nameof(DuplicateCandidate.Id)].GetInt64();
            var candidate = await db.Set<DuplicateCandidate>().IgnoreQueryFilters().SingleOrDefaultAsync(d => d.Id == id, ct);
            if (candidate is null) RowSnapshot.Add(db, type, row);
            else RowSnapshot.Fill(type, candidate, row);
        }
        foreach (var row in deleted.GetValueOrDefault(ClientMerge.CandidatesKey) ?? [])
        {
            var (a, b) = (row[nameof(DuplicateCandidate.ClientId)].GetInt64(), row[nameof(DuplicateCandidate.OtherClientId)].GetInt64());
            // A scan since the merge may have found the same pair again; the one it made stands.
            if (!await db.Set<DuplicateCandidate>().IgnoreQueryFilters().AnyAsync(d => (d.ClientId == a && d.OtherClientId == b) || (d.ClientId == b && d.OtherClientId == a), ct))
                RowSnapshot.Add(db, type, row);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
