using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Company;

/// <summary>
/// Changes the company's time zone (ADR 023). Every day and month derived from a stored instant moves with it, so the
/// change and the rebuild of what is derived (running and monthly figures, lost and won-back state, loyalty paths)
/// are one transaction through the one refresh path; the analytics cache moves on when it commits.
/// </summary>
public static class CompanyTimeZone
{
    public const string Field = "timeZone";

    /// <summary>The zone's IANA id as this server names it, or null with the field's error (in the reader's language) added.</summary>
    public static string? Check(Errors e, string? zoneId, IStringLocalizer<CompanyText> text)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            e.Add(Field, Message.Of<CompanyText>("Choose the company's time zone."));
            return null;
        }
        if (CompanyDays.Find(zoneId) is { } zone) return zone.Id;
        e.Add(Field, Message.Of<CompanyText>("'{0}' is not a time zone this server knows; give its IANA name, such as Europe/Moscow or Europe/Berlin.", zoneId.Trim()));
        return null;
    }

    /// <returns>No errors when the zone is now the given one (changed, or already so); else the field's error, and nothing changed.</returns>
    public static async Task<Errors> ChangeAsync(ClienteleDb db, string? zoneId, IStringLocalizer<CompanyText> text, CancellationToken ct = default)
    {
        var e = new Errors();
        if (Check(e, zoneId, text) is not { } id) return e;
        var row = await db.CompanySettings.SingleAsync(s => s.Id == CompanySettings.SingletonId, ct);
        if (row.TimeZone == id) return e;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        row.TimeZone = id;
        await db.SaveChangesAsync(ct);
        CompanyDays.Forget(db);
        await ClientRefresh.RunAsync(db, ClientWrite.AllClients(ChangedRows.Purchases | ChangedRows.ServiceCosts | ChangedRows.Interactions), ct);
        await transaction.CommitAsync(ct);
        return e;
    }
}
