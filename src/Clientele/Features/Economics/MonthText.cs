using System.Globalization;
using Clientele.Analytics.Calendar;

namespace Clientele.Features.Economics;

/// <summary>Months and days as the API writes them in paths and queries: "2025-03", "2025-03-01".</summary>
public static class MonthText
{
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    /// <summary>A month as YYYY-MM between 1990 and 2100, as a <see cref="MonthIndex"/>.</summary>
    public static bool TryParse(string? text, out int month)
    {
        month = 0;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var monthOfYear)
            || year is < FirstYear or > LastYear || monthOfYear is < 1 or > 12)
            return false;
        month = MonthIndex.Of(year, monthOfYear);
        return true;
    }

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && InRange(day);

    public static bool InRange(DateOnly day) => day.Year is >= FirstYear and <= LastYear;
}
