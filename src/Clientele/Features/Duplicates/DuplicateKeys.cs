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
        "mbh", "co", "corp", "sa", "srl", "bv", "eg", "ev", "haftungsbeschränkt", "haftungsbeschraenkt", "company", "компания", "фирма",
    };

    /// <summary>
    /// Lower case; ё as е; ä, ö, ü, ß spelled out as German writes them without umlauts (ae, oe, ue, ss), so "Müller" and
    /// "Mueller" are one key; punctuation and legal forms dropped; words sorted with initials ("и", "i") after the
    /// words, so "ИП Иванов И.И." starts with its surname like "Иванов Иван Иванович ИП" does.
    /// </summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in name.ToLowerInvariant() + " ")
        {
            if (char.IsLetterOrDigit(ch))
            {
                switch (ch)
                {
                    case 'ё': word.Append('е'); break;
                    case 'ä': word.Append("ae"); break;
                    case 'ö': word.Append("oe"); break;
                    case 'ü': word.Append("ue"); break;
                    case 'ß': word.Append("ss"); break;
                    default: word.Append(ch); break;
                }
            }
            else if (word.Length > 0)
            {
                var w = word.ToString();
                if (!LegalForms.Contains(w)) words.Add(w);
                word.Clear();
            }
        }
        words.Sort((a, b) => a.Length == 1 != (b.Length == 1) ? (a.Length == 1 ? 1 : -1) : string.CompareOrdinal(a, b));
        return string.Join(' ', words);
    }

    /// <summary>City compared without case and surrounding words like "г." / "Stadt".</summary>
    public static string CityKey(string? city) =>
        string.IsNullOrWhiteSpace(city) ? "" : NameKey(city.Replace("г.", " ", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// 0..1 similarity of two name keys: Dice coefficient over character trigrams, robust to a typo, a missing word or
    /// swapped words; or, when one side names a person by surname and initials ("иванов и и") and the other spells the
    /// names out ("иван иванов иванович"), <see cref="InitialsMatch"/> when every word and initial finds its partner.
    /// </summary>
    public static double NameSimilarity(string keyA, string keyB)
    {
        if (keyA.Length == 0 || keyB.Length == 0) return 0;
        if (keyA == keyB) return 1;
        if (NumbersDiffer(keyA, keyB)) return 0;
        var dice = Dice(Trigrams(keyA), Trigrams(keyB));
        return dice >= InitialsMatch ? dice : Math.Max(dice, InitialsSimilarity(keyA, keyB));
    }

    /// <summary>
    /// "Магазин 12" and "Магазин 14" are two branches, not a typo: names whose numbers differ are never similar,
    /// however many letters they share.
    /// </summary>
    public static bool NumbersDiffer(string keyA, string keyB)
    {
        if (!keyA.Any(char.IsDigit) && !keyB.Any(char.IsDigit)) return false;
        static string Numbers(string key) => string.Join(' ', key.Split(' ').Where(w => w.Any(char.IsDigit)).Order(StringComparer.Ordinal));
        return Numbers(keyA) != Numbers(keyB);
    }

    /// <summary>Names at least this similar, in the same city, go to the review list. Tuned on the pairs and
    /// non-pairs of DuplicateKeysTests: a typo or a dropped word scores above it, "Ромашка" against "Ромашка-Плюс" below.</summary>
    public const double FuzzyThreshold = 0.8;

    /// <summary>The score of a surname-and-initials match: above the threshold, below an exact match.</summary>
    public const double InitialsMatch = 0.9;

    /// <summary>A cheap key that every fuzzy pair shares (city + first letters), so matching compares within blocks only.</summary>
    public static string BlockKey(string nameKey, string cityKey) =>
        cityKey + "|" + (nameKey.Length <= 3 ? nameKey : nameKey[..3]);

    /// <summary>
    /// The blocks a scan puts a record into: its <see cref="BlockKey"/> and that of its longest word, so a pair
    /// whose first words differ by a typo still meets in the block of the word they share.
    /// </summary>
    public static IEnumerable<string> BlockKeys(string nameKey, string cityKey)
    {
        var first = BlockKey(nameKey, cityKey);
        yield return first;
        var longest = nameKey.Split(' ').MaxBy(w => w.Length) ?? "";
        var second = BlockKey(longest, cityKey);
        if (second != first) yield return second;
    }

    /// <summary>The trigram profile <see cref="NameSimilarity"/> compares; hashed and sorted so that a scan compares arrays.</summary>
    public static int[] Trigrams(string key)
    {
        var padded = "  " + key + " ";
        var grams = new int[Math.Max(0, padded.Length - 2)];
        for (var i = 0; i < grams.Length; i++)
            grams[i] = HashCode.Combine(padded[i], padded[i + 1], padded[i + 2]);
        Array.Sort(grams);
        return grams;
    }

    /// <summary>Dice coefficient of two sorted trigram multisets.</summary>
    public static double Dice(int[] a, int[] b)
    {
        if (a.Length + b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return 2.0 * shared / (a.Length + b.Length);
    }

    /// <summary>
    /// Surname plus initials against full names: the side with initials must have at least one full word, every full
    /// word must occur on the other side, and each initial must begin a different remaining word there.
    /// </summary>
    private static double InitialsSimilarity(string keyA, string keyB)
    {
        var a = keyA.Split(' ');
        var b = keyB.Split(' ');
        return CoveredByInitials(a, b) || CoveredByInitials(b, a) ? InitialsMatch : 0;
    }

    private static bool CoveredByInitials(string[] abbreviated, string[] full)
    {
        var initials = abbreviated.Where(w => w.Length == 1).ToList();
        var words = abbreviated.Where(w => w.Length > 1).ToList();
        if (initials.Count == 0 || words.Count == 0 || abbreviated.Length > full.Length) return false;
        var left = full.ToList();
        foreach (var word in words)
            if (!left.Remove(word)) return false;
        foreach (var initial in initials)
        {
            var partner = left.FindIndex(w => w.Length > 1 && w[0] == initial[0]);
            if (partner < 0) return false;
            left.RemoveAt(partner);
        }
        return true;
    }
}
