using Microsoft.Extensions.Localization;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>
/// The settings pages show some values in percent where the API takes fractions, so a few refusals read better in the
/// pages' own words (<see cref="SettingsText"/> keyed by the refusal's kind); every other refusal reads as it is.
/// </summary>
public static class SettingsWording
{
    public static string Of(IStringLocalizer<SettingsText> settings, Message message)
    {
        if (message.Resource != typeof(ValidationText)) return message.Render();
        var own = settings[message.Key, [.. message.Args.Select(a => a ?? "")]];
        return own.ResourceNotFound ? message.Render() : own.Value;
    }
}
