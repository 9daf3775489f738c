using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Privacy;

/// <summary>
/// The right-of-access export as one printable HTML page: self-contained (inline style, no scripts, no external
/// assets, so it can be mailed or archived as is), every stored value HTML-encoded, headings in the reader's language.
/// </summary>
public static class PersonalDataHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#222;font-size:14px}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
        table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3;font-weight:600}table.fields th{width:14rem}.muted{color:#777}.item{margin-bottom:1rem}
        @media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
        """;

    public static string Render(PersonalDataExport data, IStringLocalizer<PrivacyText> t, CultureInfo culture)
    {
        var html = new StringBuilder();
        var lang = culture.TwoLetterISOLanguageName;
        html.Append($"<!DOCTYPE html><html lang=\"{E(lang)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append($"<title>{E(t["Personal data of {0}", data.Client.Name])}</title><style>{Style}</style></head><body>");
        html.Append($"<h1>{E(t["Personal data of {0}", data.Client.Name])}</h1>");
        html.Append($"<p class=\"muted\">{E(t["Everything stored about this client on {0}.", data.GeneratedAt.ToString("g", culture)])}</p>");

        Fields(html, t["Client"], data.Client, t, culture);
        Items(html, t["Contact persons"], data.ContactPersons, t, culture);
        Items(html, t["Consents"], data.Consents, t, culture);
        Items(html, t["Purchases"], data.Purchases, t, culture);
        Items(html, t["Interactions"], data.Interactions, t, culture);
        Items(html, t["Tasks"], data.Tasks, t, culture);
        Items(html, t["Service costs"], data.ServiceCosts, t, culture);
        Items(html, t["Loss records"], data.Losses, t, culture);
        if (data.Loyalty is { } loyalty) Fields(html, t["Loyalty ladder"], loyalty, t, culture);
        Items(html, t["Erasure records"], data.Erasures, t, culture);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Items<T>(StringBuilder html, string heading, IReadOnlyList<T> items, IStringLocalizer t, CultureInfo culture) where T : notnull
    {
        html.Append($"<h2>{E(heading)} ({items.Count})</h2>");
        if (items.Count == 0)
        {
            html.Append($"<p class=\"muted\">{E(t["None."])}</p>");
            return;
        }
        foreach (var item in items)
        {
            html.Append("<div class=\"item\">");
            Table(html, item, t, culture);
            html.Append("</div>");
        }
    }

    private static void Fields(StringBuilder html, string heading, object value, IStringLocalizer t, CultureInfo culture)
    {
        html.Append($"<h2>{E(heading)}</h2>");
        Table(html, value, t, culture);
    }

    /// <summary>One row per property: the export records are flat apart from lists (purchase lines, steps), shown as nested tables.</summary>
    private static void Table(StringBuilder html, object value, IStringLocalizer t, CultureInfo culture)
    {
        html.Append("<table class=\"fields\">");
        foreach (var property in value.GetType().GetProperties())
        {
            html.Append($"<tr><th>{E(t[Label(property.Name)])}</th><td>");
            Value(html, property.GetValue(value), t, culture);
            html.Append("</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Value(StringBuilder html, object? value, IStringLocalizer t, CultureInfo culture)
    {
        switch (value)
        {
            case null:
                html.Append("<span class=\"muted\">—</span>");
                break;
            case string s:
                html.Append(E(s));
                break;
            case DateTime d:
                html.Append(E(d.ToString("g", culture)));
                break;
            case DateOnly d:
                html.Append(E(d.ToString("d", culture)));
                break;
            case bool b:
                html.Append(E(b ? t["yes"] : t["no"]));
                break;
            case decimal m:
                html.Append(E(m.ToString("N2", culture)));
                break;
            case IFormattable f when value.GetType().IsPrimitive || value.GetType().IsEnum:
                html.Append(E(value.GetType().IsEnum ? value.ToString()! : f.ToString(null, culture)));
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                if (items.Count == 0) html.Append("<span class=\"muted\">—</span>");
                else if (items.All(i => i is null or string || i.GetType().IsPrimitive || i.GetType().IsEnum))
                    html.Append(E(string.Join(", ", items.Select(i => Convert.ToString(i, culture)))));
                else foreach (var item in items) if (item is not null) Table(html, item, t, culture);
                break;
            default:
                html.Append(E(Convert.ToString(value, culture) ?? ""));
                break;
        }
    }

    /// <summary>"LegalName" → "Legal name": the English label, which is also the translation key.</summary>
    internal static string Label(string property)
    {
        var label = new StringBuilder();
        foreach (var ch in property)
        {
            if (char.IsUpper(ch) && label.Length > 0) label.Append(' ').Append(char.ToLowerInvariant(ch));
            else label.Append(ch);
        }
        return label.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
