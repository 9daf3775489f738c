using System.Text.RegularExpressions;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// How 1C writes two things other systems keep apart: a document as "Реализация товаров и услуг 00УТ-000123 от
/// 15.01.2025 12:00:00" (the register report's "Регистратор"/"Документ" column), and a company's "ИНН/КПП" in one cell.
/// </summary>
public static partial class OneC
{
    /// <summary>The document's number ("00УТ-000123") out of 1C's document presentation; any other text as it is.</summary>
    public static string DocumentNumber(string text) =>
        Presentation().Match(text) is { Success: true } m ? m.Groups["number"].Value : text;

    /// <summary>"7707083893/773601001" (or with a space, a backslash) as the INN and the KPP; a lone id as the INN.</summary>
    public static (string TaxId, string? Kpp) SplitTaxId(string text)
    {
        var match = TaxIdAndKpp().Match(text);
        return match.Success ? (match.Groups["inn"].Value, match.Groups["kpp"].Value) : (text, null);
    }

    [GeneratedRegex(@"^\D.*?\s(?<number>[^\s]+)\s+от\s+\d{1,2}\.\d{1,2}\.\d{2,4}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Presentation();

    [GeneratedRegex(@"^\s*(?<inn>\d{10}|\d{12})\s*[/\\ ]\s*(?<kpp>\d{9})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxIdAndKpp();
}
