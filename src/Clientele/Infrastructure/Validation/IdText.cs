using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Clientele.Infrastructure.Validation;

/// <summary>
/// Marker for the messages of the tax-id and phone rules in IdText.{ru,de}.resx beside it; English is the key itself.
/// The rules are static (the API, the forms and the import share them), so they read the resources directly in the
/// culture they are given, the reader's by default.
/// </summary>
public sealed partial class IdText
{
    private static readonly ResourceManager Texts = new("Clientele.Infrastructure.Validation.IdText", typeof(IdText).Assembly);

    /// <summary>The template in <paramref name="culture"/> (null: the current UI culture) with its values filled in.</summary>
    public static string Say(CultureInfo? culture, string template, params object[] values)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var text = Texts.GetString(template, culture) is { Length: > 0 } translated ? translated : template;
        return string.Format(culture, text, values);
    }

    /// <summary>
    /// An English message of these rules as stored (an import row's reason) said again in <paramref name="culture"/>;
    /// null when the text is no message of theirs. The templates are the resource keys, so each is matched as a pattern
    /// with its values as the groups.
    /// </summary>
    public static string? Relocalize(string english, CultureInfo? culture = null)
    {
        foreach (var (template, pattern) in Patterns.Value)
            if (pattern.Match(english) is { Success: true } match)
                return Say(culture, template, [.. match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value)]);
        return null;
    }

    private static readonly Lazy<(string Template, Regex Pattern)[]> Patterns = new(() =>
        [.. (Texts.GetResourceSet(CultureInfo.GetCultureInfo("ru"), createIfNotExists: true, tryParents: false) ?? throw new InvalidOperationException("IdText.ru.resx is missing"))
            .Cast<DictionaryEntry>().Select(e => (string)e.Key)
            .Select(t => (t, new Regex("^" + Placeholder().Replace(Regex.Escape(t), "(.*)") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline)))]);

    [GeneratedRegex(@"\\\{[0-9]+}")]
    private static partial Regex Placeholder();
}
