using System.Collections.Frozen;
using System.Globalization;

namespace Clientele.Infrastructure.Validation;

/// <summary>ISO 4217 codes in use, as the platform's culture data knows them.</summary>
public static class Currencies
{
    public static readonly FrozenSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(code => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper))
        .Select(code => code!)
        .Append("EUR").Append("USD").Append("RUB")
        .ToFrozenSet(StringComparer.Ordinal);

    public static string? Currency(this Errors errors, string field, string? input)
    {
        var code = input?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(field, Message.Of("is required."));
            return null;
        }
        if (!Codes.Contains(code)) errors.Add(field, Message.Of("'{0}' is not an ISO 4217 currency code.", input));
        return code;
    }
}
