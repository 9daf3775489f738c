namespace Clientele.Features.Audit;

/// <summary>
/// Marker for the audit trail's UI strings in AuditText.{ru,de}.resx beside it (English is the key itself, except the
/// action names, whose English is in the base file). Kept apart so that the audit pages never touch the shared file.
/// </summary>
public sealed class AuditText;
