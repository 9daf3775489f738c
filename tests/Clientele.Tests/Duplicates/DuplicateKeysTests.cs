using Clientele.Features.Duplicates;

namespace Clientele.Tests.Duplicates;

/// <summary>The fuzzy match on real pairs and non-pairs; no app.</summary>
public sealed class DuplicateKeysTests
{
    private static double Similarity(string a, string b) => DuplicateKeys.NameSimilarity(DuplicateKeys.NameKey(a), DuplicateKeys.NameKey(b));

    /// <summary>Same firm or person written differently, in the same city: a pair.</summary>
    private static bool Pair(string a, string cityA, string b, string cityB) =>
        DuplicateKeys.CityKey(cityA) is { Length: > 0 } city && city == DuplicateKeys.CityKey(cityB)
        && Similarity(a, b) >= DuplicateKeys.FuzzyThreshold;

    [Theory]
    [InlineData("ООО «Ромашка»", "Ромашка ООО")]
    [InlineData("Müller GmbH", "Mueller GmbH")]
    [InlineData("ИП Иванов И.И.", "Иванов Иван Иванович ИП")]
    [InlineData("Schröder & Söhne KG", "Schroeder und Soehne")]
    [InlineData("ООО \"Торговый дом Северный\"", "Торговый Дом Северный, ООО")]
    [InlineData("Фёдоров Пётр", "Федоров Петр")]
    [InlineData("Stahlhandel Meier", "Stahlhandl Meier GmbH")]
    [InlineData("АО Стройматериалы Урала", "Стройматериалы Урала")]
    public void Pairs_are_recognised(string a, string b)
    {
        Assert.True(Pair(a, "Москва", b, "г. Москва"), $"{a} / {b}: {Similarity(a, b):0.000}");
        // Symmetric, and the block a scan and an import put them in is shared.
        Assert.Equal(Similarity(a, b), Similarity(b, a), 6);
        Assert.Equal(DuplicateKeys.BlockKey(DuplicateKeys.NameKey(a), "x"), DuplicateKeys.BlockKey(DuplicateKeys.NameKey(b), "x"));
    }

    [Theory]
    [InlineData("Ромашка", "Москва", "Ромашка-Плюс", "Казань")]
    [InlineData("Ромашка", "Москва", "Ромашка", "Казань")]
    [InlineData("Ромашка", "", "Ромашка", "")]
    [InlineData("ИП Иванов И.И.", "Москва", "Иванов Пётр Сергеевич", "Москва")]
    [InlineData("ИП Иванов И.И.", "Москва", "Иванова Ирина Игоревна", "Москва")]
    [InlineData("Müller GmbH", "Berlin", "Müller & Schmidt GmbH", "Berlin")]
    [InlineData("Альфа", "Москва", "Альфа-Строй Сервис", "Москва")]
    [InlineData("Bäckerei Schulz", "Berlin", "Bäckerei Schmitz", "Berlin")]
    [InlineData("Магазин №12 Ромашка", "Москва", "Магазин №14 Ромашка", "Москва")]
    public void Non_pairs_are_not(string a, string cityA, string b, string cityB) =>
        Assert.False(Pair(a, cityA, b, cityB), $"{a} / {b}: {Similarity(a, b):0.000}");

    [Fact]
    public void Keys_drop_legal_forms_and_punctuation_and_keep_surnames_first()
    {
        Assert.Equal("ромашка", DuplicateKeys.NameKey("ООО «Ромашка»"));
        Assert.Equal("mueller", DuplicateKeys.NameKey("Müller GmbH"));
        Assert.Equal("иванов и и", DuplicateKeys.NameKey("ИП Иванов И.И."));
        Assert.Equal("иван иванов иванович", DuplicateKeys.NameKey("Иванов Иван Иванович ИП"));
        Assert.Equal("москва", DuplicateKeys.CityKey("г. Москва"));
        Assert.Equal("", DuplicateKeys.NameKey("  ООО  "));
        Assert.Equal(0, DuplicateKeys.NameSimilarity("", "ромашка"));
        Assert.Equal(1, DuplicateKeys.NameSimilarity("ромашка", "ромашка"));
        Assert.Equal(["москва|ива", "москва|ива"], DuplicateKeys.BlockKeys("иван иванов иванович", "москва").Take(1).Concat(DuplicateKeys.BlockKeys("иванов и и", "москва")));
    }

    [Fact]
    public void The_trigram_dice_matches_its_definition_on_a_hand_computed_case()
    {
        // "  ab " has trigrams "  a", " ab", "ab "; "  ac ": "  a", " ac", "ac " — one of three shared: 2·1/6.
        Assert.Equal(1.0 / 3, DuplicateKeys.NameSimilarity("ab", "ac"), 9);
    }
}
