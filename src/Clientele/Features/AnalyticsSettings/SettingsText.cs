using Clientele.Infrastructure.Localization;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>
/// Marker for the UI strings of the owner's analytics settings, channel spend, exchange rates and client groups, in
/// SettingsText.{ru,de}.resx beside it (English is the key itself). Kept apart from <see cref="SharedResource"/> so that
/// features built in parallel do not edit the same resource files.
/// </summary>
public sealed class SettingsText;
