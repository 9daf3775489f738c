using System.Globalization;
using System.Resources;

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

    private static readonly ResourceManager Texts = new("Clientele.Features.LostClients.LostText", typeof(LostText).Assembly);

    /// <summary>
    /// The built-in reason a free text names: its code, or its name in English, Russian or German ("цена", "Preis"),
    /// so that texts typed before the lists existed land on the built-ins rather than beside them. Null for none.
    /// </summary>
    public static string? BuiltInCodeOf(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var (code, name) in BuiltInReasons)
        {
            if (Same(code, text) || Same(name, text)) return code;
            foreach (var culture in new[] { "ru", "de" })
                if (Same(Texts.GetString($"Reason.{code}", CultureInfo.GetCultureInfo(culture)), text)) return code;
        }
        return null;
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
