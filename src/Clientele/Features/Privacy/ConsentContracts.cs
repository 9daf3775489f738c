namespace Clientele.Features.Privacy;

/// <summary>A consent to record. Either <see cref="Text"/> (the exact wording) or <see cref="ConsentTextId"/> (a stored version).</summary>
public sealed record GiveConsentInput(
    long? ContactPersonId, ContactChannel? Channel, ConsentPurpose? Purpose, ConsentSource? Source,
    DateTime? GrantedAt = null, string? Text = null, long? ConsentTextId = null);

/// <summary>How the withdrawal came in; the body may be left out (then "other").</summary>
public sealed record WithdrawConsentInput(ConsentSource? Source);

public sealed record ConsentRecordResponse(
    long Id, long ClientId, long? ContactPersonId, string? ContactPersonName, ContactChannel Channel, ConsentPurpose Purpose,
    DateTime GrantedAt, ConsentSource Source, string? Text, long? ConsentTextId, string? ConsentTextCode, int? ConsentTextVersion,
    long? RecordedById, DateTime RecordedAt, DateTime? WithdrawnAt, ConsentSource? WithdrawalSource, long? WithdrawnById,
    bool IsCurrent, bool IsGranted);

/// <summary>The current state per (subject, channel, purpose) and every record ever made, newest first.</summary>
public sealed record ClientConsentsResponse(long ClientId, IReadOnlyList<ConsentRecordResponse> Current, IReadOnlyList<ConsentRecordResponse> History);

public sealed record ConsentTextInput(string? Code, string? Language, string? Body);

public sealed record ConsentTextResponse(long Id, string Code, int Version, string Language, string Body, DateTime CreatedAt, long? CreatedById);
