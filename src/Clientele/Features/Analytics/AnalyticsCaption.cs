using Microsoft.Extensions.Localization;

namespace Clientele.Features.Analytics;

/// <summary>A selection in words, so that a shared link says what list it is: "Selection: ABC class A, XYZ class X — as of 23.11.2026".</summary>
public static class AnalyticsCaption
{
    public static string Describe(AnalyticsSelection s, DateOnly asOf, IStringLocalizer t, Func<long, string> channelName)
    {
        var parts = new List<string>();
        if (s.Abc is { } abc) parts.Add(t["ABC class {0}", abc]);
        if (s.Xyz is { } xyz) parts.Add(t["XYZ class {0}", xyz]);
        if (s.Segment is { } segment) parts.Add(t["RFM segment “{0}”", t[$"RfmSegment.{segment}"]]);
        if (s.R is { } r) parts.Add(t["recency R = {0}", r]);
        if (s.F is { } f) parts.Add(t["frequency F = {0}", f]);
        if (s.Strategy is { } strategy) parts.Add(t["strategy “{0}”", t[$"Strategy.{strategy}"]]);
        if (s.ChannelId is { } channel) parts.Add(t["won through “{0}”", channelName(channel)]);
        if (s.Target is { } target) parts.Add(target ? t["fitting the target profile"] : t["not fitting the target profile"]);
        if (s.LossMaking is { } loss) parts.Add(loss ? t["losing money"] : t["earning money"]);
        if (s.Cohort is { } cohort) parts.Add(t["first purchase in {0}", AnalyticsFormat.Month(cohort)]);
        var what = parts.Count == 0 ? t["all clients"].Value : string.Join(", ", parts);
        return t["Selection: {0} — as of {1}", what, AnalyticsFormat.Day(asOf)];
    }
}
