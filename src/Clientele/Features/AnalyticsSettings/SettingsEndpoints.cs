using Clientele.Features.Economics;
using Clientele.Features.Groups;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>The owner's settings behind the analytics — thresholds and target client, channel spend and exchange rates,
/// client groups — registered with one call.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapAnalyticsSettingsAndGroups(this RouteGroupBuilder api) =>
        api.MapAnalyticsSettings().MapChannelSpend().MapExchangeRates().MapGroups();
}
