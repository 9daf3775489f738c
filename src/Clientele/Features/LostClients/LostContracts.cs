namespace Clientele.Features.LostClients;

/// <summary>Marks a client lost: a reason by id or by code (one of them), a competitor by id or by name (added when new).</summary>
public sealed class MarkLostInput
{
    public long? ReasonId { get; set; }
    public string? ReasonCode { get; set; }
    public long? CompetitorId { get; set; }
    public string? CompetitorName { get; set; }
    /// <summary>Today when left out; never in the future.</summary>
    public DateOnly? LostOn { get; set; }
    public string? Comment { get; set; }
}

public sealed record ClientLossResponse(
    long Id, long ClientId, DateOnly LostOn, long ReasonId, string? ReasonCode, string Reason, long? CompetitorId, string? Competitor,
    string? Comment, long? ManagerId, DateOnly? WonBackOn, long ClientVersion);

public sealed record ChurnReasonResponse(long Id, string? Code, string Name, bool IsActive);

public sealed record CompetitorResponse(long Id, string Name, bool IsActive, long? MergedIntoId);

public sealed record ListItemInput(string? Name, bool? IsActive);

public sealed record MergeInput(long? IntoId);
