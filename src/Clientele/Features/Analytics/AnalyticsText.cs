using Clientele.Infrastructure.Localization;

namespace Clientele.Features.Analytics;

/// <summary>
/// Marker for the analytics UI strings in AnalyticsText.{ru,de}.resx beside it (English is the key itself). Kept apart
/// from <see cref="SharedResource"/> so the analytics pages can grow their texts without touching the shared file.
/// Like every marker, its .resx files sit beside it: a .resx next to a same-named .cs is embedded under the
/// class's full name, which is where the localizer (no ResourcesPath, see LocalizationSetup) looks for it.
/// </summary>
public sealed class AnalyticsText;
