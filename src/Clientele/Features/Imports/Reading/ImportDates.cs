using System.Globalization;
using System.Text.RegularExpressions;

namespace Clientele.Features.Imports.Reading;

public static partial class ImportValues
{
    /// <summary>Excel serial numbers this far apart (1950-01-01 .. 2099-12-31) are taken as dates; other numbers are not.</summary>
    private const double FirstPlausibleSerial = 18_264, LastPlausibleSerial = 73_050;

    private static readonly string[] EnglishMonths = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>Month words in Russian (both case forms), German and English; a word names a month if it begins one of them.</summary>
    private static readonly string[][] MonthWords =
    [
        ["январь", "января", "january", "januar", "jänner"],
        ["февраль", "февраля", "february", "februar"],
        ["март", "марта", "march", "märz", "maerz", "mrz"],
        ["апрель", "апреля", "april"],
        ["май", "мая", "may", "mai"],
        ["июнь", "июня", "june", "juni"],
        ["июль", "июля", "july", "juli"],
        ["август", "августа", "august"],
        ["сентябрь", "сентября", "september"],
        ["октябрь", "октября", "october", "oktober"],
        ["ноябрь", "ноября", "november"],
        ["декабрь", "декабря", "december", "dezember"],
    ];

    /// <summary>1..12 for "марта", "Mär", "Dez", "sept"; 0 for a word that is no month ("мартобря").</summary>
    private static int MonthOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < 3) return 0;
        for (var month = 0; month < MonthWords.Length; month++)
            if (MonthWords[month].Any(form => form.StartsWith(lower, StringComparison.Ordinal)))
                return month + 1;
        return 0;
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})[./-](?<m>\d{1,2})[./-](?<y>\d{4}|\d{2})(?<rest>[ T].*)?$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<y>\d{4})[./-](?<m>\d{1,2})[./-](?<d>\d{1,2})(?<rest>[ T].*)?$")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.?\s+(?<month>\p{L}+)\.?,?\s+(?<y>\d{4})(\s*г(ода?)?\.?)?(?<rest>\s+\d.*)?$")]
    private static partial Regex DayMonthWord();

    [GeneratedRegex(@"^(?<month>\p{L}+)\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})(?<rest>\s+\d.*)?$")]
    private static partial Regex MonthWordDay();

    [GeneratedRegex(@"^\s*(?<h>\d{1,2}):(?<min>\d{2})(:(?<s>\d{2})(?<f>[.,]\d{1,7})?)?\s*(?<zone>Z|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    /// <summary>
    /// A calendar date, or false with <paramref name="error"/> saying why (e.g. February has no 31st). Day comes before
    /// month in dd.MM.yyyy, dd/MM/yyyy and dd-MM-yyyy as in Russia and Germany (never the US month-first); two-digit
    /// years fall in 1950–2049; a time after the date is allowed and ignored.
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly date, out string? error)
    {
        var ok = TryParseParts(text, out date, out _, out error);
        return ok;
    }

    /// <summary>A date with an optional time of day (the company's wall clock, kind unspecified, unless it names an offset: then UTC), or false with <paramref name="error"/>.</summary>
    public static bool TryParseDateTime(string text, out DateTime value, out string? error)
    {
        value = default;
        if (!TryParseParts(text, out var date, out var rest, out error)) return false;
        // Without an offset a file's date and time are the company's wall clock: the kind stays unspecified, and the
        // writer's spec turns it into an instant in the company's zone (CompanyDays.ToUtc, ADR 023); a date alone is the
        // start of that company day.
        if (rest is null)
        {
            value = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return true;
        }
        if (rest.Value is TimeSpan fraction)
        {
            value = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + fraction;
            return true;
        }
        var time = TimeOfDay().Match(rest.Text);
        if (!time.Success || !TimeOnly.TryParseExact($"{int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture):00}:{time.Groups["min"].Value}:{(time.Groups["s"].Success ? time.Groups["s"].Value : "00")}",
                "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            error = Said("'{0}' has a date but '{1}' is not a time of day", text.Trim(), rest.Text.Trim());
            return false;
        }
        var moment = date.ToDateTime(clock, DateTimeKind.Unspecified);
        if (time.Groups["f"].Success)
            moment = moment.AddTicks((long)(double.Parse("0." + time.Groups["f"].Value[1..], CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
        if (time.Groups["zone"].Success)
        {
            // A time that names its offset (or Z) is an instant as written.
            moment = DateTime.SpecifyKind(moment, DateTimeKind.Utc);
            if (time.Groups["zone"].Value.ToUpperInvariant() != "Z")
            {
                var zone = time.Groups["zone"].Value.Replace(":", "");
                var offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[3..5], CultureInfo.InvariantCulture), 0);
                moment = zone[0] == '+' ? moment - offset : moment + offset;
            }
        }
        value = moment;
        return true;
    }

    /// <summary>What came after the date: text that should be a time of day, or the fraction of an Excel serial.</summary>
    private sealed record DateRest(string Text, TimeSpan? Value);

    private static bool TryParseParts(string text, out DateOnly date, out DateRest? rest, out string? error)
    {
        date = default;
        rest = null;
        error = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = Said("the date is empty");
            return false;
        }
        Match match;
        int day, month, year;
        if ((match = YearFirst().Match(s)).Success || (match = DayFirst().Match(s)).Success)
        {
            day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["y"].Value.Length == 2) year = CultureInfo.InvariantCulture.Calendar.ToFourDigitYear(year);
        }
        else if ((match = DayMonthWord().Match(s)).Success || (match = MonthWordDay().Match(s)).Success)
        {
            month = MonthOf(match.Groups["month"].Value);
            if (month == 0)
            {
                error = Said("'{0}' is not a date: '{1}' is not a month", s, match.Groups["month"].Value);
                return false;
            }
            day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
                 && serial is >= FirstPlausibleSerial and <= LastPlausibleSerial)
        {
            // Excel's day count (its 1900 leap-year bug included), as a sheet saved to CSV without formats writes dates.
            var moment = DateTime.FromOADate(serial);
            date = DateOnly.FromDateTime(moment);
            if (moment.TimeOfDay > TimeSpan.Zero) rest = new DateRest("", moment.TimeOfDay);
            return true;
        }
        else
        {
            error = Said("'{0}' is not a date (write it as dd.MM.yyyy or yyyy-MM-dd)", s);
            return false;
        }
        if (match.Groups["rest"].Success && match.Groups["rest"].Value.Trim().Length > 0)
            rest = new DateRest(match.Groups["rest"].Value.TrimStart('T'), null);
        return Validate(s, year, month, day, out date, out error);
    }

    private static bool Validate(string s, int year, int month, int day, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        if (year is < 1 or > 9999)
        {
            error = Said("{0} is not a date: year {1} is out of range", s, year);
            return false;
        }
        if (month is < 1 or > 12)
        {
            error = Said("{0} is not a date: there is no month {1}", s, month);
            return false;
        }
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            error = day < 1
                ? Said("{0} is not a date: there is no day {1}", s, day)
                : Said("{0} is not a date: {1} {2} has {3} days", s, Message.Of<Records.RecordText>(EnglishMonths[month - 1]), year, days);
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }
}
