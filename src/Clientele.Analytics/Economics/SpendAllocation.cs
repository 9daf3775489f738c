namespace Clientele.Analytics.Economics;

/// <summary>A client as the allocation of spend sees it: its acquisition channel (if any), the month it was won, its own direct cost.</summary>
public readonly record struct AcquiredClient(long? Channel, int Month, decimal DirectCost);

/// <summary>What a channel cost in one month (a <see cref="Calendar.MonthIndex"/>).</summary>
public readonly record struct ChannelMonthSpend(long Channel, int Month, decimal Amount);

/// <summary>
/// Each client's acquisition cost: its own direct cost plus its channel's spend of its acquisition month shared evenly
/// by the clients that channel brought that month, each share rounded to the cent. Spend of months in which a channel
/// brought nobody stays with the channel, unallocated, and so do the cents the rounding of the shares leaves over (or takes).
/// </summary>
/// <param name="AcquisitionCost">Per client, in the order given: direct cost + channel share.</param>
/// <param name="ChannelShare">Per client: the part of its acquisition cost its channel paid.</param>
/// <param name="Unallocated">Per channel: spend no client carries (non-zero entries only).</param>
public sealed record SpendAllocation(decimal[] AcquisitionCost, decimal[] ChannelShare, Dictionary<long, decimal> Unallocated)
{
    /// <param name="spend">At most one entry per channel and month.</param>
    public static SpendAllocation Allocate(ReadOnlySpan<AcquiredClient> clients, ReadOnlySpan<ChannelMonthSpend> spend)
    {
        var cohortSize = new Dictionary<(long, int), int>();
        foreach (var c in clients)
            if (c.Channel is { } channel)
                cohortSize[(channel, c.Month)] = cohortSize.GetValueOrDefault((channel, c.Month)) + 1;
        var spendOf = new Dictionary<(long, int), decimal>(spend.Length);
        foreach (var s in spend) spendOf.Add((s.Channel, s.Month), s.Amount);

        var acquisition = new decimal[clients.Length];
        var share = new decimal[clients.Length];
        for (var i = 0; i < clients.Length; i++)
        {
            var c = clients[i];
            acquisition[i] = c.DirectCost;
            if (c.Channel is { } channel && spendOf.TryGetValue((channel, c.Month), out var amount))
                acquisition[i] += share[i] = Share(amount, cohortSize[(channel, c.Month)]);
        }
        var unallocated = new Dictionary<long, decimal>();
        foreach (var s in spend)
        {
            var left = cohortSize.TryGetValue((s.Channel, s.Month), out var n) ? s.Amount - n * Share(s.Amount, n) : s.Amount;
            if (left != 0) unallocated[s.Channel] = unallocated.GetValueOrDefault(s.Channel) + left;
        }
        return new SpendAllocation(acquisition, share, unallocated);
    }

    private static decimal Share(decimal amount, int clients) => Math.Round(amount / clients, 2, MidpointRounding.AwayFromZero);
}
