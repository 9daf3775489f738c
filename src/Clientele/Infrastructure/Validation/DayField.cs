using System.Globalization;

namespace Clientele.Infrastructure.Validation;

public static class DayField
{
    /// <summary>A day given as YYYY-MM-DD between 1990 and 2100 (a report's from or to); none is null, anything else is reported on the field.</summary>
    public static DateOnly? Day(this Errors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1990 and <= 2100) return day;
        e.Add(field, Message.Of("must be a date as YYYY-MM-DD between 1990 and 2100."));
        return null;
    }
}
