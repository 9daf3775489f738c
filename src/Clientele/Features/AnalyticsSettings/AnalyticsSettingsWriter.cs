using System.Text.Json;
using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>Reads and writes the analytics part of the company settings; the API and the owner's page both come here.</summary>
public static class AnalyticsSettingsWriter
{
    public const int MaxWindowMonths = 36;
    public const double MaxXyz = 10;
    public const int MaxRules = 200;

    public static AnalyticsSettingsResponse ToResponse(CompanySettings s)
    {
        var rules = AnalyticsReport.ParseRules(s.StrategyRules);
        return new AnalyticsSettingsResponse(s.AbcA, s.AbcB, s.XyzX, s.XyzY, s.ActiveWindowMonths,
            string.IsNullOrWhiteSpace(s.TargetProfile) ? null : ClientProfile.Parse(s.TargetProfile),
            [.. rules], s.StrategyRules is null, s.Version, WithoutTrailingZeros(s.CostToServePerActiveMonth), WithoutTrailingZeros(s.CostToServeShareOfRevenue));
    }

    /// <summary>The providers read a decimal back with their column's scale (0.00, 0.0); an answer is the same whichever wrote it.</summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    public static AnalyticsSettingsInput ToInput(CompanySettings s)
    {
        var r = ToResponse(s);
        return new AnalyticsSettingsInput
        {
            AbcA = r.AbcA, AbcB = r.AbcB, XyzX = r.XyzX, XyzY = r.XyzY, ActiveWindowMonths = r.ActiveWindowMonths,
            TargetProfile = r.TargetProfile, StrategyRules = [.. r.StrategyRules.Select(StrategyRuleInput.From)],
            CostToServePerActiveMonth = r.CostToServePerActiveMonth, CostToServeShareOfRevenue = r.CostToServeShareOfRevenue,
        };
    }

    public static async Task<CompanySettings> GetAsync(ClienteleDb db, CancellationToken ct) =>
        await db.CompanySettings.AsNoTracking().SingleAsync(s => s.Id == CompanySettings.SingletonId, ct);

    public static async Task<Outcome<CompanySettings>> SaveAsync(ClienteleDb db, AnalyticsSettingsInput input, long? expectedVersion, CancellationToken ct)
    {
        var settings = await db.CompanySettings.SingleAsync(s => s.Id == CompanySettings.SingletonId, ct);
        if (expectedVersion is { } expected && expected != settings.Version) return Outcome<CompanySettings>.Conflict(settings.Version);
        var errors = new Errors();
        var (profile, rules) = Check(errors, input);
        if (errors.Any) return Outcome<CompanySettings>.Invalid(errors);

        settings.AbcA = input.AbcA!.Value;
        settings.AbcB = input.AbcB!.Value;
        settings.XyzX = input.XyzX!.Value;
        settings.XyzY = input.XyzY!.Value;
        settings.ActiveWindowMonths = input.ActiveWindowMonths!.Value;
        settings.TargetProfile = profile?.ToJson();
        settings.StrategyRules = rules is null ? null : JsonSerializer.Serialize(rules, AnalyticsReport.RuleJson);
        settings.CostToServePerActiveMonth = input.CostToServePerActiveMonth ?? 0;
        settings.CostToServeShareOfRevenue = input.CostToServeShareOfRevenue ?? 0;
        // The settings row is not IVersioned (the company page saves it too), so the version moves here.
        settings.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CompanySettings>.Conflict(await db.CompanySettings.AsNoTracking().Select(s => s.Version).FirstAsync(ct));
        }
        await AnalyticsCommit.StaleAsync(db);
        return Outcome<CompanySettings>.Ok(settings);
    }

    /// <summary>Checks the input; returns the profile to store and the rules to store (null = the built-in table).</summary>
    public static (ClientProfile? Profile, StrategyRule[]? Rules) Check(Errors e, AnalyticsSettingsInput input)
    {
        Between0And1(e, "abcA", input.AbcA);
        Between0And1(e, "abcB", input.AbcB);
        if (input.AbcA is > 0 and < 1 && input.AbcB is > 0 and < 1 && input.AbcB <= input.AbcA) e.Add("abcB", Message.Of("must be greater than abcA."));
        Positive(e, "xyzX", input.XyzX);
        Positive(e, "xyzY", input.XyzY);
        if (input.XyzX is > 0 and <= MaxXyz && input.XyzY is > 0 and <= MaxXyz && input.XyzY <= input.XyzX) e.Add("xyzY", Message.Of("must be greater than xyzX."));
        if (input.ActiveWindowMonths is null) e.Add("activeWindowMonths", Message.Of("is required."));
        else if (input.ActiveWindowMonths is < 1 or > MaxWindowMonths) e.Add("activeWindowMonths", Message.Of("must be between 1 and 36 months."));
        var profile = ProfileRules.Normalise(e, "targetProfile", input.TargetProfile);
        e.Amount("costToServePerActiveMonth", input.CostToServePerActiveMonth);
        if (input.CostToServeShareOfRevenue is < 0 or > 1) e.Add("costToServeShareOfRevenue", Message.Of("must be between 0 and 1 (0 % and 100 %)."));
        else e.Amount("costToServeShareOfRevenue", input.CostToServeShareOfRevenue, 6);
        return (profile, Rules(e, input.StrategyRules));
    }

    private static StrategyRule[]? Rules(Errors e, StrategyRuleInput?[]? input)
    {
        if (input is null || input.Length == 0) return null;
        if (input.Length > MaxRules) e.Add("strategyRules", Message.Of("must have at most 200 rules."));
        var rules = new List<StrategyRule>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] is not { } r)
            {
                e.Add($"strategyRules[{i}]", Message.Of("is required."));
                continue;
            }
            if (r.Abc is { } abc) e.Defined($"strategyRules[{i}].abc", abc);
            if (r.Sign is { } sign) e.Defined($"strategyRules[{i}].sign", sign);
            if (r.Segment is { } segment) e.Defined($"strategyRules[{i}].segment", segment);
            if (r.Strategy is not { } strategy) e.Add($"strategyRules[{i}].strategy", Message.Of("is required."));
            else rules.Add(new StrategyRule(r.Abc, r.Sign, r.Segment, e.Defined($"strategyRules[{i}].strategy", strategy)));
        }
        // The built-in table sent back unchanged stays "the built-in table", so that a later release's better defaults reach it.
        return rules.SequenceEqual(Strategies.Defaults) ? null : [.. rules];
    }

    private static void Between0And1(Errors e, string field, double? value)
    {
        if (value is null) e.Add(field, Message.Of("is required."));
        else if (value is not (> 0 and < 1)) e.Add(field, Message.Of("must lie strictly between 0 and 1."));
    }

    private static void Positive(Errors e, string field, double? value)
    {
        if (value is null) e.Add(field, Message.Of("is required."));
        else if (value <= 0) e.Add(field, Message.Of("must be greater than zero."));
        else if (value > MaxXyz) e.Add(field, Message.Of("must be at most 10."));
    }
}
