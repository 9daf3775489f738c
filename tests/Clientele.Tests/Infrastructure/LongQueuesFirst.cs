using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Clientele.Tests.Infrastructure.LongQueuesFirst", "Clientele.Tests")]

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Starts the PostgreSQL queues (the named "postgres…" collections, each a minute or more of tests in a row) early and
/// one after another, between the short SQLite classes. With xunit's own order a queue was sometimes started in the last
/// quarter of the run and then ran nearly alone to its end: 50–90 s of a 2-core machine at one test in flight (ADR 011).
/// All of them first was tried and was slower (four queues at once starve the rest); so the two longest start at once
/// and each of the others after a tenth of the short classes more.
/// </summary>
public sealed class LongQueuesFirst : ITestCollectionOrderer
{
    /// <summary>Longest first, as the suite's timings show them; a queue not named here goes last of the queues.</summary>
    private static readonly string[] Queues = ["postgres-6", "postgres-2", "postgres", "postgres-3", "postgres-5"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var all = testCollections.ToList();
        var queues = all.Where(c => c.DisplayName.StartsWith("postgres", StringComparison.Ordinal))
            .OrderBy(c => Array.IndexOf(Queues, c.DisplayName) is var i and >= 0 ? i : Queues.Length).ThenBy(c => c.DisplayName, StringComparer.Ordinal).ToList();
        var others = new Queue<ITestCollection>(all.Except(queues));
        var gap = Math.Max(1, others.Count / 10);
        var ordered = new List<ITestCollection>(all.Count);
        for (var q = 0; q < queues.Count; q++)
        {
            ordered.Add(queues[q]);
            if (q == 0) continue;
            for (var i = 0; i < gap && others.Count > 0; i++) ordered.Add(others.Dequeue());
        }
        ordered.AddRange(others);
        return ordered;
    }
}
