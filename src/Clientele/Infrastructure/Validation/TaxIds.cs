namespace Clientele.Infrastructure.Validation;

/// <summary>Check-digit rules of the tax ids clients are known by: Russian INN and German USt-IdNr.</summary>
public static class TaxIds
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11Weights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>Russian INN: 10 digits for organisations, 12 for individuals, with check digits mod 11 mod 10.</summary>
    public static bool IsValidInn(string value)
    {
        if (!value.All(char.IsAsciiDigit)) return false;
        return value.Length switch
        {
            10 => CheckDigit(value, Inn10Weights) == value[9] - '0',
            12 => CheckDigit(value, Inn11Weights) == value[10] - '0' && CheckDigit(value, Inn12Weights) == value[11] - '0',
            _ => false,
        };
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += weights[i] * (digits[i] - '0');
        return sum % 11 % 10;
    }

    /// <summary>German USt-IdNr: "DE" and 9 digits, the last a check digit by ISO 7064 MOD 11,10.</summary>
    public static bool IsValidGermanVatId(string value)
    {
        if (value.Length != 11 || !value.StartsWith("DE", StringComparison.Ordinal)) return false;
        var digits = value[2..];
        if (!digits.All(char.IsAsciiDigit) || digits[0] == '0') return false;
        var product = 10;
        for (var i = 0; i < 8; i++)
        {
            var sum = (digits[i] - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = 2 * sum % 11;
        }
        var check = 11 - product;
        if (check == 10) check = 0;
        return check == digits[8] - '0';
    }

    /// <summary>Strips spaces, dots and dashes and upper-cases, the form stored and searched.</summary>
    public static string Normalize(string value) =>
        new(value.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '/')).Select(char.ToUpperInvariant).ToArray());

    public static string? TaxId(this Errors errors, string field, string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var value = Normalize(input);
        if (value.StartsWith("DE", StringComparison.Ordinal))
        {
            if (!IsValidGermanVatId(value)) errors.Add(field, Message.Of("'{0}' is not a valid German VAT id (DE and 9 digits with a correct check digit).", input.Trim()));
        }
        else if (value.All(char.IsAsciiDigit))
        {
            if (value.Length is not (10 or 12)) errors.Add(field, Message.Of("'{0}' is not a valid INN: it must have 10 or 12 digits.", input.Trim()));
            else if (!IsValidInn(value)) errors.Add(field, Message.Of("'{0}' is not a valid INN: the check digit is wrong.", input.Trim()));
        }
        else
        {
            errors.Add(field, Message.Of("'{0}' is neither a Russian INN (10 or 12 digits) nor a German VAT id (DE + 9 digits).", input.Trim()));
        }
        return value;
    }
}
