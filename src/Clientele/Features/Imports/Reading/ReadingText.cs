namespace Clientele.Features.Imports.Reading;

/// <summary>
/// Marker for what the file readers (CSV, vCard, XLSX) say about a file they cannot read or a row they cannot take, in
/// ReadingText.{ru,de}.resx beside it; the key is the English wording with its holes. A row's problem is stored as a
/// kind with its values, and a file's as the job's error, so each is worded in the reader's language when read (ADR 034).
/// </summary>
public sealed class ReadingText;
