namespace Clientele.Features.Lifetime;

public sealed record OpenTaskResponse(long Id, string Title, DateTime DueAt, long? AssigneeId)
{
    /// <summary>The title in the reader's language: the at-risk task's is stored as a kind (TaskTexts).</summary>
    public string Title { get; init; } = Tasks.TaskTexts.Show(Title);
}

/// <summary>One row of the at-risk worklist.</summary>
public sealed record ChurnRiskRow(
    long ClientId, string ClientName, long? ManagerId, string? ManagerName, string AbcClass, RiskReason Reason, DateOnly? AtRiskSince,
    double? AliveProbability, int DaysSinceLastPurchase, double? UsualIntervalDays, double? ExpectedPurchases90Days, decimal? Clv,
    SuggestedAction Action, OpenTaskResponse? OpenTask);

/// <summary>The worklist page: ranked by CLV at stake; pass <see cref="Next"/> as ?after= for the following page.</summary>
public sealed record ChurnRiskResponse(DateOnly? AsOf, long? ManagerId, int Total, IReadOnlyList<ChurnRiskRow> Items, string? Next);

/// <summary>The fit as stored: parameters, or the error when a model could not be fitted.</summary>
public sealed record FitResponse(
    long Id, DateOnly AsOf, DateTime FittedAt, string Period, int Clients, double? R, double? Alpha, double? A, double? B, double? LogLikelihood, string? Error,
    int SpendClients, double? P, double? Q, double? Gamma, double? SpendLogLikelihood, double? FrequencyValueCorrelation, bool? SpendAssumptionHolds,
    string? SpendError, int AtRisk)
{
    /// <summary>Above this |correlation| of frequency and mean value the Gamma-Gamma's independence assumption is in doubt.</summary>
    public const double CorrelationLimit = 0.3;

    public static FitResponse Of(LifetimeFit f) => new(
        f.Id, f.AsOf, f.FittedAt, f.Period.ToString(), f.Clients, f.R, f.Alpha, f.A, f.B, f.LogLikelihood, f.Error,
        f.SpendClients, f.P, f.Q, f.Gamma, f.SpendLogLikelihood, f.FrequencyValueCorrelation,
        f.FrequencyValueCorrelation is { } c ? Math.Abs(c) <= CorrelationLimit : null, f.SpendError, f.AtRisk);
}

public sealed record CurvePoint(int Week, double ExpectedPurchases);
public sealed record ClvBin(decimal From, decimal To, int Clients);
public sealed record ClvClient(long ClientId, string ClientName, string AbcClass, double? AliveProbability, double? ExpectedPurchases90Days, decimal? ExpectedAverageValue, decimal? Clv);

/// <summary>The model view: the last fit, a new client's expected purchases week by week, the CLV distribution and the top clients.</summary>
public sealed record ClvResponse(FitResponse? Fit, IReadOnlyList<CurvePoint> NewClientCurve, decimal? TotalClv, IReadOnlyList<ClvBin> Distribution, IReadOnlyList<ClvClient> Top);

/// <summary>A client's lifetime figures; all null until the first refresh after its first purchase.</summary>
public sealed record ClientLifetimeResponse(
    long ClientId, DateOnly? AsOf, double? Frequency, double? Recency, double? Age, decimal? MeanRepeatValue, double? AliveProbability,
    double? ExpectedPurchases90Days, decimal? ExpectedAverageValue, double? MarginRate, decimal? Clv, double? UsualIntervalDays, DateOnly? LastPurchase,
    int? DaysSinceLastPurchase, string? AbcClass, bool AtRisk, RiskReason Reason, DateOnly? AtRiskSince, SuggestedAction Action, OpenTaskResponse? OpenTask);
