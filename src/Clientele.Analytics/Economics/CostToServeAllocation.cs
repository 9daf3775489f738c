namespace Clientele.Analytics.Economics;

/// <summary>
/// The company-wide part of the cost to serve (ADR 019): costs no one books against a client — the accountant, the
/// warehouse, the office — spread over the clients by one rule. A client carries <see cref="PerActiveMonth"/> for
/// every month in which it bought (a month it was served) plus <see cref="ShareOfRevenue"/> of its revenue. Both
/// zero (the default) allocates nothing.
/// </summary>
/// <param name="PerActiveMonth">Base currency per client per month with at least one purchase.</param>
/// <param name="ShareOfRevenue">A fraction of revenue (0.03 = 3 %), from 0 to 1.</param>
public readonly record struct CostToServeAllocation(decimal PerActiveMonth, decimal ShareOfRevenue)
{
    public bool IsNone => PerActiveMonth == 0 && ShareOfRevenue == 0;

    /// <summary>The allocated cost of one client (or one period of it), rounded to the cent.</summary>
    public decimal Of(decimal revenue, int activeMonths) =>
        IsNone ? 0 : Math.Round(PerActiveMonth * activeMonths + ShareOfRevenue * revenue, 2, MidpointRounding.AwayFromZero);

    /// <summary>The figures with the allocated cost added to the client's own cost to serve.</summary>
    public ClientFigures Apply(ClientFigures figures, int activeMonths) =>
        IsNone ? figures : figures with { ServiceCost = figures.ServiceCost + Of(figures.Revenue, activeMonths) };
}
