using System.Text;
using PhoneNumbers;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// The phone check of an import row without libphonenumber's full parse (a third of a row's checking). For input made
/// only of digits, an optional leading '+' and the usual separators (space, '-', '(', ')', '.'), the parse reduces to
/// the steps below, done with the library's own public building blocks and metadata: country code, national prefix,
/// then the library's own validity test and E.164 format. The shortcut answers only when that proves the number
/// valid; anything else (letters, extensions, leading zeros, unknown regions, invalid numbers) goes to the full parse,
/// which therefore still decides every rejection. A valid stripped number has a possible length, so the full parse
/// keeps the same stripped form: the answers are the same.
/// </summary>
public static class PhoneFastPath
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form, or null for no valid number: exactly <see cref="ContactRules.NormalizePhone"/>'s answer.</summary>
    public static string? Normalize(string input, string region) => TryValid(input, region) ?? ContactRules.NormalizePhone(input, region);

    /// <summary>The E.164 form when the shortcut proves the number valid; null means "ask the full parse".</summary>
    public static string? TryValid(string input, string region)
    {
        var text = input.AsSpan().Trim();
        if (text.Length is 0 or > 40) return null;
        Span<char> digits = stackalloc char[40];
        var count = 0;
        var plus = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiDigit(ch)) digits[count++] = ch;
            else if (ch == '+' && i == 0) plus = true;
            else if (ch is not (' ' or '-' or '(' or ')' or '.')) return null;
        }
        if (count is < 3 or > 17 || Util.GetMetadataForRegion(region) is not { } metadata) return null;
        var national = new StringBuilder(count);
        int countryCode;
        try
        {
            countryCode = Util.MaybeExtractCountryCode((plus ? "+" : "") + digits[..count].ToString(), metadata, national, false, new PhoneNumber.Builder());
        }
        catch (NumberParseException)
        {
            return null;
        }
        if (countryCode != 0)
        {
            var numberRegion = Util.GetRegionCodeForCountryCode(countryCode);
            if (numberRegion == region) { }
            else if (numberRegion is "ZZ" or "001" || Util.GetMetadataForRegion(numberRegion) is not { } other) return null;
            else metadata = other;
        }
        else
        {
            national.Clear().Append(digits[..count]);
            countryCode = metadata.CountryCode;
        }
        if (national.Length < 2) return null;
        Util.MaybeStripNationalPrefixAndCarrierCode(national, metadata, new StringBuilder());
        if (national.Length is < 2 or > 17 || national[0] == '0') return null;
        var number = new PhoneNumber.Builder().SetCountryCode(countryCode).SetNationalNumber(ulong.Parse(national.ToString(), System.Globalization.CultureInfo.InvariantCulture)).Build();
        return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
    }
}
