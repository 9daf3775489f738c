using System.Globalization;
using Clientele.Analytics.Loyalty;

namespace Clientele.Features.Loyalty;

/// <summary>Addresses of the ladder pages, so a day and a stage survive a reload and can be sent to a colleague.</summary>
public static class LoyaltyLinks
{
    public static string Page(DateOnly day) => $"/loyalty?asOf={Day(day)}";

    public static string Clients(LoyaltyStage stage, DateOnly day) => $"/loyalty/clients?stage={stage}&asOf={Day(day)}";

    public static string Export(string format, DateOnly day) => $"/api/v1/analytics/ladder/export?format={format}&asOf={Day(day)}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
