namespace Clientele;

/// <summary>
/// Marker for the texts of the exports this issue added (vCard link, export links of lists) in
/// Resources/ExportsText.{ru,de}.resx, English being the key; kept apart from the shared file like <see cref="AnalyticsText"/>.
/// </summary>
public sealed class ExportsText;
