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
        if (IsOutsidePlan(e164)) return e164;
        try
        {
            return Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>
    /// The phone to store: its E.164 form when the numbering plan knows it; as written (trimmed) when it has a possible
    /// length for its country but a range the plan does not list (a new or unallocated mobile range) — kept, and warned
    /// about on the card (<see cref="IsOutsidePlan"/>); otherwise a refusal (a kind, worded when read).
    /// </summary>
    public static string? Phone(this Errors errors, string field, string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var e164 = NormalizePhone(input, defaultRegion) ?? KeptAsWritten(input, defaultRegion);
        if (e164 is null) errors.Add(field, Message.Of<IdText>("'{0}' is not a valid phone number.", input.Trim()));
        return e164;
    }

    /// <summary>The longest phone kept as written: the column's width.</summary>
    public const int PhoneMax = 20;

    /// <summary>
    /// The trimmed input when it is a number the plan does not list but could be one: digits and the usual separators
    /// only, and a length its country's numbers can have. Null for anything else (too short, letters, no country).
    /// </summary>
    public static string? KeptAsWritten(string input, string defaultRegion)
    {
        var trimmed = input.Trim();
        if (trimmed.Length > PhoneMax || trimmed.Count(char.IsAsciiDigit) < 5
            || !trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')) return null;
        try
        {
            var number = Phones.Parse(trimmed, defaultRegion);
            return Phones.IsPossibleNumber(number) ? trimmed : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A stored phone that is not E.164: kept as written because the numbering plan does not know its range.</summary>
    public static bool IsOutsidePlan(string? stored) => stored is not null && NormalizePhone(stored, "ZZ") != stored;

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
