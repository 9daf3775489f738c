namespace Clientele.Analytics.Lifetime;

internal static class LifetimeData
{
    /// <summary>Refuses what no model can be fitted on, naming the first bad client (1-based, in input order).</summary>
    public static void CheckSummaries(ReadOnlySpan<LifetimeSummary> clients, string model)
    {
        if (clients.IsEmpty)
            throw new ModelFitException($"{model} cannot be fitted on no clients.");
        for (var i = 0; i < clients.Length; i++)
        {
            var (x, tx, t, m) = clients[i];
            if (!double.IsFinite(x) || !double.IsFinite(tx) || !double.IsFinite(t) || !double.IsFinite(m))
                throw new ModelFitException($"{model} cannot be fitted: client {i + 1} has a value that is not a finite number.");
            if (x < 0 || tx < 0 || t < 0 || m < 0)
                throw new ModelFitException($"{model} cannot be fitted: client {i + 1} has a negative frequency, recency, T or value.");
            if (tx > t)
                throw new ModelFitException($"{model} cannot be fitted: client {i + 1} has recency {tx} beyond its age T {t}.");
        }
    }
}
