using System.Collections;
using System.Globalization;
using System.Resources;
using Clientele.Features.Exports;

namespace Clientele.Tests.Exports;

/// <summary>The texts of the exports' links and list headers: both translations complete and translated.</summary>
public sealed class ExportsTextTests
{
    private static readonly ResourceManager Resources = new("Clientele.Features.Exports.ExportsText", typeof(ExportsText).Assembly);

    private static Dictionary<string, string> Texts(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Theory]
    [InlineData("ru")]
    [InlineData("de")]
    public void Every_text_is_translated(string culture)
    {
        string[] used = ["Download vCard", "Download Excel", "Download CSV", "Address book of these clients (vCard), for a phone or Outlook",
            "Active", "Yes", "No", "Details", "Added by hand", "By rule", "Members"];
        var texts = Texts(culture);
        Assert.Equal(used.Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
        Assert.All(texts.Where(t => t.Key != "Details"), t => Assert.NotEqual(t.Key, t.Value));
    }
}
