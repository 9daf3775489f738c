using Clientele.Analytics.Economics;
using Clientele.Features.Company;

namespace Clientele.Features.Analytics;

/// <summary>
/// The base as it stood at the end of a day, in compact columns: one index per client, its lifetime figures as of
/// that day, and its months from a window before it. Read from the aggregate tables plus the raw rows of the day's
/// own month only, never from all purchases.
/// </summary>
public sealed class AnalyticsBase
{
    /// <summary>Months of history loaded before the analysis month: 24 months of trends with a 12-month activity window.</summary>
    public const int HistoryMonths = 36;

    public required DateOnly AsOf { get; init; }
    public required int AsOfMonth { get; init; }
    public required int FromMonth { get; init; }
    public required CompanySettings Settings { get; init; }
    public required ClientFacts[] Clients { get; init; }
    public required ClientFigures[] Figures { get; init; }
    public required int[] Purchases { get; init; }
    public required DateOnly?[] FirstPurchase { get; init; }
    public required DateOnly?[] LastPurchase { get; init; }
    /// <summary>Rows of months from <see cref="FromMonth"/> to the analysis month with purchases or costs, ordered by client then month.</summary>
    public required ClientMonthRow[] Months { get; init; }
    /// <summary>Channel spend of months in which the channel brought no client, by channel index.</summary>
    public required Dictionary<int, decimal> UnallocatedSpend { get; init; }
    public required long[] ChannelIds { get; init; }
    public required string[] ChannelNames { get; init; }
    /// <summary>Index of each client's acquisition channel in <see cref="ChannelIds"/>, or −1.</summary>
    public required int[] ChannelIndex { get; init; }
    /// <summary>Each client's share of its channel's spend: the part of its acquisition cost the channel paid (its direct cost is not).</summary>
    public required decimal[] ChannelShare { get; init; }

    public int Count => Clients.Length;
}
