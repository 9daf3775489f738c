using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;

namespace Clientele.Features.LostClients;

public enum RetentionBy { Manager, Channel, Segment, Abc }

/// <summary>One group's retention over the last calendar year with clients at its start (the year the summary shows).</summary>
public sealed record RetentionGroupRow(string Key, string Name, int Clients, int Year, int AtStart, int AtEnd, int New, double? Rate, double? ChurnRate,
    int ActivePrevious, int ActiveBoth, double? ActiveBothRate);

public sealed record RetentionBreakdownResponse(DateOnly AsOf, RetentionBy By, int ActiveWindowMonths, RetentionGroupRow[] Groups, RetentionGroupRow Total);

/// <summary>
/// The economics issue's retention (<see cref="Retention"/> over the analytics base, as the Retention section computes
/// it) per manager, acquisition channel, RFM segment or ABC class. Segment and class are the client's as of the day,
/// applied to the whole year: "how did the clients who are A today retain". Groups partition the base, so their
/// counts add up to the total, whose rates equal the summary's.
/// </summary>
public static class RetentionBreakdown
{
    public static RetentionBreakdownResponse Compute(AnalyticsReport r, RetentionBy by, IReadOnlyDictionary<long, string> managerNames)
    {
        var b = r.Base;
        var keys = new (string Key, string Name)[b.Count];
        for (var i = 0; i < b.Count; i++) keys[i] = KeyOf(r, i, by, managerNames);
        var activity = ActivityRows(b);
        var year = b.AsOf.Year;
        var window = b.Settings.ActiveWindowMonths;

        // The year is the summary's (the latest with clients at its start, over the whole base) for every group, so
        // that the groups' counts add up to the total's even where a group had nobody at the start of this year.
        var yearly = Retention.Yearly(activity, year - 1, year, window);
        var index = Array.FindLastIndex(yearly, p => p.AtStart > 0) is var found and >= 0 ? found : yearly.Length - 1;
        var groups = activity.GroupBy(row => keys[row.Client].Key)
            .Select(g => Row(g.Key, keys[g.First().Client].Name, g.Select(x => x.Client).Distinct().Count(), [.. g], year, window, index))
            .OrderByDescending(g => g.AtStart).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var total = Row("total", "", activity.Select(x => x.Client).Distinct().Count(), activity, year, window, index);
        return new RetentionBreakdownResponse(b.AsOf, by, window, groups, total);
    }

    private static RetentionGroupRow Row(string key, string name, int clients, ClientMonth[] rows, int year, int window, int index)
    {
        var p = Retention.Yearly(rows, year - 1, year, window)[index];
        return new RetentionGroupRow(key, name, clients, MonthIndex.Year(p.End), p.AtStart, p.AtEnd, p.New, p.Rate, p.ChurnRate,
            p.ActivePrevious, p.ActiveBoth, p.ActiveBothRate);
    }

    private static (string, string) KeyOf(AnalyticsReport r, int i, RetentionBy by, IReadOnlyDictionary<long, string> managers)
    {
        var b = r.Base;
        switch (by)
        {
            case RetentionBy.Manager:
                return b.Clients[i].ManagerId is { } m ? ($"{m}", managers.GetValueOrDefault(m) ?? $"#{m}") : ("none", "");
            case RetentionBy.Channel:
                var c = b.ChannelIndex[i];
                return c >= 0 ? ($"{b.ChannelIds[c]}", b.ChannelNames[c]) : ("none", "");
            case RetentionBy.Segment:
                return r.Rfm[i] is { } score ? (score.Segment.ToString(), score.Segment.ToString()) : ("none", "");
            default:
                return (r.Abc[i].ToString(), r.Abc[i].ToString());
        }
    }

    /// <summary>
    /// Months with purchases in client-then-month order, with a marker at the true first month of a client that first
    /// bought before the loaded window: the same rows AnalyticsReport hands to <see cref="Retention"/>, so the total here
    /// equals the Retention section's figures.
    /// </summary>
    private static ClientMonth[] ActivityRows(AnalyticsBase b)
    {
        var rows = new List<ClientMonth>(b.Months.Length + b.Count / 4);
        var next = 0;
        for (var i = 0; i < b.Count; i++)
        {
            if (b.FirstPurchase[i] is { } first && MonthIndex.Of(first) < b.FromMonth) rows.Add(new ClientMonth(i, MonthIndex.Of(first), 0, 1));
            for (; next < b.Months.Length && b.Months[next].Client == i; next++)
            {
                var m = b.Months[next];
                if (m.Purchases > 0) rows.Add(new ClientMonth(i, m.Month, m.Revenue, m.Purchases));
            }
        }
        return [.. rows];
    }
}
