using System.Globalization;

namespace Clientele.Features.Imports.Reading;

/// <summary>Reads the values people type into spreadsheets: amounts with spaces, currency signs and either decimal mark; dates.</summary>
public static class ImportValues
{
    // SKELETON: invariant numbers and a few date patterns. The files helper owns this and makes "1 234,56 ₽",
    // "1.234,56 €" and the other real-world forms parse, and says why 31.02.2025 is not a date.
    private static readonly string[] DatePatterns = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>An amount and the currency it names (ISO code, null if none), or false with <paramref name="error"/>.</summary>
    public static bool TryParseAmount(string text, out decimal amount, out string? currency, out string? error)
    {
        currency = null;
        error = null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount)) return true;
        error = $"'{text}' is not an amount.";
        return false;
    }

    /// <summary>A calendar date, or false with <paramref name="error"/> saying why (e.g. February has no 31st).</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string? error)
    {
        error = null;
        if (DateOnly.TryParseExact(text.Trim(), DatePatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        error = $"'{text}' is not a date.";
        return false;
    }

    /// <summary>A date with an optional time of day (taken as UTC), or false with <paramref name="error"/>.</summary>
    public static bool TryParseDateTime(string text, out DateTime value, out string? error)
    {
        if (TryParseDate(text, out var date, out error))
        {
            value = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return true;
        }
        if (DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value))
        {
            error = null;
            return true;
        }
        error = $"'{text}' is not a date and time.";
        return false;
    }
}
