using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Imports;

namespace Clientele.Tests.Imports;

/// <summary>The import pages' texts: every text the pages show is translated to Russian and German, placeholders kept.</summary>
public sealed partial class ImportPageTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Resources.ImportPageText", typeof(ImportPageText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    /// <summary>The pages' sources, found from the test's output folder up to the repository.</summary>
    private static IEnumerable<string> PageSources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Clientele.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Directory.GetFiles(Path.Combine(dir.FullName, "src", "Clientele", "Features", "Imports", "Pages"), "*.razor").Select(File.ReadAllText);
    }

    [Fact]
    public void Every_text_of_the_pages_and_every_kind_status_and_outcome_is_translated_with_its_placeholders()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
        var used = PageSources().SelectMany(s => TextPattern().Matches(s))
            .SelectMany(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value.Replace("\\\"", "\"", StringComparison.Ordinal))).ToHashSet();
        Assert.True(used.Count > 50, $"only {used.Count} texts found in the pages");
        var values = Enum.GetValues<ImportKind>().Select(v => $"Kind.{v}")
            .Concat(Enum.GetValues<ImportJobStatus>().Select(v => $"Status.{v}"))
            .Concat(Enum.GetValues<ImportRowAction>().Select(v => $"Action.{v}"));
        foreach (var key in used.Concat(values))
        {
            Assert.True(ru.ContainsKey(key), $"no Russian text for \"{key}\"");
            Assert.True(de.ContainsKey(key), $"no German text for \"{key}\"");
        }
        foreach (var (key, text) in ru.Concat(de))
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"\"{text}\" for \"{key}\"");
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A literal text given to the localizer: T["…"] or both branches of T[condition ? "…" : "…"].</summary>
    [GeneratedRegex("""T\[(?:[^\]\[]*?\? )?"((?:[^"\\]|\\.)+)"(?: : "((?:[^"\\]|\\.)+)")?""")]
    private static partial Regex TextPattern();
}
