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

    // The refusals are kinds with their values (ADR 028); reports stored before kept the English wording, which
    // ImportReasonText still recognises.
    public static string NumberOfAnotherClientInFile(string number, long line) =>
        Message.Of<RecordText>("number {0} is used for another client on line {1}", number, line).Encode();

    public static string NumberRepeated(string number, long line) =>
        Message.Of<RecordText>("number {0} repeats line {1}; the lines of one document must follow each other", number, line).Encode();

    public static string NumberOfAnotherClientInBase(string number) =>
        Message.Of<RecordText>("number {0} belongs to another client's record in the base", number).Encode();
}
