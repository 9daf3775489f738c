namespace Clientele.Analytics.Structure;

/// <param name="Acquired">The channel won this client in the period the spend belongs to. A client that merely carries
/// the channel (won earlier, imported) is counted in the channel's totals but is no return on this spend.</param>
/// <param name="NetContribution">After the client's own acquisition cost (<see cref="Economics.ClientFigures.NetContribution"/>).</param>
/// <param name="AcquisitionCost">The client's share of the channel spend.</param>
/// <param name="PaidBack">The client has reached its payback purchase (<see cref="Economics.Payback"/>).</param>
public readonly record struct ChannelClient(int Channel, bool Acquired, decimal Revenue, decimal NetContribution, decimal AcquisitionCost, bool PaidBack);

/// <summary>Acquisition economics of one channel; see <see cref="ChannelEconomics.Compute"/> for the formulas.</summary>
public sealed record ChannelFigures(int Channel, int Clients, decimal Spend, decimal? Cac, decimal Revenue, decimal Contribution,
    double? PaybackShare, double? Roi)
{
    /// <summary>Clients the channel won in the period: the denominator of <see cref="Cac"/> and <see cref="PaybackShare"/>.</summary>
    public int Acquired { get; init; }

    /// <summary>Net contribution of the acquired clients alone: what the spend bought.</summary>
    public decimal AcquiredContribution { get; init; }
}

public static class ChannelEconomics
{
    /// <summary>
    /// Per channel, ordered by channel id, including channels that spent without winning anyone:
    /// <code>
    /// Clients       = the channel's clients                      Revenue, Contribution = their sums (net contribution)
    /// Acquired      = those with Acquired
    /// Spend         = Σ AcquisitionCost of the acquired + the channel's unallocated spend
    /// Cac           = Spend / Acquired                           (null with nobody acquired)
    /// PaybackShare  = acquired clients with PaidBack / Acquired  (null with nobody acquired)
    /// Roi           = (AcquiredContribution − unallocated spend) / Spend       (null when Spend is 0)
    /// </code>
    /// The acquired clients' contribution is already net of their allocated acquisition cost, so ROI subtracts only
    /// the spend no client carries: it is (what the acquired clients earned − all the spend) / all the spend, 0 when
    /// the money just came back. When every client is acquired and all spend is allocated, Cac = Spend / Clients and
    /// Roi = Contribution / Spend.
    /// </summary>
    /// <param name="spendByChannel">The channel's unallocated spend: what no client carries, e.g. of months in which the channel won nobody.</param>
    public static ChannelFigures[] Compute(ReadOnlySpan<ChannelClient> clients, IReadOnlyDictionary<int, decimal> spendByChannel)
    {
        var totals = new Dictionary<int, Totals>();
        foreach (var c in clients)
        {
            totals.TryGetValue(c.Channel, out var t);
            t.Clients++;
            t.Revenue += c.Revenue;
            t.Contribution += c.NetContribution;
            if (c.Acquired)
            {
                t.Acquired++;
                t.AllocatedSpend += c.AcquisitionCost;
                t.AcquiredContribution += c.NetContribution;
                if (c.PaidBack) t.PaidBack++;
            }
            totals[c.Channel] = t;
        }
        foreach (var channel in spendByChannel.Keys) totals.TryAdd(channel, default);

        var result = new ChannelFigures[totals.Count];
        var i = 0;
        foreach (var (channel, t) in totals.OrderBy(kv => kv.Key))
        {
            var unallocated = spendByChannel.GetValueOrDefault(channel);
            var spend = t.AllocatedSpend + unallocated;
            result[i++] = new ChannelFigures(channel, t.Clients, spend,
                t.Acquired == 0 ? null : spend / t.Acquired,
                t.Revenue, t.Contribution,
                t.Acquired == 0 ? null : (double)t.PaidBack / t.Acquired,
                spend == 0 ? null : (double)((t.AcquiredContribution - unallocated) / spend))
            {
                Acquired = t.Acquired,
                AcquiredContribution = t.AcquiredContribution,
            };
        }
        return result;
    }

    private struct Totals
    {
        public int Clients, Acquired, PaidBack;
        public decimal Revenue, Contribution, AcquiredContribution, AllocatedSpend;
    }
}
