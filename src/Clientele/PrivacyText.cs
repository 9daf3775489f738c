namespace Clientele;

/// <summary>
/// Marker for the personal-data UI strings in Resources/PrivacyText.{ru,de}.resx (English is the key itself), apart
/// from the shared resources so this feature never edits a file others edit. See <see cref="AnalyticsText"/> for why it sits here.
/// </summary>
public sealed class PrivacyText;
