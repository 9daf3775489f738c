using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Analytics.Loyalty;
using Clientele.Features.Loyalty;

namespace Clientele.Tests.Loyalty;

/// <summary>The ladder's texts: both translations complete, placeholders kept, every stage named in every language.</summary>
public sealed partial class LoyaltyTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Loyalty.LoyaltyText", typeof(LoyaltyText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 40);
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("de")]
    public void A_translation_keeps_the_placeholders_of_its_English_text(string culture)
    {
        foreach (var (key, text) in Texts(culture))
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"{culture}: \"{text}\" for \"{key}\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("ru")]
    [InlineData("de")]
    public void Every_stage_has_a_name(string culture)
    {
        var names = Texts(culture);
        Assert.All(Enum.GetValues<LoyaltyStage>(), s => Assert.False(string.IsNullOrWhiteSpace(names.GetValueOrDefault($"Stage.{s}")), $"{culture}: Stage.{s}"));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
