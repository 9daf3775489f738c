using Clientele.Infrastructure.Api;

namespace Clientele.Features.FollowUp;

public sealed class FollowUpRuleInput
{
    public string? Name { get; set; }
    public FollowUpTrigger Trigger { get; set; }
    public int Days { get; set; }
    /// <summary>For <see cref="FollowUpTrigger.AfterHighScore"/>: the lowest satisfaction that counts (9 when left out).</summary>
    public int? MinScore { get; set; }
    public bool Active { get; set; } = true;
}

public sealed record FollowUpRuleResponse(long Id, string Name, FollowUpTrigger Trigger, int Days, int MinScore, bool Active, long Version);

public static class FollowUpRulesApi
{
    public const int MaxName = 80;
    public const int MaxDays = 365;

    public static readonly EntitySpec<FollowUpRule, FollowUpRuleInput, FollowUpRuleResponse> Spec = new()
    {
        Name = "Follow-up rule",
        Query = db => db.FollowUpRules,
        ToInput = r => new FollowUpRuleInput { Name = r.Name, Trigger = r.Trigger, Days = r.Days, MinScore = r.MinScore, Active = r.Active },
        ToResponse = r => new FollowUpRuleResponse(r.Id, r.Name, r.Trigger, r.Days, r.MinScore, r.Active, r.Version),
        Check = (ctx, input) =>
        {
            var e = new Errors();
            input.Name = e.Required("name", input.Name, MaxName);
            e.Defined("trigger", input.Trigger);
            if (input.Days is < 1 or > MaxDays) e.Add("days", Message.Of<FollowUpText>("must be a whole number of days from 1 to 365."));
            input.MinScore ??= 9;
            if (input.MinScore is < 0 or > 10) e.Add("minScore", Message.Of("must be a whole number from 0 to 10."));
            return Task.FromResult(e);
        },
        Create = input => Apply(new FollowUpRule { Name = input.Name! }, input),
        Apply = (r, input) => Apply(r, input),
    };

    /// <summary>The owner writes the rules; owners and managers read them.</summary>
    public static RouteGroupBuilder MapFollowUpRules(this RouteGroupBuilder api)
    {
        api.MapEntity("/follow-up-rules", "Follow-up", Spec, (query, _) => query);
        return api;
    }

    private static FollowUpRule Apply(FollowUpRule r, FollowUpRuleInput input)
    {
        r.Name = input.Name!; r.Trigger = input.Trigger; r.Days = input.Days; r.MinScore = input.MinScore!.Value; r.Active = input.Active;
        return r;
    }
}
