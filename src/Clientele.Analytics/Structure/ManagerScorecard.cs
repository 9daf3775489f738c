using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Structure;

/// <summary>One client as the scorecard weighs it: its responsible manager, the month it was won, whether it fits the target profile.</summary>
public readonly record struct ScorecardClient(long? Manager, int AcquiredMonth, bool Target);

/// <summary>One loss: the manager the client had when it left, and why.</summary>
public readonly record struct ScorecardLoss(long? Manager, int Month, string Reason);

/// <summary>A figure in the period against the same number of months just before it, for target clients, the others, and all.</summary>
public sealed record Growth(decimal Previous, decimal Current, decimal TargetPrevious, decimal TargetCurrent)
{
    public decimal OtherPrevious => Previous - TargetPrevious;
    public decimal OtherCurrent => Current - TargetCurrent;
    /// <summary>Relative change; null when there was nothing before.</summary>
    public double? Rate => Of(Previous, Current);
    public double? TargetRate => Of(TargetPrevious, TargetCurrent);
    public double? OtherRate => Of(OtherPrevious, OtherCurrent);

    public static double? Of(decimal previous, decimal current) => previous != 0 ? (double)((current - previous) / Math.Abs(previous)) : null;
}

/// <summary>
/// What one manager (or, with a null manager, the company) did for the base in a period: the clients won and what they
/// brought after their acquisition cost, how many of them fit the target profile, how many of the clients buying before
/// kept buying and how their contribution moved, who was lost and why — and the base, revenue and profit (contribution)
/// against the period just before, split target / non-target. A bonus can then be set on profit and retention, not on a
/// count of new clients (the seeds' base that grew 30 % while profit halved).
/// </summary>
public sealed record ManagerScore(
    long? Manager, int NewClients, int NewTarget, decimal NewContribution, int ExistingActive, int Retained,
    decimal ExistingContributionPrevious, decimal ExistingContribution, int Lost, IReadOnlyDictionary<string, int> LostByReason,
    Growth Base, Growth Revenue, Growth Profit)
{
    public double? TargetShareOfNew => NewClients > 0 ? (double)NewTarget / NewClients : null;
    /// <summary>Of the clients won before the period that bought in the period before it, the share that bought in the period.</summary>
    public double? Retention => ExistingActive > 0 ? (double)Retained / ExistingActive : null;
    public double? ExistingContributionGrowth => Growth.Of(ExistingContributionPrevious, ExistingContribution);
}

public static class ManagerScorecard
{
    /// <summary>
    /// The scorecard of months <paramref name="from"/>..<paramref name="to"/> (inclusive month indexes) against the same
    /// number of months just before, per manager (ordered by id) and for the company (the last row, manager null).
    /// A client counts in the base at the end of a period when it was won by then and not lost by then (its latest
    /// loss, if any, after that period's end); its money is counted for its current manager, a loss for the manager
    /// the client had when it left.
    /// </summary>
    /// <param name="rows">Month rows with contribution after acquisition cost (charged in the month the client was won).</param>
    /// <param name="lostMonth">Per client: the month of its current loss, or null while it is a client.</param>
    public static List<ManagerScore> Compute(IReadOnlyList<ScorecardClient> clients, IReadOnlyList<int?> lostMonth, ReadOnlySpan<ClientMonthRow> rows,
        IReadOnlyList<ScorecardLoss> losses, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var length = to - from + 1;
        var (previousFrom, previousTo) = (from - length, from - 1);
        var n = clients.Count;
        var (revenueNow, revenueBefore, profitNow, profitBefore) = (new decimal[n], new decimal[n], new decimal[n], new decimal[n]);
        var (boughtNow, boughtBefore) = (new bool[n], new bool[n]);
        foreach (var r in rows)
        {
            if (r.Month >= from && r.Month <= to)
            {
                (revenueNow[r.Client], profitNow[r.Client]) = (revenueNow[r.Client] + r.Revenue, profitNow[r.Client] + r.Contribution);
                if (r.Purchases > 0) boughtNow[r.Client] = true;
            }
            else if (r.Month >= previousFrom && r.Month <= previousTo)
            {
                (revenueBefore[r.Client], profitBefore[r.Client]) = (revenueBefore[r.Client] + r.Revenue, profitBefore[r.Client] + r.Contribution);
                if (r.Purchases > 0) boughtBefore[r.Client] = true;
            }
        }

        var managers = clients.Where(c => c.Manager is not null).Select(c => c.Manager!.Value).Concat(losses.Where(l => l.Manager is not null).Select(l => l.Manager!.Value))
            .Distinct().Order().Select(m => (long?)m).ToList();
        var result = new List<ManagerScore>(managers.Count + 1);
        foreach (var manager in managers.Append(null))
        {
            var company = manager is null;
            int newClients = 0, newTarget = 0, existingActive = 0, retained = 0;
            decimal newContribution = 0, existingBefore = 0, existingNow = 0;
            decimal baseBefore = 0, baseNow = 0, baseTargetBefore = 0, baseTargetNow = 0;
            decimal revBefore = 0, revNow = 0, revTargetBefore = 0, revTargetNow = 0;
            decimal proBefore = 0, proNow = 0, proTargetBefore = 0, proTargetNow = 0;
            for (var i = 0; i < n; i++)
            {
                var c = clients[i];
                if (!company && c.Manager != manager) continue;
                if (c.AcquiredMonth >= from && c.AcquiredMonth <= to)
                {
                    newClients++;
                    if (c.Target) newTarget++;
                    newContribution += profitNow[i];
                }
                else if (c.AcquiredMonth < from)
                {
                    existingBefore += profitBefore[i];
                    existingNow += profitNow[i];
                    if (boughtBefore[i])
                    {
                        existingActive++;
                        if (boughtNow[i]) retained++;
                    }
                }
                var inBaseBefore = c.AcquiredMonth <= previousTo && !(lostMonth[i] <= previousTo);
                var inBaseNow = c.AcquiredMonth <= to && !(lostMonth[i] <= to);
                if (inBaseBefore) { baseBefore++; if (c.Target) baseTargetBefore++; }
                if (inBaseNow) { baseNow++; if (c.Target) baseTargetNow++; }
                (revBefore, revNow, proBefore, proNow) = (revBefore + revenueBefore[i], revNow + revenueNow[i], proBefore + profitBefore[i], proNow + profitNow[i]);
                if (c.Target)
                    (revTargetBefore, revTargetNow, proTargetBefore, proTargetNow) =
                        (revTargetBefore + revenueBefore[i], revTargetNow + revenueNow[i], proTargetBefore + profitBefore[i], proTargetNow + profitNow[i]);
            }
            var lost = losses.Where(l => l.Month >= from && l.Month <= to && (company || l.Manager == manager)).ToList();
            result.Add(new ManagerScore(manager, newClients, newTarget, newContribution, existingActive, retained, existingBefore, existingNow, lost.Count,
                lost.GroupBy(l => l.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                new Growth(baseBefore, baseNow, baseTargetBefore, baseTargetNow), new Growth(revBefore, revNow, revTargetBefore, revTargetNow),
                new Growth(proBefore, proNow, proTargetBefore, proTargetNow)));
        }
        return result;
    }
}
