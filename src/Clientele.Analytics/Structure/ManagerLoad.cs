namespace Clientele.Analytics.Structure;

/// <summary>One client in a manager's care: its ABC class and the days since anyone last was in touch (null: never).</summary>
public readonly record struct ManagedClient(long Manager, AbcClass Class, int? DaysSinceContact);

/// <summary>A manager's portfolio by class, its load in class weights, and the class A clients nobody contacted within the limit.</summary>
public sealed record ManagerLoadRow(long Manager, int A, int B, int C, int Load, int UncontactedA, double LoadShare)
{
    public bool OverCapacity => LoadShare > 1;
}

/// <summary>
/// Managers' load: each client weighs its class's weight (<see cref="Successors.LoadOf"/>: A = 3, B = 2, C = 1), the load
/// is set against the owner's capacity in the same units, and a class A client not contacted for longer than the owner's
/// limit is counted as uncontacted (the "managers relax" warning).
/// </summary>
public static class ManagerLoad
{
    public static List<ManagerLoadRow> Of(IEnumerable<ManagedClient> clients, int uncontactedDays, int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be positive.");
        return [.. clients.GroupBy(c => c.Manager).Select(g =>
        {
            var load = g.Sum(c => Successors.LoadOf(c.Class));
            return new ManagerLoadRow(g.Key, g.Count(c => c.Class == AbcClass.A), g.Count(c => c.Class == AbcClass.B), g.Count(c => c.Class == AbcClass.C), load,
                g.Count(c => c.Class == AbcClass.A && (c.DaysSinceContact is null || c.DaysSinceContact > uncontactedDays)), (double)load / capacity);
        }).OrderByDescending(r => r.LoadShare).ThenBy(r => r.Manager)];
    }
}
