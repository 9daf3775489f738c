using System.Globalization;
using Clientele.Features.AnalyticsSettings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Clientele.Tests.AnalyticsSettings;

/// <summary>The settings pages' strings are found by the app's localizer and translated into every language.</summary>
public sealed class SettingsTextTests
{
    private static IStringLocalizer<SettingsText> Localizer() =>
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SettingsText>>();

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Theory]
    [InlineData("ru", "Client groups", "Группы клиентов")]
    [InlineData("de", "Client groups", "Kundengruppen")]
    [InlineData("en", "Client groups", "Client groups")]
    [InlineData("en", "Strategy.PolitelyDrop", "Politely drop")]
    [InlineData("ru", "Strategy.PolitelyDrop", "Вежливо отказаться")]
    [InlineData("en", "must lie strictly between 0 and 1.", "must lie strictly between 0% and 100%.")]
    public void A_string_is_found_in_each_language(string culture, string key, string expected)
    {
        var localizer = Localizer();

        var text = InCulture(culture, () => localizer[key]);

        Assert.False(text.ResourceNotFound && culture != "en", $"'{key}' is missing in {culture}");
        Assert.Equal(expected, text.Value);
    }

    [Fact]
    public void Russian_and_German_translate_the_same_keys()
    {
        var localizer = Localizer();

        var ru = InCulture("ru", () => localizer.GetAllStrings(includeParentCultures: false).Select(s => s.Name).Order(StringComparer.Ordinal).ToList());
        var de = InCulture("de", () => localizer.GetAllStrings(includeParentCultures: false).Select(s => s.Name).Order(StringComparer.Ordinal).ToList());

        Assert.True(ru.Count > 100, $"only {ru.Count} Russian strings were found");
        Assert.Equal(ru, de);
    }
}
