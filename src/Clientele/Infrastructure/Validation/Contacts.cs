using System.Net.Mail;
using PhoneNumbers;

namespace Clientele.Infrastructure.Validation;

/// <summary>Normalises phones to E.164 and e-mails to trimmed lower case, the forms stored and compared.</summary>
public static class ContactRules
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of <paramref name="input"/> read in <paramref name="defaultRegion"/>, or null if it is no valid number.</summary>
    public static string? NormalizePhone(string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        try
        {
            var number = Phones.Parse(input.Trim(), defaultRegion);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The digits of a partly typed national number with the trunk prefix swapped for the country code
    /// ("8916" in RU → "7916", "0151" in DE → "49151"); null when the digits do not start with the trunk prefix.
    /// </summary>
    public static string? NationalToInternational(string digits, string region)
    {
        var metadata = Phones.GetMetadataForRegion(region);
        if (metadata is null) return null;
        var trunk = metadata.NationalPrefix;
        if (string.IsNullOrEmpty(trunk) || !digits.StartsWith(trunk, StringComparison.Ordinal)) return null;
        return metadata.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + digits[trunk.Length..];
    }

    /// <summary>An E.164 number written for people, e.g. +7 916 123-45-67.</summary>
    public static string FormatPhone(string e164)
    {
        try
        {
            return Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    public static string? Phone(this Errors errors, string field, string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var e164 = NormalizePhone(input, defaultRegion);
        if (e164 is null) errors.Add(field, Message.Of("'{0}' is not a valid phone number.", input.Trim()));
        return e164;
    }

    public static string? NormalizeEmail(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var trimmed = input.Trim();
        if (trimmed.Length > 254 || trimmed.Contains(' ') || !MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed || !address.Host.Contains('.') || address.Host.EndsWith('.'))
            return null;
        return trimmed.ToLowerInvariant();
    }

    public static string? Email(this Errors errors, string field, string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var email = NormalizeEmail(input);
        if (email is null) errors.Add(field, Message.Of("'{0}' is not a valid e-mail address.", input.Trim()));
        return email;
    }
}
