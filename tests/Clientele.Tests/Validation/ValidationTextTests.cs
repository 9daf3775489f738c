using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;

namespace Clientele.Tests.Validation;

/// <summary>
/// Every refusal is a kind from the resources, worded in ru, de and en with its values (ADR 022): no English sentence
/// can reach a problem answer, a form or an import report by being passed as a string, and every kind the code names
/// has its translations with the same holes.
/// </summary>
public sealed partial class ValidationTextTests
{
    private static readonly string[] Cultures = ["ru", "de"];

    /// <summary>The sources of the app, found from the test's output folder up to the repository.</summary>
    private static IEnumerable<(string Path, string Text)> Sources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Clientele.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var src = Path.Combine(dir.FullName, "src", "Clientele");
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(src, f), File.ReadAllText(f)));
    }

    private static Dictionary<string, string> Texts(Type marker, string culture) =>
        Message.Texts(marker).GetResourceSet(culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string Holes(string text) =>
        string.Join(",", HolePattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void The_refusal_paths_take_a_kind_never_a_string()
    {
        // A string overload would let an English sentence through again; the compiler then refuses every literal.
        var invalid = typeof(ApiConventions).GetMethods().Where(m => m.Name == nameof(ApiConventions.Invalid)).ToList();
        Assert.NotEmpty(invalid);
        Assert.All(invalid, m => Assert.DoesNotContain(m.GetParameters().Skip(1), p => p.ParameterType == typeof(string)));
        var add = typeof(Errors).GetMethods().Where(m => m.Name == nameof(Errors.Add)).ToList();
        Assert.All(add, m => Assert.Equal(typeof(Message), m.GetParameters()[1].ParameterType));
    }

    [Fact]
    public void No_source_builds_a_kind_from_an_interpolated_or_literal_worded_text()
    {
        var offences = Sources()
            .SelectMany(s => s.Text.Split('\n').Select((line, i) => (s.Path, Line: i + 1, Code: line)))
            .Where(l => InterpolatedKind().IsMatch(l.Code) || LiteralWorded().IsMatch(l.Code))
            .Select(l => $"{l.Path}:{l.Line}: {l.Code.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Every_kind_the_code_names_is_translated_into_russian_and_german_with_its_values()
    {
        var app = typeof(Message).Assembly;
        var used = Sources().SelectMany(s => KindPattern().Matches(s.Text).Select(m => (Path: s.Path, Marker: m.Groups[1].Value, Key: m.Groups[2].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();
        Assert.True(used.Count > 200, $"only {used.Count} kinds found in the sources");
        var problems = new List<string>();
        foreach (var group in used.GroupBy(u => u.Marker))
        {
            var marker = group.Key.Length == 0 ? typeof(ValidationText)
                : app.GetTypes().SingleOrDefault(t => t.Name == group.Key.Split('.')[^1] && (t.FullName == group.Key || t.Name == group.Key));
            if (marker is null)
            {
                problems.Add($"no marker class {group.Key}");
                continue;
            }
            var english = Texts(marker, "");
            foreach (var culture in Cultures)
            {
                var texts = Texts(marker, culture);
                foreach (var (path, _, key) in group.DistinctBy(u => u.Key))
                {
                    if (!texts.TryGetValue(key, out var text)) problems.Add($"{path}: '{key}' has no {culture} text in {marker.Name}");
                    else if (Holes(text) != Holes(key)) problems.Add($"{path}: '{key}' in {culture} has holes {Holes(text)}");
                    if (marker == typeof(ValidationText) && !english.ContainsKey(key)) problems.Add($"{path}: '{key}' is missing from ValidationText.resx");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void The_validation_vocabulary_has_the_same_kinds_in_every_language()
    {
        var english = Texts(typeof(ValidationText), "");
        Assert.All(Cultures, culture => Assert.Equal(english.Keys.Order(StringComparer.Ordinal), Texts(typeof(ValidationText), culture).Keys.Order(StringComparer.Ordinal)));
        // English is the key itself: a value that drifted from its key would say something else than the code means.
        Assert.All(english, e => Assert.Equal(e.Key, e.Value));
    }

    [Theory]
    [InlineData("ru", "«anna@@example» — неверный адрес электронной почты.", "должно быть меньше 1\u00a0000\u00a0000\u00a0000\u00a0000.")]
    [InlineData("de", "„anna@@example“ ist keine gültige E-Mail-Adresse.", "muss kleiner als 1.000.000.000.000 sein.")]
    [InlineData("en", "'anna@@example' is not a valid e-mail address.", "must be less than 1,000,000,000,000.")]
    public void A_refusal_reads_in_the_readers_language_with_its_values_in_the_readers_format(string culture, string email, string amount)
    {
        var errors = new Errors();
        errors.Email("email", "anna@@example");
        errors.Amount("amount", 2_000_000_000_000m);
        Assert.Equal(email, errors.FirstMessage("email")!.Render(CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(amount, errors.FirstMessage("amount")!.Render(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void A_stored_reason_is_read_back_as_the_same_kind_and_worded_for_each_reader()
    {
        var stored = Message.Of("unknown manager '{0}'.", "Petrov").Encode();

        var read = Message.Parse(stored);

        Assert.NotNull(read);
        Assert.Equal("неизвестный менеджер «Petrov».", read.Render(CultureInfo.GetCultureInfo("ru")));
        Assert.Equal("unbekannter Betreuer „Petrov“.", read.Render(CultureInfo.GetCultureInfo("de")));
        Assert.Null(Message.Parse("same phone as line 3"));
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex HolePattern();

    /// <summary><c>Message.Of("key"</c> or <c>Message.Of&lt;Marker&gt;("key"</c>: group 1 the marker (empty: the validation texts), 2 the key.</summary>
    [GeneratedRegex(@"Message\.Of(?:<([\w.]+)>)?\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex KindPattern();

    [GeneratedRegex("""Message\.Of(?:<[\w.]+>)?\(\s*\$""")]
    private static partial Regex InterpolatedKind();

    [GeneratedRegex("""Message\.Worded\(\s*\$?["@]""")]
    private static partial Regex LiteralWorded();
}
