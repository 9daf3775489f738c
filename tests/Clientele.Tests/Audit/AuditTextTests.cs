using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Audit;

namespace Clientele.Tests.Audit;

/// <summary>The audit pages' texts: both translations complete, placeholders kept, every action named in every language.</summary>
public sealed partial class AuditTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Audit.AuditText", typeof(AuditText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 60);
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("de")]
    public void A_translation_keeps_the_placeholders_of_its_English_text(string culture)
    {
        foreach (var (key, text) in Texts(culture).Where(t => !t.Key.StartsWith("AuditAction.", StringComparison.Ordinal)))
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"{culture}: \"{text}\" for \"{key}\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("ru")]
    [InlineData("de")]
    public void Every_action_has_a_name(string culture)
    {
        var texts = Texts(culture);
        foreach (var action in Enum.GetValues<AuditAction>())
            Assert.True(texts.TryGetValue($"AuditAction.{action}", out var name) && !string.IsNullOrWhiteSpace(name), $"{culture}: {action}");
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
