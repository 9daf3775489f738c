using System.Globalization;
using Clientele.Analytics.Structure;

namespace Clientele.Features.Analytics;

/// <summary>
/// Addresses of the analytics pages. A chart cell links to the list of its clients with the selection in the query
/// string (the same names as the API's <c>/analytics/clients</c>), so every view can be shared as a link.
/// </summary>
public static class AnalyticsLinks
{
    public static string Page(DateOnly asOf, string? tab = null) =>
        "/analytics?asOf=" + Day(asOf) + (tab is null ? "" : "&tab=" + Uri.EscapeDataString(tab));

    public static string Clients(DateOnly asOf, AnalyticsSelection s, AnalyticsSort? sort = null)
    {
        var query = new List<string> { "asOf=" + Day(asOf) };
        void Add(string name, object? value)
        {
            if (value is null) return;
            var text = value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            };
            query.Add(name + "=" + Uri.EscapeDataString(text));
        }
        Add("abc", s.Abc);
        Add("xyz", s.Xyz);
        Add("segment", s.Segment);
        Add("strategy", s.Strategy);
        Add("channelId", s.ChannelId);
        Add("target", s.Target);
        Add("lossMaking", s.LossMaking);
        Add("r", s.R);
        Add("f", s.F);
        Add("cohort", s.Cohort);
        Add("sort", sort);
        return "/analytics/clients?" + string.Join("&", query);
    }

    /// <summary>The selection from query-string values; a value that does not parse is ignored rather than guessed.</summary>
    public static AnalyticsSelection Selection(string? abc, string? xyz, string? segment, string? strategy, long? channelId, bool? target,
        bool? lossMaking, int? r, int? f, string? cohort) => new()
        {
            Abc = Parse<AbcClass>(abc), Xyz = Parse<XyzClass>(xyz), Segment = Parse<RfmSegment>(segment), Strategy = Parse<Strategy>(strategy),
            ChannelId = channelId, Target = target, LossMaking = lossMaking, R = r, F = f,
            Cohort = string.IsNullOrWhiteSpace(cohort) ? null : cohort,
        };

    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public static DateOnly? ParseDay(string? value) =>
        AnalyticsApi.ParseDay(value, out var day) is null ? day : null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
