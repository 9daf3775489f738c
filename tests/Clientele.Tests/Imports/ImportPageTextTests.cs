using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Imports;
using Clientele.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clientele.Tests.Imports;

/// <summary>The import pages' texts: every text the pages show is translated to Russian and German, placeholders kept.</summary>
public sealed partial class ImportPageTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Imports.ImportPageText", typeof(ImportPageText).Assembly);

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

    [Theory]
    [InlineData("ru", "тот же телефон, что у клиента в базе", "тот же ИНН, что в строке 7", "похож на клиента из того же города (сходство 87 %)", "клиент с этим значением (e-mail)")]
    [InlineData("de", "gleiche Telefonnummer wie ein Kunde im Bestand", "gleiche Steuernummer wie Zeile 7", "ähnelt einem Kunden in derselben Stadt (87 % Übereinstimmung)", "ein Kunde mit dieser E-Mail-Adresse")]
    [InlineData("en", "same phone as a client in the base", "same tax id as line 7", "resembles a client in the same city (87 % alike)", "a client with this e-mail exists")]
    public void The_matchers_reasons_are_said_in_the_pages_language_without_the_client_id(string culture, string sameClient, string sameLine, string resembles, string otherManager)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var page = new StringLocalizer<ImportPageText>(factory);
        var shared = new StringLocalizer<SharedResource>(factory);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(sameClient, ImportReasonText.Localize("same phone as client 4711 in the base", page, shared));
            Assert.Equal(sameLine, ImportReasonText.Localize("same tax id as line 7", page, shared));
            Assert.Equal(resembles, ImportReasonText.Localize("resembles client 4711 in the same city (87 % alike)", page, shared));
            Assert.StartsWith(otherManager, ImportReasonText.Localize("a client with this e-mail exists and belongs to another manager.", page, shared));
            // Anything else is looked up whole, as before (an unknown text comes back as it is).
            Assert.Equal("no such reason 12", ImportReasonText.Localize("no such reason 12", page, shared));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("ru", "изменено: Сумма, Дата оплаты", "номер B-1 уже указан для другого клиента в строке 2", "без изменений: в базе есть этот документ с теми же значениями")]
    [InlineData("de", "geändert: Summe, Bezahlt am", "Nummer B-1 wird in Zeile 2 für einen anderen Kunden verwendet", "unverändert: der Bestand hat diesen Beleg mit denselben Werten")]
    [InlineData("en", "changed: Total, Paid on", "number B-1 is used for another client on line 2", "unchanged: the base has this document with the same values")]
    public void The_reimport_reasons_are_said_in_the_pages_language_with_their_values(string culture, string changed, string reused, string unchanged)
    {
        var (page, shared) = Localizers();
        using var _ = new UiCulture(culture);
        Assert.Equal(changed, ImportReasonText.Localize("changed: total, paid_on", page, shared));
        Assert.Equal(reused, ImportReasonText.Localize("number B-1 is used for another client on line 2", page, shared));
        Assert.Equal(unchanged, ImportReasonText.Localize("unchanged: the base has this document with the same values", page, shared));
    }

    private static (IStringLocalizer Page, IStringLocalizer Shared) Localizers()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return (new StringLocalizer<ImportPageText>(factory), new StringLocalizer<SharedResource>(factory));
    }

    /// <summary>The UI culture for the block, put back at its end.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public UiCulture(string culture) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A literal text given to the localizer: T["…"] or both branches of T[condition ? "…" : "…"].</summary>
    [GeneratedRegex("""T\[(?:[^\]\[]*?\? )?"((?:[^"\\]|\\.)+)"(?: : "((?:[^"\\]|\\.)+)")?""")]
    private static partial Regex TextPattern();
}
