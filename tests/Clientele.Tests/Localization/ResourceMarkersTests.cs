using System.Globalization;
using Clientele.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Clientele.Tests.Localization;

/// <summary>
/// Every set of texts is found by the app's own localizer in every language: a .resx moved without its marker class,
/// or a marker without its .resx, would show the English keys to everyone without failing anything else.
/// </summary>
public sealed class ResourceMarkersTests
{
    private static readonly System.Reflection.Assembly App = typeof(SharedResource).Assembly;

    private static string[] TextSets() =>
        [.. App.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length]).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_set_of_texts_sits_beside_its_marker_class()
    {
        var sets = TextSets();
        Assert.True(sets.Length >= 14, string.Join(", ", sets));
        Assert.All(sets, name => Assert.True(App.GetType(name) is not null, $"{name}.resx has no class {name} beside it"));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("de")]
    [InlineData("en")]
    public void The_localizer_finds_every_set_in_every_language(string culture)
    {
        using var services = new ServiceCollection().AddLogging().AddClienteleLocalization().BuildServiceProvider();
        var factory = services.GetRequiredService<IStringLocalizerFactory>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            foreach (var name in TextSets())
            {
                var texts = factory.Create(App.GetType(name)!).GetAllStrings(includeParentCultures: culture == "en").ToList();
                if (culture == "en") continue; // English is mostly the key itself: that the set loads without throwing is the check
                Assert.True(texts.Count > 0, $"{name}: no {culture} texts");
                var sample = texts[0];
                Assert.False(factory.Create(App.GetType(name)!)[sample.Name].ResourceNotFound, $"{name}: {sample.Name} in {culture}");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
