using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Clientele.Features.Lifetime;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clientele.Tests.Lifetime;

/// <summary>The churn and CLV texts: both translations complete, placeholders kept, every reason and action named.</summary>
public sealed partial class LifetimeTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Lifetime.LifetimeText", typeof(LifetimeText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Russian_and_German_translate_the_same_texts_and_keep_their_placeholders()
    {
        var ru = Texts("ru");
        var de = Texts("de");
        Assert.True(ru.Count > 50);
        Assert.Equal(ru.Keys.Order(StringComparer.Ordinal), de.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in ru.Concat(de))
            Assert.True(Placeholders(key).SetEquals(Placeholders(text)), $"\"{text}\" for \"{key}\"");
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("de")]
    public void Every_reason_and_action_is_translated(string culture)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var text = new StringLocalizer<LifetimeText>(factory);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var reasons = new[] { RiskReason.None, RiskReason.LowAliveProbability, RiskReason.OverdueInterval, RiskReason.LowAliveProbability | RiskReason.OverdueInterval };
            foreach (var label in reasons.Select(r => LifetimeLabels.Reason(r, text)).Concat(Enum.GetValues<SuggestedAction>().Select(a => LifetimeLabels.Action(a, text))))
                Assert.True(Texts(culture).ContainsValue(label), $"'{label}' is not translated to {culture}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
