using System.Text;

namespace Clientele.Features.Duplicates;

/// <summary>
/// The normalised forms two client records are compared by, shared by the import (file against base and within the
/// file) and the duplicates scan: E.164 phone, lower-case e-mail, tax-id digits, and a name key for fuzzy matching.
/// </summary>
public static class DuplicateKeys
{
    public static string? Phone(string? raw, string defaultRegion) => ContactRules.NormalizePhone(raw, defaultRegion);

    public static string? Email(string? raw) => ContactRules.NormalizeEmail(raw);

    public static string? TaxId(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : TaxIds.Normalize(raw);

    // Legal forms say nothing about which firm it is: "ООО Ромашка" and "Ромашка, ООО" are the same client.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "тоо", "чп", "ltd", "llc", "inc", "gmbh", "ag", "kg", "ohg", "ug",
        "mbh", "co", "corp", "sa", "srl", "bv", "eg", "ev", "haftungsbeschränkt", "company", "компания", "фирма",
    };

    /// <summary>Lower case, ё as е, ß as ss, punctuation and legal forms dropped, words sorted: the fuzzy match's form.</summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in name.ToLowerInvariant().Replace('ё', 'е').Replace("ß", "ss") + " ")
        {
            if (char.IsLetterOrDigit(ch)) word.Append(ch);
            else if (word.Length > 0)
            {
                var w = word.ToString();
                if (!LegalForms.Contains(w)) words.Add(w);
                word.Clear();
            }
        }
        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    /// <summary>City compared without case and surrounding words like "г." / "Stadt".</summary>
    public static string CityKey(string? city) =>
        string.IsNullOrWhiteSpace(city) ? "" : NameKey(city.Replace("г.", " ", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// 0..1 similarity of two name keys: Dice coefficient over character trigrams. Robust to a typo, a missing word
    /// or swapped words, which is what separates "Ромашка" from "Ромашкa Плюс" no better than a person would.
    /// </summary>
    public static double NameSimilarity(string keyA, string keyB)
    {
        if (keyA.Length == 0 || keyB.Length == 0) return 0;
        if (keyA == keyB) return 1;
        var a = Trigrams(keyA);
        var b = Trigrams(keyB);
        var shared = 0;
        foreach (var (gram, count) in a)
            if (b.TryGetValue(gram, out var other)) shared += Math.Min(count, other);
        return 2.0 * shared / (a.Values.Sum() + b.Values.Sum());
    }

    /// <summary>Names at least this similar, in the same city, go to the review list.</summary>
    public const double FuzzyThreshold = 0.8;

    /// <summary>A cheap key that every fuzzy pair shares (city + first letters), so matching compares within blocks only.</summary>
    public static string BlockKey(string nameKey, string cityKey) =>
        cityKey + "|" + (nameKey.Length <= 3 ? nameKey : nameKey[..3]);

    private static Dictionary<string, int> Trigrams(string key)
    {
        var padded = "  " + key + " ";
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var g = padded.Substring(i, 3);
            grams[g] = grams.GetValueOrDefault(g) + 1;
        }
        return grams;
    }
}
