namespace Clientele.Analytics.Structure;

/// <param name="Client">Index of the client in the per-client columns passed alongside.</param>
public readonly record struct ClientMonthValue(int Client, int Month, decimal Revenue, decimal Contribution);

/// <summary>How much of the base, its revenue and its contribution the target clients make up in one month.</summary>
public sealed record TargetSharePoint(int Month, int Clients, int TargetClients, double? ClientShare, decimal Revenue, decimal TargetRevenue,
    double? RevenueShare, decimal Contribution, decimal TargetContribution, double? ContributionShare);

public static class TargetShare
{
    /// <summary>
    /// For each month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>: clients = those joined in or before
    /// it; revenue and contribution = that month's, of all clients and of the target ones. A share is null when its
    /// total is not positive: a share of a loss or of nothing says nothing. A target group that loses money while the
    /// base earns shows as a negative contribution share.
    /// </summary>
    /// <param name="clientJoinedMonth">Per client (by index), the month it joined the base.</param>
    /// <param name="isTarget">Per client (by index), whether it fits the target client profile.</param>
    /// <param name="rows">Per client and month revenue and contribution; months outside the range are ignored.</param>
    public static TargetSharePoint[] Monthly(ReadOnlySpan<int> clientJoinedMonth, ReadOnlySpan<bool> isTarget, ReadOnlySpan<ClientMonthValue> rows,
        int fromMonth, int toMonth)
    {
        if (isTarget.Length != clientJoinedMonth.Length) throw new ArgumentException("One target flag per client is needed.", nameof(isTarget));
        if (toMonth < fromMonth) throw new ArgumentException("The range of months is empty.", nameof(toMonth));
        var months = toMonth - fromMonth + 1;
        var joined = new int[months];
        var joinedTarget = new int[months];
        for (var c = 0; c < clientJoinedMonth.Length; c++)
        {
            if (clientJoinedMonth[c] > toMonth) continue;
            var m = Math.Max(clientJoinedMonth[c], fromMonth) - fromMonth;
            joined[m]++;
            if (isTarget[c]) joinedTarget[m]++;
        }

        var revenue = new decimal[months];
        var targetRevenue = new decimal[months];
        var contribution = new decimal[months];
        var targetContribution = new decimal[months];
        foreach (var row in rows)
        {
            if ((uint)row.Client >= (uint)clientJoinedMonth.Length)
                throw new ArgumentOutOfRangeException(nameof(rows), row.Client, "A row names a client outside the per-client columns.");
            if (row.Month < fromMonth || row.Month > toMonth) continue;
            var m = row.Month - fromMonth;
            revenue[m] += row.Revenue;
            contribution[m] += row.Contribution;
            if (!isTarget[row.Client]) continue;
            targetRevenue[m] += row.Revenue;
            targetContribution[m] += row.Contribution;
        }

        var result = new TargetSharePoint[months];
        int clients = 0, targetClients = 0;
        for (var m = 0; m < months; m++)
        {
            clients += joined[m];
            targetClients += joinedTarget[m];
            result[m] = new TargetSharePoint(fromMonth + m, clients, targetClients, clients == 0 ? null : (double)targetClients / clients,
                revenue[m], targetRevenue[m], Share(targetRevenue[m], revenue[m]),
                contribution[m], targetContribution[m], Share(targetContribution[m], contribution[m]));
        }
        return result;
    }

    private static double? Share(decimal part, decimal total) => total <= 0 ? null : (double)(part / total);
}
