namespace Clientele.Analytics.Loyalty;

/// <summary>
/// The rungs of the loyalty ladder, in the order of the funnel. <see cref="Lost"/> stands outside the climb: a client
/// falls to it from any rung and climbs back to the rung its purchases give when it buys again.
/// </summary>
public enum LoyaltyStage
{
    /// <summary>In the base, never contacted, never bought.</summary>
    Prospect = 0,
    /// <summary>Contacted (any logged interaction), no purchase yet.</summary>
    Aware = 1,
    /// <summary>One purchase day.</summary>
    FirstPurchase = 2,
    /// <summary>Two purchase days.</summary>
    Repeat = 3,
    /// <summary><see cref="LoyaltyRules.RegularPurchases"/> purchase days or more, and not lost.</summary>
    Regular = 4,
    /// <summary>Regular, with evidence of advocacy: referred a client, gave a promoter score, or was marked an advocate.</summary>
    Advocate = 5,
    /// <summary>Marked lost by a manager, judged lost by the model, or silent for longer than the lapse rule allows.</summary>
    Lost = 6,
}

/// <summary>One step of a client's path: from <see cref="Date"/> on, the client stands at <see cref="Stage"/>.</summary>
/// <param name="Previous">The stage before; null for the first step, when the client entered the base.</param>
public sealed record StageChange(DateOnly Date, LoyaltyStage Stage, LoyaltyStage? Previous);

public static class LoyaltyStages
{
    /// <summary>The climbing stages, bottom to top: the steps of the funnel.</summary>
    public static readonly LoyaltyStage[] Climb =
        [LoyaltyStage.Prospect, LoyaltyStage.Aware, LoyaltyStage.FirstPurchase, LoyaltyStage.Repeat, LoyaltyStage.Regular, LoyaltyStage.Advocate];

    /// <summary>The stage on <paramref name="day"/> by a path sorted by date; null before the client entered the base.</summary>
    public static LoyaltyStage? On(IReadOnlyList<StageChange> path, DateOnly day)
    {
        LoyaltyStage? stage = null;
        foreach (var change in path)
        {
            if (change.Date > day) break;
            stage = change.Stage;
        }
        return stage;
    }

    /// <summary>The highest climbing stage held on or before <paramref name="day"/>; null before the client entered.</summary>
    public static LoyaltyStage? HighestReached(IReadOnlyList<StageChange> path, DateOnly day)
    {
        LoyaltyStage? highest = null;
        foreach (var change in path)
        {
            if (change.Date > day) break;
            if (change.Stage != LoyaltyStage.Lost && (highest is null || change.Stage > highest)) highest = change.Stage;
        }
        // A client whose first step is Lost (marked lost before anything else) has entered the base at the bottom.
        return highest ?? (path.Count > 0 && path[0].Date <= day ? LoyaltyStage.Prospect : null);
    }

    /// <summary>The first day the client stood at <paramref name="stage"/> or above it (Lost not counting); null if never by <paramref name="day"/>.</summary>
    public static DateOnly? FirstReached(IReadOnlyList<StageChange> path, LoyaltyStage stage, DateOnly day)
    {
        if (path.Count == 0 || path[0].Date > day) return null;
        if (stage == LoyaltyStage.Prospect) return path[0].Date;
        foreach (var change in path)
        {
            if (change.Date > day) break;
            if (change.Stage != LoyaltyStage.Lost && change.Stage >= stage) return change.Date;
        }
        return null;
    }
}
