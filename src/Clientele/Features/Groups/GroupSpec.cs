using Clientele.Features.Analytics;
using Clientele.Features.AnalyticsSettings;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Groups;

/// <summary>How a group is checked and written, for the API and the groups pages alike.</summary>
public static class GroupSpec
{
    public const int NameMax = 100;
    public const int StrategyMax = 1000;

    public static readonly EntitySpec<ClientGroup, GroupInput, GroupResponse> Instance = new()
    {
        Name = "Group",
        Query = db => db.ClientGroups,
        ToInput = g => new GroupInput { Name = g.Name, Strategy = g.Strategy, Rule = RuleOf(g) },
        ToResponse = g => new GroupResponse(g.Id, g.Name, g.Preset, g.Strategy, RuleOf(g), g.Version),
        Check = CheckAsync,
        Create = input => Apply(new ClientGroup { Name = input.Name! }, input),
        Apply = (g, input) => Apply(g, input),
    };

    public static ClientProfile? RuleOf(ClientGroup g) => string.IsNullOrWhiteSpace(g.Rule) ? null : ClientProfile.Parse(g.Rule);

    private static async Task<Errors> CheckAsync(CheckContext<ClientGroup> ctx, GroupInput input)
    {
        var e = new Errors();
        input.Name = e.Required("name", input.Name, NameMax);
        input.Strategy = e.Optional("strategy", input.Strategy, StrategyMax);
        input.Rule = ProfileRules.Normalise(e, "rule", input.Rule);
        var selfId = ctx.Existing?.Id ?? 0;
        // Names differing only in case would read as the same group on every page.
        if (input.Name is { } name && !e.Has("name")
            && await ctx.Db.ClientGroups.AnyAsync(g => g.Id != selfId && g.Name.ToLower() == name.ToLower(), ctx.Cancellation))
            e.Add("name", Message.Of("another group has this name."));
        return e;
    }

    private static ClientGroup Apply(ClientGroup g, GroupInput input)
    {
        g.Name = input.Name!;
        g.Strategy = input.Strategy;
        g.Rule = input.Rule?.ToJson();
        return g;
    }
}
