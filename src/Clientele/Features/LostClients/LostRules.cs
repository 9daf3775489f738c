namespace Clientele.Features.LostClients;

/// <summary>The built-in churn reasons and the limits of the lost-client inputs.</summary>
public static class LostRules
{
    public const int NameMax = 200;
    public const int CommentMax = 2000;

    /// <summary>Built-in reasons by stable code with their English names (the UI shows them in the user's language).</summary>
    public static readonly (string Code, string Name)[] BuiltInReasons =
    [
        ("price", "Price"), ("quality", "Quality"), ("service", "Service"), ("competitor-offer", "A competitor's offer"),
        ("moved", "Moved"), ("closed", "Closed"), ("other", "Other"),
    ];

    /// <summary>Clients who moved away or closed cannot be won back, so the win-back list leaves them out.</summary>
    public static readonly string[] NotWinnable = ["moved", "closed"];

    public const string OtherCode = "other";
}
