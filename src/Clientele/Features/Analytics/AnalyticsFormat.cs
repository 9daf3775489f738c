using System.Globalization;

namespace Clientele.Features.Analytics;

/// <summary>Numbers, money and heat colours as the analytics pages show them, in the user's culture.</summary>
public static class AnalyticsFormat
{
    /// <summary>Whole units with the currency placed as the culture places it: "1 234 ₽", "1.234 €", "€1,234".</summary>
    public static string Money(decimal amount, string currency, int decimals = 0)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol(currency);
        // The culture's pattern puts a plain space before the symbol; a no-break one keeps "₽" from wrapping onto its own line.
        return amount.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format).Replace(' ', '\u00a0');
    }

    public static string Symbol(string currency) => currency switch
    {
        "RUB" => "₽",
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        _ => currency,
    };

    /// <summary>A share (0.25) as a percentage in the culture ("25,0 %"); a dash when there is nothing to divide by.</summary>
    public static string Percent(double? share, int decimals = 1)
    {
        if (share is not { } x || !double.IsFinite(x)) return "—";
        // A tiny negative share would print as "-0 %".
        var shown = Math.Round(x, decimals + 2);
        return (shown == 0 ? 0 : shown).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
    }

    public static string Count(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Days(double? days) => days is { } d ? d.ToString("N0", CultureInfo.CurrentCulture) : "—";

    public static string Day(DateOnly? day) => day?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>"2025-03" as the culture names the month: "Mar 2025", "мар 2025", "März 2025".</summary>
    public static string Month(string label) =>
        DateOnly.TryParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("MMM yyyy", CultureInfo.CurrentCulture)
            : label;

    public static string Axis(object value, Func<double, string> format) => format(Convert.ToDouble(value, CultureInfo.InvariantCulture));

    /// <summary>
    /// Inline style for a heat-map cell: white to deep blue as <paramref name="intensity"/> goes from 0 to 1, with the
    /// text turning white once the background is dark enough that black would be hard to read.
    /// </summary>
    public static string Heat(double intensity)
    {
        var t = double.IsFinite(intensity) ? Math.Clamp(intensity, 0, 1) : 0;
        var lightness = (97 - 57 * t).ToString("0.#", CultureInfo.InvariantCulture);
        return $"background-color: hsl(211, 70%, {lightness}%); color: {(t > 0.55 ? "#fff" : "#1a1a1a")};";
    }

    /// <summary>A loss shown in red heat, scaled to the worst loss, so loss-making cells stand out from the blue scale.</summary>
    public static string LossHeat(double intensity)
    {
        var t = double.IsFinite(intensity) ? Math.Clamp(intensity, 0, 1) : 0;
        var lightness = (95 - 45 * t).ToString("0.#", CultureInfo.InvariantCulture);
        return $"background-color: hsl(4, 75%, {lightness}%); color: {(t > 0.6 ? "#fff" : "#1a1a1a")};";
    }
}
