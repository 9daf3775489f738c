using Clientele.Analytics.Loyalty;

namespace Clientele.Features.Loyalty;

public sealed record LadderStageRow(LoyaltyStage Stage, int Clients);

public sealed record LadderStep(LoyaltyStage From, LoyaltyStage To, int Reached, int Converted, double? Rate)
{
    public static LadderStep Of(StepConversion s) => new(s.From, s.To, s.Reached, s.Converted, s.Rate);
}

/// <param name="Month">yyyy-MM.</param>
/// <param name="Complete">False while some of the month's clients are still inside the conversion window.</param>
public sealed record LadderTrendMonth(string Month, bool Complete, LadderStep[] Steps);

public sealed record LadderRetentionRow(LoyaltyStage Stage, int AtStart, int Kept, double? RetentionRate, double? ChurnRate);

/// <summary>Retention and churn by the stage clients stood at on <see cref="Start"/>, judged on <see cref="End"/>.</summary>
public sealed record LadderRetentionPeriod(int Months, DateOnly Start, DateOnly End, LadderRetentionRow[] Stages);

public sealed record LoyaltyRulesDto(int RegularPurchases, int PromoterScore, double LapseFactor, int MinimumLapseDays, int TrendWindowDays,
    double? BaseMedianIntervalDays);

/// <summary>The ladder as a funnel on <see cref="AsOf"/>.</summary>
/// <param name="Conversions">Of the clients who reached a rung by the day, the share who reached the next one.</param>
/// <param name="Trend">For the last 12 months: of the clients who first reached a rung in the month, the share who
/// reached the next within the rules' trend window.</param>
public sealed record LadderResponse(DateOnly AsOf, int Clients, LadderStageRow[] Stages, LadderStep[] Conversions, LadderTrendMonth[] Trend,
    LadderRetentionPeriod[] Retention, LoyaltyRulesDto Rules);

public sealed record LoyaltyStepResponse(DateOnly Date, LoyaltyStage Stage, LoyaltyStage? PreviousStage);

public sealed record ClientLoyaltyResponse(long ClientId, LoyaltyStage Stage, DateOnly Since, DateOnly? AdvocateMarkedOn, DateOnly? ModelLostFrom,
    LoyaltyStepResponse[] Path);

public sealed record LadderClientRow(long Id, string Name, DateOnly Since);

public sealed record LadderClientsResponse(DateOnly AsOf, LoyaltyStage Stage, int Total, LadderClientRow[] Items);
