using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

/// <summary>
/// Reads and writes hand-over notes in the reader's scope: a manager writes and reads the notes of the clients they see
/// (their own), the owner any. The API and the client card use the same service.
/// </summary>
public sealed class HandoverNotes(ClienteleDb db, TimeProvider clock)
{
    /// <summary>Whether the reader sees the client at all (a manager: their own).</summary>
    public Task<bool> SeesAsync(long clientId, CancellationToken ct) => db.Clients.AnyAsync(c => c.Id == clientId, ct);

    /// <summary>The client's note, or null when none is written (or the reader does not see the client: the row filter applies).</summary>
    public Task<HandoverNoteResponse?> FindAsync(long clientId, CancellationToken ct) =>
        db.Set<HandoverNote>().AsNoTracking().Where(n => n.ClientId == clientId)
            .Select(n => new HandoverNoteResponse(n.ClientId, n.Text, n.AuthorId, n.Author!.DisplayName, n.WrittenAt)).SingleOrDefaultAsync(ct);

    public async Task<HandoverResult<HandoverNoteResponse>> SaveAsync(long clientId, string? text, long? author, CancellationToken ct)
    {
        if (!await SeesAsync(clientId, ct)) return HandoverResult<HandoverNoteResponse>.NotFound();
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return HandoverResult<HandoverNoteResponse>.Invalid("text", Message.Of("is required."));
        if (trimmed.Length > HandoverNote.TextMax) return HandoverResult<HandoverNoteResponse>.Invalid("text", Message.Of("must be at most {0} characters.", HandoverNote.TextMax));
        var note = await db.Set<HandoverNote>().SingleOrDefaultAsync(n => n.ClientId == clientId, ct);
        var isNew = note is null;
        note ??= db.Set<HandoverNote>().Add(new HandoverNote { ClientId = clientId, Text = trimmed }).Entity;
        (note.Text, note.AuthorId, note.WrittenAt) = (trimmed, author, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(isNew ? AuditAction.Created : AuditAction.Updated, author, nameof(HandoverNote), note.Id, [clientId],
            Message.Of<HandoverText>("Hand-over note written.").Encode()), ct);
        var name = author is { } a ? await db.Set<Employee>().Where(e => e.Id == a).Select(e => e.DisplayName).SingleOrDefaultAsync(ct) : null;
        return HandoverResult<HandoverNoteResponse>.Ok(new HandoverNoteResponse(clientId, note.Text, note.AuthorId, name, note.WrittenAt));
    }
}
