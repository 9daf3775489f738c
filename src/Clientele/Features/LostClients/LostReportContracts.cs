namespace Clientele.Features.LostClients;

public enum LostPeriod { Month, Quarter }

/// <summary>A reason, competitor or manager with the losses it stands for; Id null is "none" (no competitor, no manager).</summary>
public sealed record LostGroupRow(long? Id, string? Code, string Name, int Count, decimal RevenueLost);

public sealed record LostPeriodRow(string Period, DateOnly Start, int Count, decimal RevenueLost, LostGroupRow[] ByReason);

public sealed record LostClientRow(
    long ClientId, string Name, DateOnly LostOn, long ReasonId, string? ReasonCode, string Reason, long? CompetitorId, string? Competitor,
    long? ManagerId, string? Manager, decimal RevenueLost, DateOnly? WonBackOn);

/// <summary>
/// Losses dated in [From..To]. Revenue lost is the client's revenue (net of discounts, in the base currency) in the
/// twelve calendar months up to and including the month of the loss: what the firm stops getting in a year.
/// </summary>
public sealed record LostReportResponse(
    DateOnly From, DateOnly To, LostPeriod By, long? ManagerId, string Currency, int Count, decimal RevenueLost,
    LostGroupRow[] ByReason, LostGroupRow[] ByCompetitor, LostPeriodRow[] ByPeriod, LostGroupRow[] ByManager, LostClientRow[] Clients);

/// <summary>
/// A lost client worth winning back. Contribution is revenue less cost of goods, bonuses, kickbacks and cost to serve
/// over the twelve calendar months up to and including the month of its last purchase.
/// </summary>
public sealed record WinBackRow(
    int Rank, long ClientId, string Name, long? ManagerId, string? Manager, DateOnly LostOn, long ReasonId, string? ReasonCode, string Reason,
    long? CompetitorId, string? Competitor, DateOnly? LastPurchase, decimal Revenue12Months, decimal Contribution12Months);

public sealed record WinBackResponse(string Currency, int Count, WinBackRow[] Items);
