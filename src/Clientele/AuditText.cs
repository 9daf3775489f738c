namespace Clientele;

/// <summary>
/// Marker for the audit trail's UI strings in Resources/AuditText.{ru,de}.resx (English is the key itself, except the
/// action names, whose English is in the base file). Kept apart so that the audit pages never touch the shared file.
/// </summary>
public sealed class AuditText;
