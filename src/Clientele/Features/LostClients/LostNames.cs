using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.LostClients;

/// <summary>Built-in reasons are shown in the user's language; the owner's own as they were named.</summary>
public static class LostNames
{
    public static string Reason(IStringLocalizer t, string? code, string name)
    {
        if (code is null) return name;
        var text = t[$"Reason.{code}"];
        return text.ResourceNotFound ? name : text.Value;
    }

    /// <summary>The same in the current UI language, for a reader that has no localizer at hand (a report service).</summary>
    public static string Reason(string? code, string name) =>
        code is null ? name : Message.Texts(typeof(LostText)).GetString($"Reason.{code}", CultureInfo.CurrentUICulture) ?? name;
}
