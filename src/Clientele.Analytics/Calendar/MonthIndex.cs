using System.Globalization;

namespace Clientele.Analytics.Calendar;

/// <summary>
/// Months as consecutive integers (year × 12 + month − 1), so month arithmetic is plain addition, a range of months
/// is an array index, and a month fits in the aggregate tables as one int column.
/// </summary>
public static class MonthIndex
{
    /// <summary>0001-01, the first month a <see cref="DateOnly"/> can hold.</summary>
    public const int MinValue = 1 * 12;

    /// <summary>9999-12, the last month a <see cref="DateOnly"/> can hold.</summary>
    public const int MaxValue = 9999 * 12 + 11;

    public static int Of(DateOnly d) => d.Year * 12 + d.Month - 1;

    public static int Of(DateTime d) => d.Year * 12 + d.Month - 1;

    public static int Of(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "A month of the year is 1–12.");
        return year * 12 + month - 1;
    }

    public static int Year(int month) => Check(month) / 12;

    /// <summary>Month of the year, 1–12.</summary>
    public static int MonthOfYear(int month) => Check(month) % 12 + 1;

    public static DateOnly FirstDay(int month) => new(Year(month), MonthOfYear(month), 1);

    public static DateOnly LastDay(int month)
    {
        var (year, monthOfYear) = (Year(month), MonthOfYear(month));
        return new DateOnly(year, monthOfYear, DateTime.DaysInMonth(year, monthOfYear));
    }

    /// <summary>Quarter as year × 4 + quarter − 1, the same consecutive-integer scheme as months.</summary>
    public static int Quarter(int month) => Check(month) / 3;

    /// <summary>First month of a quarter index from <see cref="Quarter"/>.</summary>
    public static int FirstMonthOfQuarter(int quarter) => Check(quarter * 3);

    /// <summary>"2025-03": sorts as text and reads the same in every language.</summary>
    public static string Label(int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{Year(month):D4}-{MonthOfYear(month):D2}");

    /// <summary>"2025-Q1".</summary>
    public static string QuarterLabel(int quarter) =>
        string.Create(CultureInfo.InvariantCulture, $"{Year(FirstMonthOfQuarter(quarter)):D4}-Q{quarter % 4 + 1}");

    // Every month index that maps back to a date is positive, so / and % need no floor correction past this check.
    private static int Check(int month) => month is >= MinValue and <= MaxValue
        ? month
        : throw new ArgumentOutOfRangeException(nameof(month), month, "Not a month between 0001-01 and 9999-12.");
}
