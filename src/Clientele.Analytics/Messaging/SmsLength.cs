namespace Clientele.Analytics.Messaging;

/// <summary>How an SMS text travels: in the GSM 7-bit default alphabet, or as UCS-2 when one character is outside it.</summary>
public enum SmsEncoding { Gsm7 = 0, Ucs2 = 1 }

/// <param name="Units">Septets (GSM-7, an extension character counts two) or UTF-16 code units (UCS-2).</param>
/// <param name="Segments">Messages the network bills: one up to <see cref="SmsLength.SingleGsm7"/>/<see cref="SmsLength.SingleUcs2"/>
/// units, else parts of <see cref="SmsLength.PartGsm7"/>/<see cref="SmsLength.PartUcs2"/> (the rest is the concatenation header).</param>
/// <param name="UnitsLeft">Units still free in the last segment.</param>
public sealed record SmsMeasure(SmsEncoding Encoding, int Units, int Segments, int UnitsLeft);

/// <summary>
/// The length of an SMS as the network counts it (3GPP TS 23.038 alphabet, TS 23.040 concatenation): 160 septets or 70
/// UCS-2 units in one message; a longer text is split into parts of 153 or 67, and a part never splits an escaped
/// extension character or a surrogate pair, so a part may hold one unit less.
/// </summary>
public static class SmsLength
{
    public const int SingleGsm7 = 160, PartGsm7 = 153, SingleUcs2 = 70, PartUcs2 = 67;

    /// <summary>The default alphabet, one septet each.</summary>
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table, an escape and the character: two septets each.</summary>
    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static SmsMeasure Measure(string text)
    {
        var gsm = true;
        foreach (var c in text)
            if (!BasicSet.Contains(c) && !ExtensionSet.Contains(c))
            {
                gsm = false;
                break;
            }
        // Each character's cost in units; a pair that may not be split is one item of cost 2.
        var costs = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (gsm) costs.Add(ExtensionSet.Contains(text[i]) ? 2 : 1);
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                costs.Add(2);
                i++;
            }
            else costs.Add(1);
        }
        var units = costs.Sum();
        var (single, part) = gsm ? (SingleGsm7, PartGsm7) : (SingleUcs2, PartUcs2);
        var encoding = gsm ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        if (units == 0) return new SmsMeasure(encoding, 0, 0, single);
        if (units <= single) return new SmsMeasure(encoding, units, 1, single - units);
        var (segments, filled) = (1, 0);
        foreach (var cost in costs)
        {
            if (filled + cost > part) (segments, filled) = (segments + 1, 0);
            filled += cost;
        }
        return new SmsMeasure(encoding, units, segments, part - filled);
    }
}
