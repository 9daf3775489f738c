using Clientele.Features.Analytics;
using Clientele.Features.Clients;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>
/// Checks a <see cref="ClientProfile"/> given by the owner (the target client, a group's rule) and brings it to the
/// stored form: trimmed, without blanks or repeats. Industries, regions and tags are free text — a value nobody has
/// yet simply matches nobody yet.
/// </summary>
public static class ProfileRules
{
    public const int MaxValues = 100;
    public const int TextMax = 100;
    public const decimal MaxRevenue = 1_000_000_000_000m;
    /// <summary>The stored JSON must fit the group's rule column.</summary>
    public const int JsonMax = 4000;

    /// <summary>The profile to store, or null when none is given or it names nothing (an empty profile matches nobody).</summary>
    public static ClientProfile? Normalise(Errors e, string field, ClientProfile? profile)
    {
        if (profile is null) return null;
        var normalised = new ClientProfile
        {
            Industries = Texts(e, $"{field}.industries", profile.Industries, TextMax),
            Regions = Texts(e, $"{field}.regions", profile.Regions, TextMax),
            Tags = Texts(e, $"{field}.tags", profile.Tags, ClientRules.TagMax),
            Roles = Values(e, $"{field}.roles", profile.Roles),
            Sizes = Values(e, $"{field}.sizes", profile.Sizes),
            Kind = profile.Kind is { } kind ? e.Defined($"{field}.kind", kind) : null,
            MinRevenue12Months = MinRevenue(e, $"{field}.minRevenue12Months", profile.MinRevenue12Months),
        };
        if (normalised.ToJson().Length > JsonMax) e.Add(field, Message.Of("has too many values."));
        return normalised.IsEmpty ? null : normalised;
    }

    private static string[] Texts(Errors e, string field, string[]? values, int max)
    {
        // A client that sends "industries": null means "any", the same as leaving it out.
        var list = values ?? [];
        for (var i = 0; i < list.Length; i++)
            if (list[i]?.Trim() is { Length: > 0 } text && text.Length > max) e.Add($"{field}[{i}]", Message.Of("must be at most {0} characters.", max));
        var kept = list.Select(v => v?.Trim()).OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (kept.Length > MaxValues) e.Add(field, Message.Of("must have at most {0} values.", MaxValues));
        return kept;
    }

    private static T[] Values<T>(Errors e, string field, T[]? values) where T : struct, Enum
    {
        var list = values ?? [];
        for (var i = 0; i < list.Length; i++) e.Defined($"{field}[{i}]", list[i]);
        return [.. list.Distinct()];
    }

    private static decimal? MinRevenue(Errors e, string field, decimal? value)
    {
        if (value < 0) e.Add(field, Message.Of("must not be negative."));
        else if (value > MaxRevenue) e.Add(field, Message.Of("must be at most {0:N0}.", Errors.MaxAmount));
        return value;
    }
}
