using Clientele.Features.Analytics;

namespace Clientele.Features.Loyalty;

/// <summary>
/// Marker for the loyalty ladder's UI strings in LoyaltyText.{ru,de}.resx beside it (English is the key itself, stage
/// names are keyed "Stage.X" with their English in the base file). Its own file so the ladder never edits the shared
/// texts; it sits beside SharedResource for the reason given on <see cref="AnalyticsText"/>.
/// </summary>
public sealed class LoyaltyText;
