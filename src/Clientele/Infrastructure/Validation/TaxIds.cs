using System.Globalization;

namespace Clientele.Infrastructure.Validation;

/// <summary>The tax and registration ids a client can be known by; the country decides which rule applies (ADR 021).</summary>
public enum TaxIdKind
{
    /// <summary>Russian INN: 10 digits (organisation) or 12 (individual), check digits mod 11 mod 10.</summary>
    Inn,
    /// <summary>Russian OGRN: 13 digits, check digit = first 12 mod 11 mod 10.</summary>
    Ogrn,
    /// <summary>Russian OGRNIP: 15 digits, check digit = first 14 mod 13 mod 10.</summary>
    Ogrnip,
    /// <summary>German USt-IdNr: DE and 9 digits, ISO 7064 MOD 11,10.</summary>
    GermanVatId,
    /// <summary>German Steuernummer: 10 or 11 digits (a Land's form) or 13 (the federal form); the format of one of the Länder.</summary>
    GermanTaxNumber,
    /// <summary>Austrian UID: ATU and 8 digits, the last a Luhn-like check digit.</summary>
    AustrianVatId,
    /// <summary>Swiss UID: CHE and 9 digits, the last mod 11 with weights 5 4 3 2 7 6 5 4.</summary>
    SwissUid,
    /// <summary>Belarusian UNP: 9 characters, the last mod 11 with weights 29 23 19 17 13 7 5 3.</summary>
    BelarusUnp,
    /// <summary>Kazakh BIN (organisations) or IIN (people): 12 digits, the last mod 11 in two rounds.</summary>
    KazakhBin,
    /// <summary>Any other country's id: letters and digits as written, no check known to us.</summary>
    Other,
}

/// <summary>
/// Check-digit rules of the tax ids clients are known by, as pure functions over the normalised id (digits and upper-case
/// letters, separators out). Each rule follows the algorithm its authority publishes; the tests compute examples by hand.
/// </summary>
public static class TaxIds
{
    public const int MaxLength = 20;
    public const int KppLength = 9;

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

    /// <summary>
    /// Russian OGRN (13 digits) or OGRNIP (15): the number without its last digit, taken whole, mod 11 (OGRN) or 13
    /// (OGRNIP); the remainder's last digit is the check digit (FNS order of 2002 on the state register).
    /// </summary>
    public static bool IsValidOgrn(string value)
    {
        if (value.Length is not (13 or 15) || !value.All(char.IsAsciiDigit) || value[0] == '0') return false;
        var body = ulong.Parse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        var modulus = value.Length == 13 ? 11UL : 13UL;
        return (int)(body % modulus % 10) == value[^1] - '0';
    }

    /// <summary>
    /// Russian KPP: 4 digits (the tax office), 2 for the reason of registration (digits, or capital Latin letters since
    /// 2013), 3 digits. No check digit is defined.
    /// </summary>
    public static bool IsValidKpp(string value) =>
        value.Length == KppLength && value[..4].All(char.IsAsciiDigit) && value[4..6].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
        && value[6..].All(char.IsAsciiDigit);

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

    /// <summary>
    /// The Länder's Steuernummer layouts: F tax office, B district, U serial, P check digit; the first of each pair is
    /// the Land's own form, the second the 13-digit federal one (Land code, office, a 0, district, serial, check).
    /// </summary>
    private static readonly string[] GermanTaxNumberLayouts =
    [
        "FFBBBUUUUP", "28FF0BBBUUUUP", // Baden-Württemberg
        "FFFBBBUUUUP", "9FFF0BBBUUUUP", // Bayern
        "FFBBBUUUUP", "11FF0BBBUUUUP", // Berlin
        "0FFBBBUUUUP", "30FF0BBBUUUUP", // Brandenburg
        "FFBBBUUUUP", "24FF0BBBUUUUP", // Bremen
        "FFBBBUUUUP", "22FF0BBBUUUUP", // Hamburg
        "0FFBBBUUUUP", "26FF0BBBUUUUP", // Hessen
        "0FFBBBUUUUP", "40FF0BBBUUUUP", // Mecklenburg-Vorpommern
        "FFBBBUUUUP", "23FF0BBBUUUUP", // Niedersachsen
        "FFFBBBBUUUP", "5FFF0BBBBUUUP", // Nordrhein-Westfalen
        "FFBBBUUUUP", "27FF0BBBUUUUP", // Rheinland-Pfalz
        "0FFBBBUUUUP", "10FF0BBBUUUUP", // Saarland
        "2FFBBBUUUUP", "32FF0BBBUUUUP", // Sachsen
        "1FFBBBUUUUP", "31FF0BBBUUUUP", // Sachsen-Anhalt
        "FFBBBUUUUP", "21FF0BBBUUUUP", // Schleswig-Holstein
        "1FFBBBUUUUP", "41FF0BBBUUUUP", // Thüringen
    ];

    /// <summary>
    /// German Steuernummer in the layout of one of the Länder. Each Land computes its check digit its own way (the
    /// ELSTER specification, not published for all of them), so the layout is what is checked, not the check digit.
    /// </summary>
    public static bool IsValidGermanTaxNumber(string value) =>
        value.All(char.IsAsciiDigit) && GermanTaxNumberLayouts.Any(layout => layout.Length == value.Length
            && layout.Select((c, i) => !char.IsAsciiDigit(c) || c == value[i]).All(fits => fits));

    /// <summary>
    /// Austrian UID "ATU" + 8 digits (BMF): S = C1 + q(2·C2) + C3 + q(2·C4) + C5 + q(2·C6) + C7 with q the digit sum;
    /// the check digit C8 = (10 − (S + 4) mod 10) mod 10.
    /// </summary>
    public static bool IsValidAustrianVatId(string value)
    {
        if (value.Length != 11 || !value.StartsWith("ATU", StringComparison.Ordinal) || !value[3..].All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var digit = value[3 + i] - '0';
            sum += i % 2 == 0 ? digit : 2 * digit / 10 + 2 * digit % 10;
        }
        return (10 - (sum + 4) % 10) % 10 == value[10] - '0';
    }

    private static readonly int[] SwissWeights = [5, 4, 3, 2, 7, 6, 5, 4];

    /// <summary>
    /// Swiss UID "CHE" + 9 digits (BFS, UID-Verordnung): the check digit is 11 − (Σ digit·weight mod 11) with weights
    /// 5 4 3 2 7 6 5 4; 11 becomes 0, and a 10 is never issued. The VAT suffix (MWST, TVA, IVA) may follow.
    /// </summary>
    public static bool IsValidSwissUid(string value)
    {
        var digits = SwissDigits(value);
        if (digits is null) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (digits[i] - '0') * SwissWeights[i];
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[8] - '0';
    }

    private static string? SwissDigits(string value)
    {
        if (!value.StartsWith("CHE", StringComparison.Ordinal)) return null;
        var rest = value[3..];
        foreach (var suffix in new[] { "MWST", "TVA", "IVA" })
            if (rest.EndsWith(suffix, StringComparison.Ordinal)) rest = rest[..^suffix.Length];
        return rest.Length == 9 && rest.All(char.IsAsciiDigit) ? rest : null;
    }

    private static readonly int[] UnpWeights = [29, 23, 19, 17, 13, 7, 5, 3];
    private const string UnpSecondLetters = "ABCEHKMOPT";

    /// <summary>
    /// Belarusian UNP, 9 characters (МНС): organisations 9 digits starting 1–7 (the region); individuals a region letter
    /// (A B C E H K M) and either a digit or a letter of ABCEHKMOPT standing for 0–9. Check digit = Σ value·weight mod 11
    /// with weights 29 23 19 17 13 7 5 3, a letter's value its place in 0–9A–Z (A = 10); 10 is never issued.
    /// </summary>
    public static bool IsValidUnp(string value)
    {
        if (value.Length != 9 || !value[2..].All(char.IsAsciiDigit)) return false;
        int first;
        if (value[0] is >= '1' and <= '7') first = value[0] - '0';
        else if ("ABCEHKM".Contains(value[0])) first = value[0] - 'A' + 10;
        else return false;
        int second;
        if (char.IsAsciiDigit(value[1])) second = value[1] - '0';
        else if (char.IsAsciiLetterUpper(value[0]) && UnpSecondLetters.IndexOf(value[1]) is >= 0 and var place) second = place;
        else return false;
        var sum = first * UnpWeights[0] + second * UnpWeights[1];
        for (var i = 2; i < 8; i++) sum += (value[i] - '0') * UnpWeights[i];
        var check = sum % 11;
        return check < 10 && check == value[8] - '0';
    }

    /// <summary>
    /// Kazakh BIN/IIN, 12 digits: Σ digit·i (i = 1…11) mod 11; if that is 10, again with weights 3…11, 1, 2; a second 10
    /// is never issued.
    /// </summary>
    public static bool IsValidKazakhBin(string value)
    {
        if (value.Length != 12 || !value.All(char.IsAsciiDigit)) return false;
        int Round(int start)
        {
            var sum = 0;
            for (var i = 0; i < 11; i++) sum += (value[i] - '0') * ((start + i - 1) % 11 + 1);
            return sum % 11;
        }
        var check = Round(1);
        if (check == 10) check = Round(3);
        return check < 10 && check == value[11] - '0';
    }

    /// <summary>Strips spaces, dots, dashes and slashes and upper-cases, the form stored and searched.</summary>
    public static string Normalize(string value) =>
        new(value.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '/')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>The countries whose ids are checked; any other country's id is taken as written.</summary>
    public static readonly string[] CheckedCountries = ["RU", "DE", "AT", "CH", "BY", "KZ"];

    /// <summary>
    /// The kind of a normalised id for a client of <paramref name="country"/> (ISO alpha-2; null reads as Russia, the
    /// home market), or the reason it is refused. An id with its country's prefix (DE…, ATU…, CHE…) is read by that
    /// prefix whatever the client's country; another two-letter prefix (an EU VAT number) is taken as that country's.
    /// </summary>
    public static (TaxIdKind? Kind, Message? Problem) Classify(string value, string? country)
    {
        if (value.Length > MaxLength) return (null, Message.Of<IdText>("'{0}' is longer than {1} characters.", value, MaxLength));
        if (!value.All(char.IsAsciiLetterOrDigit)) return (null, Message.Of<IdText>("'{0}' may hold only letters, digits and separators.", value));
        if (value.StartsWith("DE", StringComparison.Ordinal) && value.Length > 2 && char.IsAsciiDigit(value[2]))
            return Rule(value, TaxIdKind.GermanVatId, IsValidGermanVatId, "'{0}' is not a valid German VAT id (DE and 9 digits with a correct check digit).");
        if (value.StartsWith("ATU", StringComparison.Ordinal))
            return Rule(value, TaxIdKind.AustrianVatId, IsValidAustrianVatId, "'{0}' is not a valid Austrian UID (ATU and 8 digits with a correct check digit).");
        if (value.StartsWith("CHE", StringComparison.Ordinal) && country is null or "CH")
            return Rule(value, TaxIdKind.SwissUid, IsValidSwissUid, "'{0}' is not a valid Swiss UID (CHE and 9 digits with a correct check digit).");
        switch (country ?? "RU")
        {
            case "RU" when value.All(char.IsAsciiDigit):
                return value.Length switch
                {
                    10 or 12 => Rule(value, TaxIdKind.Inn, IsValidInn, "'{0}' is not a valid INN: the check digit is wrong."),
                    13 or 15 => Rule(value, TaxIdKind.Ogrn, IsValidOgrn, "'{0}' is not a valid OGRN/OGRNIP: the check digit is wrong."),
                    _ => (null, Message.Of<IdText>("'{0}' is not a valid INN: it must have 10 or 12 digits (OGRN 13, OGRNIP 15).", value)),
                };
            case "RU":
                // Letters without a known prefix: an EU VAT number of a client whose country was not given.
                return country is null && IsForeignPrefix(value)
                    ? (TaxIdKind.Other, null)
                    : (null, Message.Of<IdText>("'{0}' is neither a Russian INN (10 or 12 digits) nor a German VAT id (DE + 9 digits); for another country's id, give the client's country.", value));
            case "DE":
                return Rule(value, TaxIdKind.GermanTaxNumber, IsValidGermanTaxNumber,
                    "'{0}' is neither a German VAT id (DE + 9 digits) nor a Steuernummer (10, 11 or 13 digits in a Land's layout).");
            case "BY":
                return Rule(value, TaxIdKind.BelarusUnp, IsValidUnp,
                    "'{0}' is not a valid Belarusian UNP (9 characters with a correct check digit).");
            case "KZ":
                return Rule(value, TaxIdKind.KazakhBin, IsValidKazakhBin, "'{0}' is not a valid Kazakh BIN/IIN (12 digits with a correct check digit).");
            case "AT" when value.StartsWith("AT", StringComparison.Ordinal):
                return (null, Message.Of<IdText>("'{0}' is not a valid Austrian UID (ATU and 8 digits with a correct check digit).", value));
            case "CH" when value.StartsWith("CH", StringComparison.Ordinal):
                return (null, Message.Of<IdText>("'{0}' is not a valid Swiss UID (CHE and 9 digits with a correct check digit).", value));
            default:
                // Austria's and Switzerland's other numbers (Steuernummer, Handelsregister) and every other country's ids.
                return (TaxIdKind.Other, null);
        }
    }

    private static (TaxIdKind?, Message?) Rule(string value, TaxIdKind kind, Func<string, bool> valid, string template) =>
        valid(value) ? (kind, null) : (null, Message.Of<IdText>(template, value));

    private static bool IsForeignPrefix(string value) =>
        value.Length > 4 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && value[2..].Any(char.IsAsciiDigit)
        && IsRegion(value[..2]);

    private static bool IsRegion(string code)
    {
        // Greece writes its VAT prefix EL, not its ISO code GR.
        if (code == "EL") return true;
        try { return new RegionInfo(code).TwoLetterISORegionName == code; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// Checks a tax id for a client of <paramref name="country"/>; returns the normalised id (also when refused, so the
    /// caller can show it). The message is a kind, worded in the reader's language when read (ADR 022).
    /// </summary>
    public static string? TaxId(this Errors errors, string field, string? input, string? country = null)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var value = Normalize(input);
        var (_, problem) = Classify(value, country);
        // The message quotes the id as the user wrote it, not in its stored form.
        if (problem is not null) errors.Add(field, Message.Of<IdText>(problem.Key, [input.Trim(), .. problem.Args.Skip(1)]));
        return value;
    }

    /// <summary>
    /// Checks a KPP: its layout, and that it sits beside an organisation's 10-digit INN (a person or a foreign client has
    /// none). Returns the normalised KPP.
    /// </summary>
    public static string? Kpp(this Errors errors, string field, string? input, string? taxId, string? country = null)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var value = Normalize(input);
        if (!IsValidKpp(value))
            errors.Add(field, Message.Of<IdText>("'{0}' is not a valid KPP (9 characters: 4 digits, 2 digits or Latin capitals, 3 digits).", input.Trim()));
        else if (taxId is null || taxId.Length != 10 || Classify(taxId, country).Kind != TaxIdKind.Inn)
            errors.Add(field, Message.Of<IdText>("a KPP ('{0}') goes with an organisation's 10-digit INN.", input.Trim()));
        return value;
    }
}
