namespace Clientele.Features.Imports.Records;

/// <summary>
/// Marker for the reasons a record import (purchases, interactions, service costs) and the file's value readers give a
/// row, in RecordText.{ru,de}.resx beside it; the key is the English wording with its holes. Stored as kinds with their
/// values (<see cref="Message.Encode"/>) and worded in the reader's language when a report is read (ADR 022, ADR 028).
/// </summary>
public sealed class RecordText;
