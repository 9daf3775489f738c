using Clientele.Analytics.Messaging;

namespace Clientele.Analytics.Tests.Messaging;

/// <summary>Segment counts worked out by hand from the 3GPP rules: 160/153 septets, 70/67 UCS-2 units.</summary>
public sealed class SmsLengthTests
{
    [Theory]
    // Nothing to send is no segment.
    [InlineData("", SmsEncoding.Gsm7, 0, 0, 160)]
    [InlineData("Hello", SmsEncoding.Gsm7, 5, 1, 155)]
    // German umlauts and ß are in the default alphabet; é too, but not á.
    [InlineData("Grüße, Größe, Café", SmsEncoding.Gsm7, 18, 1, 142)]
    [InlineData("á", SmsEncoding.Ucs2, 1, 1, 69)]
    // An extension character is an escape and the character: two septets.
    [InlineData("5 €", SmsEncoding.Gsm7, 4, 1, 156)]
    [InlineData("{x}", SmsEncoding.Gsm7, 5, 1, 155)]
    // Cyrillic is outside the alphabet: the whole text goes as UCS-2.
    [InlineData("Привет", SmsEncoding.Ucs2, 6, 1, 64)]
    // An emoji is a surrogate pair: two UCS-2 units.
    [InlineData("Hi 😀", SmsEncoding.Ucs2, 5, 1, 65)]
    public void Short_texts(string text, SmsEncoding encoding, int units, int segments, int left) =>
        Assert.Equal(new SmsMeasure(encoding, units, segments, left), SmsLength.Measure(text));

    [Theory]
    // 160 septets fit one message; one more makes two parts of at most 153: 153 + 8, 145 left.
    [InlineData('a', 160, SmsEncoding.Gsm7, 1, 0)]
    [InlineData('a', 161, SmsEncoding.Gsm7, 2, 145)]
    [InlineData('a', 306, SmsEncoding.Gsm7, 2, 0)]
    [InlineData('a', 307, SmsEncoding.Gsm7, 3, 152)]
    // 70 UCS-2 units fit one message; 71 make 67 + 4, 63 left; 134 = 2 × 67.
    [InlineData('я', 70, SmsEncoding.Ucs2, 1, 0)]
    [InlineData('я', 71, SmsEncoding.Ucs2, 2, 63)]
    [InlineData('я', 134, SmsEncoding.Ucs2, 2, 0)]
    [InlineData('я', 135, SmsEncoding.Ucs2, 3, 66)]
    public void Long_texts_split_into_parts(char c, int count, SmsEncoding encoding, int segments, int left)
    {
        var measure = SmsLength.Measure(new string(c, count));
        Assert.Equal((encoding, count, segments, left), (measure.Encoding, measure.Units, measure.Segments, measure.UnitsLeft));
    }

    [Fact]
    public void A_part_never_splits_an_escaped_character_or_a_surrogate_pair()
    {
        // 152 septets, then € (2) would make 154 > 153: € opens the second part, which holds 2 + 10 = 12, 141 left.
        var gsm = SmsLength.Measure(new string('a', 152) + "€" + new string('a', 10));
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 164, 2, 141), gsm);
        // 66 units, then an emoji (2) would make 68 > 67: it opens the second part, 2 + 5 = 7, 60 left.
        var ucs = SmsLength.Measure(new string('я', 66) + "😀" + new string('я', 5));
        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 73, 2, 60), ucs);
    }
}
