namespace Clientele.Analytics.Structure;

/// <summary>A client to hand over, in the order it should be placed (most valuable first), with its ABC class and region.</summary>
public readonly record struct HandedClient(AbcClass Class, string? Region);

/// <summary>A possible successor: their load now (in <see cref="Successors.LoadOf"/> units) and the regions they already serve.</summary>
public sealed record SuccessorCandidate(long Employee, int Load, IReadOnlySet<string> Regions);

/// <summary>
/// Suggests a successor for each client of a departing manager: the least loaded candidate, counting the clients
/// already placed, with a candidate who already serves the client's region taken as one class A client lighter
/// (a known region is worth about that much of a new manager's time). Ties go to the lower employee id, so the same
/// base always gets the same suggestions.
/// </summary>
public static class Successors
{
    /// <summary>What a client weighs in a manager's load: a class A client is contacted most often and weighs most.</summary>
    public static int LoadOf(AbcClass c) => c switch { AbcClass.A => 3, AbcClass.B => 2, _ => 1 };

    public static long[] Suggest(IReadOnlyList<HandedClient> clients, IReadOnlyList<SuccessorCandidate> candidates)
    {
        if (candidates.Count == 0) throw new ArgumentException("At least one candidate is needed.", nameof(candidates));
        return [.. Place(clients, candidates, (_, _) => false).Select(e => e!.Value)];
    }

    /// <summary>
    /// A second employee (a co-manager) for each client, by the same rule, never one of the employees the client already
    /// runs through (<paramref name="excluded"/>: its manager and the key person); null when every candidate is excluded.
    /// </summary>
    public static long?[] SuggestSeconds(IReadOnlyList<HandedClient> clients, IReadOnlyList<IReadOnlySet<long>> excluded, IReadOnlyList<SuccessorCandidate> candidates) =>
        Place(clients, candidates, (client, employee) => excluded[client].Contains(employee));

    private static long?[] Place(IReadOnlyList<HandedClient> clients, IReadOnlyList<SuccessorCandidate> candidates, Func<int, long, bool> excluded)
    {
        var load = candidates.Select(c => c.Load).ToArray();
        var result = new long?[clients.Count];
        var regionBonus = LoadOf(AbcClass.A);
        for (var i = 0; i < clients.Count; i++)
        {
            var best = -1;
            var bestScore = int.MaxValue;
            for (var k = 0; k < candidates.Count; k++)
            {
                if (excluded(i, candidates[k].Employee)) continue;
                var knowsRegion = clients[i].Region is { } region && candidates[k].Regions.Contains(region);
                var score = load[k] - (knowsRegion ? regionBonus : 0);
                if (best < 0 || score < bestScore || (score == bestScore && candidates[k].Employee < candidates[best].Employee)) (best, bestScore) = (k, score);
            }
            if (best < 0) continue;
            result[i] = candidates[best].Employee;
            load[best] += LoadOf(clients[i].Class);
        }
        return result;
    }
}
