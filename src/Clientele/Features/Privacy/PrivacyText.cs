namespace Clientele.Features.Privacy;

/// <summary>
/// Marker for the personal-data UI strings in PrivacyText.{ru,de}.resx beside it (English is the key itself), apart
/// from the shared resources so this feature never edits a file others edit.
/// </summary>
public sealed class PrivacyText;
