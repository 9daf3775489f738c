using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;

namespace Clientele.Tests.Analytics;

/// <summary>The analytics texts: both translations complete, and no translation that would break string.Format.</summary>
public sealed partial class AnalyticsTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Analytics.AnalyticsText", typeof(AnalyticsText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 100);
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
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("de")]
    public void Every_segment_strategy_and_loss_reason_has_a_name(string culture)
    {
        var names = Texts(culture == "en" ? "" : culture);
        var keys = Enum.GetValues<RfmSegment>().Select(s => $"RfmSegment.{s}")
            .Concat(Enum.GetValues<Strategy>().SelectMany(s => new[] { $"Strategy.{s}", $"Strategy.{s}.Hint" }))
            .Concat(Enum.GetValues<LossReason>().Where(r => r != LossReason.None).Select(r => $"LossReason.{r}"));
        Assert.All(keys, key => Assert.True(names.ContainsKey(key), $"{culture}: {key}"));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
