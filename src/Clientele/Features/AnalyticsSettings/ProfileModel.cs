using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>A <see cref="ClientProfile"/> as the editor changes it (the record itself is immutable).</summary>
public sealed class ProfileModel
{
    public List<string> Industries { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public IEnumerable<ClientRole> Roles { get; set; } = [];
    public IEnumerable<SizeBand> Sizes { get; set; } = [];
    public ClientKind? Kind { get; set; }
    public decimal? MinRevenue12Months { get; set; }

    public static ProfileModel From(ClientProfile? p) => p is null ? new() : new()
    {
        Industries = [.. p.Industries], Regions = [.. p.Regions], Tags = [.. p.Tags], Roles = [.. p.Roles], Sizes = [.. p.Sizes],
        Kind = p.Kind, MinRevenue12Months = p.MinRevenue12Months,
    };

    public ClientProfile ToProfile() => new()
    {
        Industries = [.. Industries], Regions = [.. Regions], Tags = [.. Tags], Roles = [.. Roles], Sizes = [.. Sizes],
        Kind = Kind, MinRevenue12Months = MinRevenue12Months,
    };
}

/// <summary>The values the profile editor offers, from the base as the day's report holds it.</summary>
public sealed record ProfileSuggestions(string[] Industries, string[] Regions, string[] Tags)
{
    public static readonly ProfileSuggestions None = new([], [], []);

    public static ProfileSuggestions From(AnalyticsReport report)
    {
        var clients = report.Base.Clients;
        return new(Distinct(clients.Select(c => c.Industry)), Distinct(clients.Select(c => c.Region)), Distinct(clients.SelectMany(c => c.Tags)));

        static string[] Distinct(IEnumerable<string?> values) =>
            [.. values.OfType<string>().Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase)];
    }
}

/// <summary>A profile in one line for lists: "Industry: Retail · Role: Dealer · from 50,000 RUB in 12 months".</summary>
public static class ProfileText
{
    public static string Describe(ClientProfile? p, IStringLocalizer l, IStringLocalizer s, string currency)
    {
        if (p is null || p.IsEmpty) return "";
        var parts = new List<string>();
        if (p.Kind is { } kind) parts.Add(l[$"ClientKind.{kind}"]);
        if (p.Roles.Length > 0) parts.Add($"{s["Roles"]}: {string.Join(", ", p.Roles.Select(r => l[$"ClientRole.{r}"].Value))}");
        if (p.Sizes.Length > 0) parts.Add($"{s["Sizes"]}: {string.Join(", ", p.Sizes.Select(z => l[$"SizeBand.{z}"].Value))}");
        if (p.Industries.Length > 0) parts.Add($"{s["Industries"]}: {string.Join(", ", p.Industries)}");
        if (p.Regions.Length > 0) parts.Add($"{s["Regions"]}: {string.Join(", ", p.Regions)}");
        if (p.Tags.Length > 0) parts.Add($"{s["Tags"]}: {string.Join(", ", p.Tags)}");
        if (p.MinRevenue12Months is { } min) parts.Add(s["from {0} {1} in 12 months", min.ToString("N0"), currency]);
        return string.Join(" · ", parts);
    }
}
