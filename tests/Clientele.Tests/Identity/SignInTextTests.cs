using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Identity;

namespace Clientele.Tests.Identity;

/// <summary>The sign-in texts: Russian and German translate the same keys and keep their placeholders.</summary>
public sealed partial class SignInTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Identity.SignInText", typeof(SignInText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 50);
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Неверный адрес эл. почты или пароль.", ru["Wrong e-mail or password."]);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("de")]
    public void A_translation_keeps_the_placeholders_of_its_English_text(string culture)
    {
        foreach (var (key, text) in Texts(culture))
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"{culture}: \"{text}\" for \"{key}\"");
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
