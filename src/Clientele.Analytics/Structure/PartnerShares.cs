using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Structure;

/// <summary>Where a client served through a partner stands today, as the partner report counts it.</summary>
public enum PartnerClientState { Potential = 0, Active = 1, Lost = 2 }

/// <summary>
/// What one intermediary brings over a period: the clients served through it (all of them, the active and the lost ones,
/// and those that bought in the period), their revenue and contribution in the period, the share of the base's revenue
/// and contribution that is, and — apart, never added in — the intermediary's own purchases in the period.
/// </summary>
/// <param name="Partner">The partner's index in the caller's list.</param>
/// <param name="OwnRevenue">Null when the intermediary itself is not in the base the caller gave (not the reader's to see).</param>
public sealed record PartnerFigures(
    int Partner, int Clients, int Active, int Lost, int Buying, decimal Revenue, decimal Contribution, double? RevenueShare, double? ContributionShare,
    decimal? OwnRevenue, decimal? OwnContribution);

/// <summary>The partners, most revenue first, with the base's totals of the period the shares are of.</summary>
public sealed record PartnerSharesResult(PartnerFigures[] Partners, decimal BaseRevenue, decimal BaseContribution, int DirectClients);

/// <summary>
/// The partner report's sums (issue 21, ADR 044): each client of the base is served through at most one partner; its months
/// inside [from, to] add to that partner's revenue and contribution. The partner's own months add to its own columns
/// only — a dealer's purchases for its shelf are not what its customers bring.
/// </summary>
public static class PartnerShares
{
    /// <param name="partners">How many partners the caller lists.</param>
    /// <param name="servedThrough">Per client of the base: the index of the partner it is served through, or −1.</param>
    /// <param name="state">Per client of the base: its state today.</param>
    /// <param name="self">Per partner: its own index in the base, or −1 when it is not in it.</param>
    /// <param name="months">The base's month rows (any order); <see cref="ClientMonthRow.Client"/> indexes the base.</param>
    /// <param name="from">First month of the period (a month index), inclusive.</param>
    /// <param name="to">Last month of the period, inclusive.</param>
    public static PartnerSharesResult Compute(int partners, ReadOnlySpan<int> servedThrough, ReadOnlySpan<PartnerClientState> state, ReadOnlySpan<int> self,
        ReadOnlySpan<ClientMonthRow> months, int from, int to)
    {
        if (state.Length != servedThrough.Length) throw new ArgumentException("one state per client of the base", nameof(state));
        if (self.Length != partners) throw new ArgumentException("one base index (or −1) per partner", nameof(self));
        var clients = new int[partners];
        var active = new int[partners];
        var lost = new int[partners];
        var direct = 0;
        for (var i = 0; i < servedThrough.Length; i++)
        {
            var p = servedThrough[i];
            if (p < 0) { direct++; continue; }
            clients[p]++;
            if (state[i] == PartnerClientState.Active) active[p]++;
            else if (state[i] == PartnerClientState.Lost) lost[p]++;
        }

        var ownerOf = new Dictionary<int, int>();
        for (var p = 0; p < partners; p++) if (self[p] >= 0) ownerOf[self[p]] = p;
        var revenue = new decimal[partners];
        var contribution = new decimal[partners];
        var ownRevenue = new decimal[partners];
        var ownContribution = new decimal[partners];
        var bought = new HashSet<int>();
        decimal baseRevenue = 0, baseContribution = 0;
        foreach (var row in months)
        {
            if (row.Month < from || row.Month > to) continue;
            baseRevenue += row.Revenue;
            baseContribution += row.Contribution;
            if (servedThrough[row.Client] is var p and >= 0)
            {
                revenue[p] += row.Revenue;
                contribution[p] += row.Contribution;
                if (row.Purchases > 0) bought.Add(row.Client);
            }
            if (ownerOf.TryGetValue(row.Client, out var own))
            {
                ownRevenue[own] += row.Revenue;
                ownContribution[own] += row.Contribution;
            }
        }
        var buying = new int[partners];
        foreach (var client in bought) buying[servedThrough[client]]++;

        var rows = new PartnerFigures[partners];
        for (var p = 0; p < partners; p++)
            rows[p] = new PartnerFigures(p, clients[p], active[p], lost[p], buying[p], revenue[p], contribution[p],
                Share(revenue[p], baseRevenue), Share(contribution[p], baseContribution),
                self[p] >= 0 ? ownRevenue[p] : null, self[p] >= 0 ? ownContribution[p] : null);
        Array.Sort(rows, (a, b) => a.Revenue != b.Revenue ? b.Revenue.CompareTo(a.Revenue) : a.Partner.CompareTo(b.Partner));
        return new PartnerSharesResult(rows, baseRevenue, baseContribution, direct);
    }

    /// <summary>A part of a positive total; none when the total is not positive (a share of a loss reads backwards).</summary>
    private static double? Share(decimal part, decimal total) => total > 0 ? (double)(part / total) : null;
}
