namespace Clientele.Analytics.Pipeline;

/// <summary>A delivery promised under a contract, with the manager of its deal.</summary>
public readonly record struct DeliveryFact(long? ManagerId, DateOnly PromisedOn, DateOnly? DeliveredOn);

/// <summary>A problem raised under a contract, with the manager of its deal.</summary>
public readonly record struct ProblemFact(long? ManagerId, DateOnly RaisedOn, DateOnly? ResolvedOn);

/// <summary>
/// The sale stage of one manager (or everyone's, ManagerId null on the total): of the deliveries promised in the period
/// and due by today, how many were delivered on or before the promised day; how many deliveries are late and still open
/// today (whenever promised); problems raised in the period, and problems open today (whenever raised).
/// </summary>
public sealed record FulfilmentRow(long? ManagerId, int Due, int OnTime, int LateOpen, int ProblemsRaised, int ProblemsOpen)
{
    /// <summary>On time / due; null when nothing was due (no share to show, rather than a made-up 0 % or 100 %).</summary>
    public double? OnTimeShare => Due == 0 ? null : (double)OnTime / Due;
}

public static class Fulfilment
{
    /// <summary>Per manager (ordered by id, the deals without a manager last) and the total, in company days.</summary>
    public static (FulfilmentRow[] ByManager, FulfilmentRow Total) Compute(
        IReadOnlyCollection<DeliveryFact> deliveries, IReadOnlyCollection<ProblemFact> problems, DateOnly from, DateOnly to, DateOnly today)
    {
        var managers = deliveries.Select(d => d.ManagerId).Concat(problems.Select(p => p.ManagerId)).Distinct()
            .OrderBy(m => m is null).ThenBy(m => m).ToList();
        var rows = managers.Select(m => Row(m, deliveries.Where(d => d.ManagerId == m), problems.Where(p => p.ManagerId == m), from, to, today)).ToArray();
        return (rows, Row(null, deliveries, problems, from, to, today));
    }

    /// <summary>Due by today: the promised day has come (a delivery promised for today and not yet made is not late yet).</summary>
    public static bool IsDue(DeliveryFact d, DateOnly today) => d.PromisedOn < today || d.DeliveredOn is not null;

    public static bool IsOnTime(DeliveryFact d) => d.DeliveredOn is { } delivered && delivered <= d.PromisedOn;

    public static bool IsLateOpen(DeliveryFact d, DateOnly today) => d.DeliveredOn is null && d.PromisedOn < today;

    private static FulfilmentRow Row(long? manager, IEnumerable<DeliveryFact> deliveries, IEnumerable<ProblemFact> problems, DateOnly from, DateOnly to, DateOnly today)
    {
        int due = 0, onTime = 0, lateOpen = 0, raised = 0, open = 0;
        foreach (var d in deliveries)
        {
            if (IsLateOpen(d, today)) lateOpen++;
            if (d.PromisedOn < from || d.PromisedOn > to || !IsDue(d, today)) continue;
            due++;
            if (IsOnTime(d)) onTime++;
        }
        foreach (var p in problems)
        {
            if (p.ResolvedOn is null) open++;
            if (p.RaisedOn >= from && p.RaisedOn <= to) raised++;
        }
        return new FulfilmentRow(manager, due, onTime, lateOpen, raised, open);
    }
}
