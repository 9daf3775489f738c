using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.LostClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Privacy;

/// <summary>The replacement texts, in the language of whoever erases (or of the company, for the nightly job).</summary>
public sealed record ErasureWording(string ClientName, string ContactName, string TaskTitle)
{
    public static ErasureWording From(IStringLocalizer<PrivacyText> t) =>
        new(t["Erased client #{0}"].Value, t["Erased contact #{0}"].Value, t["Erased task"].Value);
}

/// <summary>
/// Right to erasure by anonymisation: the person's personal data is overwritten in one transaction while the
/// purchases, their amounts and dates and every aggregate stay, so the company's revenue history stays true.
/// </summary>
public static class Erasure
{
    public const int ReasonMax = 500;
    public const int ReferenceMax = 100;

    public static Errors Check(EraseInput input)
    {
        var e = new Errors();
        e.Required("reason", input.Reason, ReasonMax);
        e.Optional("requestReference", input.RequestReference, ReferenceMax);
        return e;
    }

    public static async Task<PrivacyResult<ErasureRecordResponse>> EraseAsync(ClienteleDb db, AuditLog audit, long clientId, EraseInput input,
        ErasureTrigger trigger, long? by, ErasureWording wording, CancellationToken ct)
    {
        // One client: its tags times its search terms is a handful of rows, one round trip (said, so EF does not warn).
        var client = await db.Clients.Include(c => c.Tags).Include(c => c.SearchTerms).AsSingleQuery().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return PrivacyResult<ErasureRecordResponse>.NotFound($"Client {clientId} does not exist.");
        var errors = Check(input);
        if (errors.Any) return PrivacyResult<ErasureRecordResponse>.Invalid(errors);
        if (await db.Set<ErasureRecord>().AnyAsync(r => r.ClientId == clientId, ct))
            return PrivacyResult<ErasureRecordResponse>.Conflict($"The personal data of client {clientId} was already erased.");

        var now = db.UtcNow;
        var includeCompany = client.Kind == ClientKind.Person || input.IncludeCompanyData == true;
        var fields = new List<string>();
        AnonymiseClient(client, includeCompany, wording, fields);

        var contacts = await db.ContactPersons.Where(p => p.ClientId == clientId).ToListAsync(ct);
        foreach (var person in contacts)
        {
            (person.Name, person.Position, person.Phones, person.Emails) = (string.Format(wording.ContactName, person.Id), null, [], []);
            (person.Messenger, person.Birthday, person.PreferredLanguage, person.Consents) = (null, null, null, []);
        }
        if (contacts.Count > 0) fields.Add($"contactPersons[{contacts.Count}]: name, position, phones, emails, messenger, birthday, preferredLanguage, consents");

        await Blank(db.Interactions.Where(i => i.ClientId == clientId && (i.Text != null || i.Outcome != null)), i => { i.Text = null; i.Outcome = null; },
            "interactions[{0}]: text, outcome", fields, ct);
        await Blank(db.Tasks.Where(t => t.ClientId == clientId), t => { t.Title = wording.TaskTitle; t.Details = null; t.Result = null; }, "tasks[{0}]: title, details, result", fields, ct);
        await Blank(db.ServiceCosts.Where(c => c.ClientId == clientId && c.Note != null), c => c.Note = null, "serviceCosts[{0}]: note", fields, ct);
        await Blank(db.Set<ClientLoss>().Where(l => l.ClientId == clientId && l.Comment != null), l => l.Comment = null, "losses[{0}]: comment", fields, ct);
        // No one may be contacted on a consent whose person no longer exists; the history stays as proof.
        await Blank(ConsentQueries.Granted(db.Set<PersonalDataConsent>()).Where(c => c.ClientId == clientId),
            c => (c.WithdrawnAt, c.WithdrawalSource, c.WithdrawnById) = (now, ConsentSource.Erasure, by), "consents[{0}]: withdrawn", fields, ct);

        // The address a confirmation request went to and the one it was confirmed from are the person's too; an open link dies with them.
        await Blank(db.Set<ConsentRequest>().Where(r => r.ClientId == clientId), r =>
        {
            (r.Address, r.ConfirmedFrom) = ("", null);
            if (r.ExpiresAt > now) r.ExpiresAt = now;
        }, "consentRequests[{0}]: address, confirmedFrom", fields, ct);

        ClientSearch.Sync(client, contacts);
        var record = new ErasureRecord
        {
            ClientId = clientId, ErasedAt = now, ErasedById = by, Trigger = trigger, Reason = input.Reason!.Trim(),
            RequestReference = input.RequestReference?.Trim() is { Length: > 0 } r ? r : null, IncludedCompanyData = includeCompany,
            Fields = string.Join("; ", fields),
        };
        db.Add(record);
        // One transaction: the anonymised rows, the audit entries of that change and the redaction of the trail's
        // entries about the person (those included) stand or fall together.
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two erasures of one client at once: the unique index let only one through.
                if (owned is not null) await owned.RollbackAsync(ct);
                if (!await AlreadyErasedAsync(db, clientId)) throw;
                return PrivacyResult<ErasureRecordResponse>.Conflict($"The personal data of client {clientId} was already erased.");
            }
            // Cached reports name clients; the next reader must not see the old name.
            await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record, clientId), ct);
            await AuditRedaction.RedactClientAsync(db, clientId, ct);
            await audit.On(db).RecordAsync(new AuditEvent(trigger == ErasureTrigger.Retention ? AuditAction.RetentionAnonymised : AuditAction.PersonalDataErased,
                by, nameof(ErasureRecord), record.Id, [clientId], record.Reason), ct);
            if (owned is not null) await owned.CommitAsync(ct);
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
        return PrivacyResult<ErasureRecordResponse>.Ok((await RecordsAsync(db, clientId, ct)).Single());
    }

    private static void AnonymiseClient(Client client, bool includeCompany, ErasureWording wording, List<string> fields)
    {
        void Clear(string field, string? value, Action clear)
        {
            if (value is null) return;
            clear();
            fields.Add("client." + field);
        }
        if (includeCompany)
        {
            client.Name = string.Format(wording.ClientName, client.Id);
            client.NameKey = ClientSearch.Key(client.Name);
            fields.Add("client.name");
            Clear("legalName", client.LegalName, () => client.LegalName = null);
            Clear("taxId", client.TaxId, () => client.TaxId = null);
            Clear("phone", client.Phone, () => client.Phone = null);
            Clear("email", client.Email, () => client.Email = null);
            Clear("website", client.Website, () => client.Website = null);
            Clear("city", client.City, () => client.City = null);
            if (client.Tags.Count > 0)
            {
                client.Tags.Clear();
                fields.Add("client.tags");
            }
        }
        Clear("notes", client.Notes, () => client.Notes = null);
    }

    private static async Task Blank<T>(IQueryable<T> rows, Action<T> blank, string field, List<string> fields, CancellationToken ct)
    {
        var list = await rows.ToListAsync(ct);
        foreach (var row in list) blank(row);
        if (list.Count > 0) fields.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, field, list.Count));
    }

    private static async Task<bool> AlreadyErasedAsync(ClienteleDb db, long clientId)
    {
        db.ChangeTracker.Clear();
        return await db.Set<ErasureRecord>().AnyAsync(r => r.ClientId == clientId);
    }

    /// <summary>The erasure records of one client, or of all clients when null, newest first.</summary>
    public static async Task<List<ErasureRecordResponse>> RecordsAsync(ClienteleDb db, long? clientId, CancellationToken ct)
    {
        var query = db.Set<ErasureRecord>().AsNoTracking();
        if (clientId is { } id) query = query.Where(r => r.ClientId == id);
        var rows = await query.OrderByDescending(r => r.Id).Take(1000)
            .Select(r => new { Record = r, By = db.Set<Employee>().Where(e => e.Id == r.ErasedById).Select(e => e.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(x => new ErasureRecordResponse(x.Record.Id, x.Record.ClientId, x.Record.ErasedAt, x.Record.ErasedById, x.By,
            x.Record.Trigger, x.Record.Reason, x.Record.RequestReference, x.Record.IncludedCompanyData,
            x.Record.Fields.Split("; ", StringSplitOptions.RemoveEmptyEntries)))];
    }
}
