using Xunit.Abstractions;

[assembly: Xunit.TestCollectionOrderer("Clientele.Tests.Infrastructure.LongQueuesFirst", "Clientele.Tests")]

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Starts the longest chains of the run first. Each PostgreSQL collection runs its classes one after another on its own
/// server; in xunit's default order (by the collections' ids) three of the six queues started after 280, 380 and 410 s
/// of a 480-s run and ran alone at its end, two to one test in flight on two cores (the run's tail). Then the single
/// classes that take a minute and more, then the rest in the default order.
/// </summary>
public sealed class LongQueuesFirst : Xunit.ITestCollectionOrderer
{
    // Busy seconds of each queue in a fresh run of 2026-12-07, longest first.
    private static readonly string[] Queues = ["postgres-4", "postgres-2", "postgres-6", "postgres", "postgres-5", "postgres-3"];

    private static readonly string[] LongClasses =
        ["AccessMatrixTestsOnSqlite", "SystemdUnitTests", "AuditGroupCommitTestsOnSqlite", "CommandLineErrorTests", "RefreshPathTestsOnSqlite", "FuzzTestsOnSqlite"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.UniqueID);

    private static int Rank(ITestCollection collection)
    {
        var queue = Array.IndexOf(Queues, collection.DisplayName);
        if (queue >= 0) return queue;
        var single = Array.FindIndex(LongClasses, name => collection.DisplayName.EndsWith("." + name, StringComparison.Ordinal));
        return single >= 0 ? Queues.Length + single : int.MaxValue;
    }
}
