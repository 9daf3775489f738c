using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Exports.Control;

namespace Clientele.Tests.Exports.Control;

/// <summary>The export-control texts: both translations complete, placeholders kept, every status named in all three languages.</summary>
public sealed partial class ExportControlTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Exports.Control.ExportControlText", typeof(ExportControlText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts_and_keep_their_placeholders()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 25);
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in ru.Concat(de))
        {
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"\"{text}\" for \"{key}\"");
            Assert.False(string.IsNullOrWhiteSpace(text), $"no text for \"{key}\"");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ru")]
    [InlineData("de")]
    public void Every_status_has_a_name(string culture)
    {
        var texts = Texts(culture);
        foreach (var status in Enum.GetValues<ExportStatus>())
            Assert.True(texts.TryGetValue($"ExportStatus.{status}", out var name) && name.Length > 0, $"ExportStatus.{status} has no text in '{culture}'");
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
