using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Imports;

/// <summary>
/// The duplicate matcher's reasons carry values (a line, a likeness), so a page cannot look them up whole. This
/// recognises the matcher's own wording (<see cref="Engine.ClientMatcher"/>) and says it in the page's language; the
/// client a reason names is shown by name next to it, so the translation leaves its id out. The record import's
/// re-import reasons (<see cref="Records.RecordReasons"/>) likewise. Any other reason is looked up as it is (the shared
/// validation texts).
/// </summary>
public static partial class ImportReasonText
{
    public static string Localize(string reason, IStringLocalizer page, IStringLocalizer shared)
    {
        if (Message.Parse(reason) is { } kind) return kind.Render();
        if (SameAsClient().Match(reason) is { Success: true } client)
            return page["same {0} as a client in the base", Key(page, client.Groups[1].Value)];
        if (SameAsLine().Match(reason) is { Success: true } line)
            return page["same {0} as line {1}", Key(page, line.Groups[1].Value), line.Groups[2].Value];
        if (Resembles().Match(reason) is { Success: true } similar)
            return page["resembles a client in the same city ({0} alike)", similar.Groups[1].Value];
        if (OtherManager().Match(reason) is { Success: true } other)
            return page["a client with this {0} exists and belongs to another manager.", Key(page, other.Groups[1].Value)];
        if (reason is Records.RecordReasons.Unchanged or Records.RecordReasons.PossibleRepeat) return page[reason];
        if (reason.StartsWith(ChangedPrefix, StringComparison.Ordinal))
            return page["changed: {0}", string.Join(", ", reason[ChangedPrefix.Length..].Split(", ").Select(FieldLabel))];
        if (NumberOfAnotherClientInFile().Match(reason) is { Success: true } reused)
            return page["number {0} is used for another client on line {1}", reused.Groups[1].Value, reused.Groups[2].Value];
        if (NumberRepeated().Match(reason) is { Success: true } repeated)
            return page["number {0} repeats line {1}; the lines of one document must follow each other", repeated.Groups[1].Value, repeated.Groups[2].Value];
        if (NumberOfAnotherClientInBase().Match(reason) is { Success: true } taken)
            return page["number {0} belongs to another client's record in the base", taken.Groups[1].Value];
        // The tax-id and phone rules' messages carry the value the row had.
        if (Infrastructure.Validation.IdText.Relocalize(reason) is { } said) return said;
        return shared[reason];
    }

    /// <summary>
    /// A stored reason that is a kind with its values (a row's validation refusal) in the current UI culture; any other
    /// reason as it is.
    /// </summary>
    public static string? Plain(string? reason) => Message.Parse(reason)?.Render() ?? reason;

    /// <summary>The report with every row's reason that is a kind worded in the reader's language (the API's answer).</summary>
    public static ImportReport InReadersLanguage(ImportReport report) =>
        report with { Rows = [.. report.Rows.Select(r => r with { Reason = Plain(r.Reason) })] };

    private const string ChangedPrefix = "changed: ";

    /// <summary>A record import's field key by its label in the page's language.</summary>
    private static string FieldLabel(string key) =>
        new[] { ImportKind.Purchases, ImportKind.Interactions, ImportKind.ServiceCosts }.Select(k => Mapping.ImportFields.Find(k, key)).FirstOrDefault(f => f is not null)?.LabelIn() ?? key;

    [GeneratedRegex("^number (.+) is used for another client on line ([0-9]+)$")]
    private static partial Regex NumberOfAnotherClientInFile();

    [GeneratedRegex("^number (.+) repeats line ([0-9]+); the lines of one document must follow each other$")]
    private static partial Regex NumberRepeated();

    [GeneratedRegex("^number (.+) belongs to another client's record in the base$")]
    private static partial Regex NumberOfAnotherClientInBase();

    private static string Key(IStringLocalizer page, string noun) => page[$"Key.{noun}"];

    [GeneratedRegex("^same (client code|phone|e-mail|tax id) as client [0-9]+ in the base$")]
    private static partial Regex SameAsClient();

    [GeneratedRegex("^same (client code|phone|e-mail|tax id) as line ([0-9]+)$")]
    private static partial Regex SameAsLine();

    [GeneratedRegex(@"^resembles client [0-9]+ in the same city \((.+) alike\)$")]
    private static partial Regex Resembles();

    [GeneratedRegex(@"^a client with this (client code|phone|e-mail|tax id) exists and belongs to another manager\.$")]
    private static partial Regex OtherManager();
}
