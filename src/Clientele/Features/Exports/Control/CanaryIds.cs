using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>
/// Client ids for canaries, taken from the gaps of the real range — ids below the highest that no client holds (deleted,
/// merged, or skipped by the database) — so that a canary's id lies among its neighbours' instead of above them all
/// (ADR 015). No client is ever given such an id again: both databases hand out ids above the highest ever used.
/// </summary>
public static class CanaryIds
{
    /// <summary>
    /// <paramref name="count"/> distinct ids, preferring in turn: a gap within the export's own id range no earlier canary
    /// took (so that the id alone names the canary), any gap there, any gap of the base; above the highest id only when
    /// the base has no gap at all (a base nobody ever deleted from).
    /// </summary>
    public static async Task<long[]> DrawAsync(ClienteleDb db, IReadOnlyCollection<long> exportIds, int count, CancellationToken ct)
    {
        // Row filters are bypassed for ids only: a gap must be free in the whole base, not just in the user's view.
        var clients = db.Clients.IgnoreQueryFilters();
        var top = await clients.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var bottom = await clients.MinAsync(c => (long?)c.Id, ct) ?? 1;
        // The first free id after each held one; the ids below the lowest are free too.
        var gaps = await clients.Where(c => c.Id < top && !clients.Any(d => d.Id == c.Id + 1)).Select(c => c.Id + 1).ToListAsync(ct);
        gaps.AddRange(Enumerable.Range(1, (int)Math.Clamp(bottom - 1, 0, 1000)).Select(i => (long)i));
        var used = (await db.Set<ExportCanary>().Select(c => c.FakeClientId).Distinct().ToListAsync(ct)).ToHashSet();
        var (low, high) = exportIds.Count > 0 ? (exportIds.Min(), exportIds.Max()) : (bottom, top);
        List<long>[] preferences =
        [
            [.. gaps.Where(g => g > low && g < high && !used.Contains(g))],
            [.. gaps.Where(g => g > low && g < high)],
            [.. gaps.Where(g => !used.Contains(g))],
            gaps,
        ];
        var drawn = new List<long>(count);
        foreach (var choices in preferences)
        {
            var left = choices.Where(g => !drawn.Contains(g)).ToList();
            while (drawn.Count < count && left.Count > 0)
            {
                var at = RandomNumberGenerator.GetInt32(left.Count);
                drawn.Add(left[at]);
                left.RemoveAt(at);
            }
        }
        while (drawn.Count < count)
        {
            var above = top + 1 + RandomNumberGenerator.GetInt32(1, (int)Math.Min(int.MaxValue - 1, top / 10 + 100));
            if (!drawn.Contains(above)) drawn.Add(above);
        }
        return [.. drawn];
    }
}
