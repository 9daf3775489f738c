namespace Clientele.Analytics.Structure;

/// <summary>One interaction in the risk window: the client's index, who on our side, whom on theirs (null when not recorded).</summary>
public readonly record struct Touch(int Client, long? Employee, long? ContactPerson);

/// <summary>
/// How widely one client's relationship runs: distinct employees and contact persons in touch, the responsible
/// manager's share of the interactions, and the one employee it depends on when it is single-threaded.
/// </summary>
public readonly record struct ClientThreads(int Interactions, int Employees, int ContactPersons, double? ManagerShare, bool SingleThread, long? KeyPerson);

/// <summary>A client's money as the risk report weighs it: what it brought in the last twelve months and may still bring.</summary>
public readonly record struct ClientStake(long? Manager, decimal Revenue, decimal Contribution, decimal Clv);

/// <summary>What would walk out with one employee: their portfolio and the part of it that runs through them alone.</summary>
public sealed record KeyPersonExposure(
    long Employee, int Clients, decimal Revenue, int SingleThreadClients, decimal RevenueAtRisk, decimal ContributionAtRisk, decimal ClvAtRisk)
{
    /// <summary>Share of the portfolio's revenue that depends on the employee alone; null for a portfolio without revenue.</summary>
    public double? ShareAtRisk => Revenue > 0 ? (double)(RevenueAtRisk / Revenue) : null;
}

/// <summary>One interaction with the company month (a <see cref="Calendar.MonthIndex"/>) it happened in.</summary>
public readonly record struct DatedTouch(int Month, Touch Touch);

/// <summary>
/// Key-person risk as it stood at the end of one month: the clients single-threaded over the window ending with it, the
/// revenue they brought in that window, by the employee each runs through, against the revenue of every client.
/// </summary>
public sealed record RiskMonth(int Month, int SingleThreadClients, decimal RevenueAtRisk, decimal Revenue, IReadOnlyDictionary<long, decimal> ByKeyPerson)
{
    public double? Share => Revenue > 0 ? (double)(RevenueAtRisk / Revenue) : null;
}

/// <summary>
/// Key-person risk: a client whose relationship runs through one employee and at most one contact person (and that was
/// in touch at all in the window) leaves with that employee. Interactions without an employee count towards the
/// manager's share's denominator but name nobody; a client touched only that way depends on its responsible manager.
/// </summary>
public static class KeyPersonRisk
{
    public static ClientThreads[] Threads(IReadOnlyList<long?> managers, ReadOnlySpan<Touch> touches)
    {
        var n = managers.Count;
        var interactions = new int[n];
        var byManager = new int[n];
        var employees = new HashSet<long>?[n];
        var people = new HashSet<long>?[n];
        foreach (var t in touches)
        {
            interactions[t.Client]++;
            if (t.Employee is { } e)
            {
                (employees[t.Client] ??= []).Add(e);
                if (managers[t.Client] == e) byManager[t.Client]++;
            }
            if (t.ContactPerson is { } p) (people[t.Client] ??= []).Add(p);
        }
        var result = new ClientThreads[n];
        for (var i = 0; i < n; i++)
        {
            var employeeCount = employees[i]?.Count ?? 0;
            var personCount = people[i]?.Count ?? 0;
            var single = interactions[i] > 0 && employeeCount <= 1 && personCount <= 1;
            long? keyPerson = !single ? null : employeeCount == 1 ? employees[i]!.First() : managers[i];
            result[i] = new ClientThreads(interactions[i], employeeCount, personCount,
                interactions[i] > 0 ? (double)byManager[i] / interactions[i] : null, single, keyPerson);
        }
        return result;
    }

    /// <summary>
    /// Per employee: the clients they are responsible for with their revenue, and the single-thread clients that run
    /// through them (whoever is responsible on paper), ordered by revenue at risk, largest first.
    /// </summary>
    public static List<KeyPersonExposure> ByEmployee(IReadOnlyList<ClientStake> stakes, IReadOnlyList<ClientThreads> threads)
    {
        var rows = new Dictionary<long, (int Clients, decimal Revenue, int Single, decimal AtRisk, decimal Contribution, decimal Clv)>();
        for (var i = 0; i < stakes.Count; i++)
        {
            var s = stakes[i];
            if (s.Manager is { } m)
            {
                var r = rows.GetValueOrDefault(m);
                rows[m] = r with { Clients = r.Clients + 1, Revenue = r.Revenue + s.Revenue };
            }
            if (threads[i] is { SingleThread: true, KeyPerson: { } key })
            {
                var r = rows.GetValueOrDefault(key);
                rows[key] = r with { Single = r.Single + 1, AtRisk = r.AtRisk + s.Revenue, Contribution = r.Contribution + s.Contribution, Clv = r.Clv + s.Clv };
            }
        }
        return [.. rows.Select(kv => new KeyPersonExposure(kv.Key, kv.Value.Clients, kv.Value.Revenue, kv.Value.Single, kv.Value.AtRisk, kv.Value.Contribution, kv.Value.Clv))
            .OrderByDescending(x => x.RevenueAtRisk).ThenBy(x => x.Employee)];
    }

    /// <summary>
    /// The risk month by month, <paramref name="from"/> to <paramref name="to"/>: for each, the threads of the
    /// <paramref name="window"/> months ending with it and the revenue of those months. The responsible managers are
    /// today's (the base keeps no history of them), so a month's figure is "what would have been at risk".
    /// </summary>
    public static List<RiskMonth> Trend(IReadOnlyList<long?> managers, IReadOnlyList<DatedTouch> touches, ReadOnlySpan<ClientMonth> revenue, int from, int to, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var byMonth = touches.ToLookup(t => t.Month, t => t.Touch);
        var result = new List<RiskMonth>(Math.Max(0, to - from + 1));
        var sums = new decimal[managers.Count];
        for (var month = from; month <= to; month++)
        {
            var first = month - window + 1;
            var inWindow = new List<Touch>();
            for (var m = first; m <= month; m++) inWindow.AddRange(byMonth[m]);
            var threads = Threads(managers, [.. inWindow]);
            Array.Clear(sums);
            foreach (var r in revenue)
                if (r.Month >= first && r.Month <= month) sums[r.Client] += r.Revenue;
            int single = 0;
            decimal atRisk = 0, total = 0;
            var byPerson = new Dictionary<long, decimal>();
            for (var i = 0; i < managers.Count; i++)
            {
                total += sums[i];
                if (threads[i] is not { SingleThread: true, KeyPerson: { } key }) continue;
                single++;
                atRisk += sums[i];
                byPerson[key] = byPerson.GetValueOrDefault(key) + sums[i];
            }
            result.Add(new RiskMonth(month, single, atRisk, total, byPerson));
        }
        return result;
    }
}
