using System.Globalization;
using System.Text;

namespace Clientele.Features.Imports.Reading;

/// <summary>Reads the values people type into spreadsheets: amounts with spaces, currency signs and either decimal mark; dates.</summary>
public static partial class ImportValues
{
    /// <summary>A reader's refusal as a kind with its values (stored in a report, worded in the reader's language when read; ADR 028).</summary>
    private static string Said(string key, params object?[] values) => Message.Of<Records.RecordText>(key, values).Encode();

    /// <summary>Currency words and signs as they stand next to amounts, lower-case, longest first so "руб." wins over "р".</summary>
    private static readonly (string Token, string Code)[] CurrencyTokens =
    [
        ("рублей", "RUB"), ("рубля", "RUB"), ("рубль", "RUB"), ("руб.", "RUB"), ("руб", "RUB"), ("р.", "RUB"), ("₽", "RUB"),
        ("euro", "EUR"), ("€", "EUR"), ("us$", "USD"), ("$", "USD"), ("sfr.", "CHF"), ("fr.", "CHF"), ("£", "GBP"),
        ("₸", "KZT"), ("₴", "UAH"), ("¥", "JPY"), ("р", "RUB"),
    ];

    /// <summary>
    /// An amount and the currency it names (ISO code, null if none), or false with <paramref name="error"/>.
    /// Accepts "1 234,56 ₽", "1.234,56 €", "1,234.56", "$1,234.56", "-1 234", "1 234 руб.", "EUR 12,50", "1'234.50 CHF",
    /// "(1 234,56)" as a negative. One '.' or ',' followed by exactly three digits ("1.234", "1,234") is a thousands
    /// group: money is written with two decimals in rubles, euros and dollars alike, while German and Russian lists
    /// write 1.234 and English ones 1,234 for a thousand — a three-decimal price is far rarer than either.
    /// </summary>
    public static bool TryParseAmount(string text, out decimal amount, out string? currency, out string? error)
    {
        amount = 0;
        currency = null;
        error = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = Said("the amount is empty");
            return false;
        }
        var negative = false;
        if (s.Length > 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }
        for (var pass = 0; pass < 3; pass++)
        {
            if (s.Length > 0 && s[0] is '-' or '−' or '–') { negative = true; s = s[1..].TrimStart(); }
            else if (s.Length > 0 && s[0] == '+') s = s[1..].TrimStart();
            if (s.Length > 0 && s[^1] is '-' or '−') { negative = true; s = s[..^1].TrimEnd(); }
            if (!StripCurrency(ref s, ref currency, out var conflict))
            {
                error = Said("'{0}' names two currencies ({1})", text, conflict);
                return false;
            }
        }
        if (!TryParseNumber(s, out amount))
        {
            error = Said("'{0}' is not an amount", text);
            return false;
        }
        if (negative) amount = -amount;
        return true;
    }

    private static bool StripCurrency(ref string s, ref string? currency, out string? conflict)
    {
        conflict = null;
        foreach (var atStart in new[] { true, false })
        {
            var code = CurrencyAt(s, atStart, out var length);
            if (code is null) continue;
            if (currency is not null && currency != code)
            {
                conflict = $"{currency} and {code}";
                return false;
            }
            currency = code;
            s = (atStart ? s[length..] : s[..^length]).Trim();
        }
        return true;
    }

    /// <summary>A currency sign, word or ISO code at the start or end of <paramref name="s"/>.</summary>
    private static string? CurrencyAt(string s, bool atStart, out int length)
    {
        length = 0;
        var lower = s.ToLowerInvariant();
        foreach (var (token, code) in CurrencyTokens)
        {
            if (atStart ? !lower.StartsWith(token, StringComparison.Ordinal) : !lower.EndsWith(token, StringComparison.Ordinal)) continue;
            // A letter token must stand apart from the number's letters: "р" of "руб" yes, but not inside a word.
            var neighbour = atStart ? (token.Length < s.Length ? s[token.Length] : ' ') : (token.Length < s.Length ? s[^(token.Length + 1)] : ' ');
            if (char.IsLetter(token[^1]) && char.IsLetter(neighbour)) continue;
            length = token.Length;
            return code;
        }
        // Three Latin capitals are an ISO 4217 code (EUR, CHF, KZT), ahead of or behind the number.
        if (s.Length > 3)
        {
            var candidate = atStart ? s[..3] : s[^3..];
            var neighbour = atStart ? s[3] : s[^4];
            if (candidate.All(char.IsAsciiLetter) && !char.IsLetter(neighbour))
            {
                length = 3;
                return candidate.ToUpperInvariant() == "SFR" ? "CHF" : candidate.ToUpperInvariant();
            }
        }
        return null;
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\'' or '’';

    /// <summary>Digits with group separators (space, NBSP, narrow NBSP, apostrophe, or the mark that is not the decimal one).</summary>
    private static bool TryParseNumber(string s, out decimal value)
    {
        value = 0;
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is '.' or ',' || IsGroupSpace(c))) return false;
        if (!char.IsAsciiDigit(s[0]) && s[0] is not ('.' or ',')) return false;
        var spaced = s.Any(IsGroupSpace);
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        int decimalAt;
        if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.Max(lastDot, lastComma);
        else
        {
            var mark = lastDot >= 0 ? '.' : ',';
            var at = Math.Max(lastDot, lastComma);
            var count = s.Count(c => c == mark);
            var digitsAfter = at < 0 ? 0 : s.Length - at - 1;
            var thousands = at > 0 && !spaced && digitsAfter == 3 && s[..at].Any(c => c is >= '1' and <= '9');
            decimalAt = at < 0 || count > 1 || thousands ? -1 : at;
        }
        var integer = decimalAt < 0 ? s : s[..decimalAt];
        var fraction = decimalAt < 0 ? "" : s[(decimalAt + 1)..];
        if (!fraction.All(char.IsAsciiDigit)) return false;
        if (!GroupsAreValid(integer)) return false;
        var digits = new StringBuilder(s.Length);
        foreach (var c in integer) if (char.IsAsciiDigit(c)) digits.Append(c);
        if (digits.Length == 0) digits.Append('0');
        if (fraction.Length > 0) digits.Append('.').Append(fraction);
        return decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"1 234 567" and "1.234.567" are numbers; "12 34" and "1.23.4" are typing errors, not thousands.</summary>
    private static bool GroupsAreValid(string integer)
    {
        var groups = integer.Split([' ', '\u00A0', '\u202F', '\u2009', '\'', '’', '.', ',']);
        if (groups.Length == 1) return true;
        if (groups[0].Length is < 1 or > 3) return false;
        return groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>
    /// Yes or no as people write it in three languages: да/нет, ja/nein, yes/no, true/false, 1/0, and a mark (x, +, ✓)
    /// for yes. An empty cell is no: a column of ticks leaves the unticked rows blank.
    /// </summary>
    public static bool TryParseBool(string text, out bool value, out string? error)
    {
        error = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "да" or "д" or "ja" or "j" or "yes" or "y" or "true" or "wahr" or "истина" or "1" or "x" or "х" or "+" or "✓" or "✔" or "on":
                value = true;
                return true;
            case "нет" or "н" or "nein" or "n" or "no" or "false" or "falsch" or "ложь" or "0" or "-" or "" or "off":
                value = false;
                return true;
            default:
                value = false;
                error = Said("'{0}' is not yes or no (да/нет, ja/nein, yes/no, 1/0, x)", text);
                return false;
        }
    }
}
