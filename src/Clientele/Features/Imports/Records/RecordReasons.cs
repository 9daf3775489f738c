namespace Clientele.Features.Imports.Records;

/// <summary>
/// The reasons a re-import gives, stored in English with their values and said in the reader's language by
/// <see cref="ImportReasonText"/> (which recognises exactly these wordings).
/// </summary>
internal static class RecordReasons
{
    public const string Unchanged = "unchanged: the base has this document with the same values";
    public const string PossibleRepeat = "possible repeat: the base has a record of this client, day and amount; not imported without a number";

    /// <param name="fields">Import field keys (total, paid_on, …).</param>
    public static string Changed(IEnumerable<string> fields) => "changed: " + string.Join(", ", fields);

    public static string NumberOfAnotherClientInFile(string number, long line) => $"number {number} is used for another client on line {line}";

    public static string NumberRepeated(string number, long line) => $"number {number} repeats line {line}; the lines of one document must follow each other";

    public static string NumberOfAnotherClientInBase(string number) => $"number {number} belongs to another client's record in the base";
}
