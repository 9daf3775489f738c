using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Duplicates;

namespace Clientele.Tests.Duplicates;

/// <summary>The page's texts: both translations complete, placeholders kept, every reason, source and status named.</summary>
public sealed partial class DuplicatesTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Duplicates.DuplicatesText", typeof(DuplicatesText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts_keeping_placeholders_and_name_every_value()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 40);
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in ru.Concat(de).Where(t => !t.Key.Contains('.', StringComparison.Ordinal) || t.Key.EndsWith('.')))
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"\"{text}\" for \"{key}\"");
        var english = Texts("");
        var values = Enum.GetValues<DuplicateReason>().Select(v => $"Reason.{v}")
            .Concat(Enum.GetValues<DuplicateSource>().Select(v => $"Source.{v}"))
            .Concat(Enum.GetValues<DuplicateStatus>().Select(v => $"Status.{v}"));
        foreach (var key in values)
            Assert.True(english.ContainsKey(key) && ru.ContainsKey(key) && de.ContainsKey(key), key);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
