using System.Globalization;

namespace Clientele.Features.Lifetime;

/// <summary>How the lifetime pages write numbers: in the reader's culture, a dash for what is not known.</summary>
public static class LifetimeFormat
{
    public const string None = "—";

    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("P0", CultureInfo.CurrentCulture) : None;

    public static string Number(double? value, int decimals = 1) => value is { } v && double.IsFinite(v) ? v.ToString("N" + decimals, CultureInfo.CurrentCulture) : None;

    public static string Money(decimal? value) => value is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : None;

    /// <summary>Four significant digits; large values (a drop-out Beta's a and b can run to millions) without an exponent.</summary>
    public static string Parameter(double? value) => value switch
    {
        null => None,
        { } v when Math.Abs(v) >= 10_000 && double.IsFinite(v) => v.ToString("N0", CultureInfo.CurrentCulture),
        { } v => v.ToString("G4", CultureInfo.CurrentCulture),
    };

    public static string Day(DateOnly? day) => day is { } d ? d.ToString("d", CultureInfo.CurrentCulture) : None;

    public static string Moment(DateTime? utc) => utc is { } t ? t.ToString("g", CultureInfo.CurrentCulture) + " UTC" : None;
}
